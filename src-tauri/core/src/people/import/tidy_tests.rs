//! Names, addresses and profile links as people really write them.

use super::*;

#[test]
fn names_lose_emoji_and_odd_spacing() {
    assert_eq!(name("  Ana\u{00A0}\u{00A0}Sánchez 🌸 "), "Ana Sánchez");
    assert_eq!(name("Jörg 👨‍⚕️ Müller"), "Jörg Müller");
    assert_eq!(name("Kari\u{200B} Ødegård 🇳🇴"), "Kari Ødegård");
    assert_eq!(name("| Ana Sánchez |"), "Ana Sánchez");
    // A joiner inside an Indic name is part of the spelling.
    assert_eq!(name("ന്\u{200D}"), "ന്\u{200D}");
    assert_eq!(name("✨🌸"), "");
    assert_eq!(name("Ana Sánchez (she/her)"), "Ana Sánchez");
    assert_eq!(name("Alex Kim (They/Them) 🏳️‍🌈"), "Alex Kim");
    assert_eq!(name("Test (outlook)"), "Test (outlook)");
}

#[test]
fn credentials_come_off_the_end() {
    let split = |n: &str| {
        let (rest, credentials) = split_credentials(n);
        (rest, credentials.unwrap_or_default())
    };
    assert_eq!(split("Ana Sánchez, MD, PhD"), ("Ana Sánchez".into(), "MD, PhD".into()));
    assert_eq!(split("Ana Sánchez MD PhD"), ("Ana Sánchez".into(), "MD, PhD".into()));
    assert_eq!(split("Ana Sánchez MD, PhD"), ("Ana Sánchez".into(), "MD, PhD".into()));
    assert_eq!(split("Sánchez, M.D., Ph.D."), ("Sánchez".into(), "M.D., Ph.D.".into()));
    assert_eq!(split("Sánchez, MD/PhD, FRCPath"), ("Sánchez".into(), "MD/PhD, FRCPath".into()));
    // Family names that are also degrees stay, unless after a comma.
    assert_eq!(split("Anh Do"), ("Anh Do".into(), String::new()));
    assert_eq!(split("Anh DO"), ("Anh DO".into(), String::new()));
    assert_eq!(split("Li Ma, MS"), ("Li Ma".into(), "MS".into()));
    assert_eq!(split("Sánchez, Ana"), ("Sánchez, Ana".into(), String::new()));
    assert_eq!(split("MD"), ("MD".into(), String::new()), "a name is always left");
}

#[test]
fn names_from_parts_and_from_one_field() {
    let ana = Name::from_parts("Dr. Ana", "", "Sánchez, MD, PhD");
    assert_eq!(ana.display, "Dr. Ana Sánchez");
    assert_eq!(ana.given.as_deref(), Some("Ana"));
    assert_eq!(ana.family.as_deref(), Some("Sánchez"));
    assert_eq!(ana.honorific.as_deref(), Some("Dr."));
    assert_eq!(ana.credentials.as_deref(), Some("MD, PhD"));

    let john = Name::from_parts("John", "Q.", "Public");
    assert_eq!((john.display.as_str(), john.given.as_deref()), ("John Q. Public", Some("John")));

    let reversed = Name::from_full("Sánchez, Ana, MD");
    assert_eq!(reversed.display, "Ana Sánchez");
    assert_eq!((reversed.given.as_deref(), reversed.family.as_deref()), (Some("Ana"), Some("Sánchez")));
    assert_eq!(reversed.credentials.as_deref(), Some("MD"));

    let prof = Name::from_full("Prof. Kari Ødegård PhD");
    assert_eq!(prof.display, "Prof. Kari Ødegård");
    assert_eq!((prof.honorific.as_deref(), prof.given.as_deref()), (Some("Prof."), None));
}

#[test]
fn emails_keep_the_local_part_and_lower_the_domain() {
    assert_eq!(email(" Ana.Sanchez@Hospital.ES ").as_deref(), Some("Ana.Sanchez@hospital.es"));
    assert_eq!(email("mailto:jo@x.org").as_deref(), Some("jo@x.org"));
    assert_eq!(email("Ana Sánchez <ana@x.org>").as_deref(), Some("ana@x.org"));
    for bad in ["", "ana", "ana@", "@x.org", "ana@x", "a b@x.org", "ana@x.org."] {
        assert_eq!(email(bad), None, "{bad}");
    }
    assert_eq!(emails("a@x.org ::: b@y.org; c@z.org,d@w.org"), vec!["a@x.org", "b@y.org", "c@z.org", "d@w.org"]);
}

#[test]
fn phones_without_scheme() {
    assert_eq!(phone("tel:+33-01-23-45-67").as_deref(), Some("+33-01-23-45-67"));
    assert_eq!(phone(" +34  600 00 00 00 ").as_deref(), Some("+34 600 00 00 00"));
    assert_eq!(phone("n/a"), None);
}
