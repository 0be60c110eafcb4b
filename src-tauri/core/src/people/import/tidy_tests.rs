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

#[test]
fn profile_links_are_recognised_and_normalised() {
    let linkedin = |s: &str| profile(s);
    let ana = Some(Profile::Linkedin("https://www.linkedin.com/in/ana-sanchez-1a2b".into()));
    for link in [
        "https://www.linkedin.com/in/ana-sanchez-1a2b/",
        "http://linkedin.com/in/Ana-Sanchez-1a2b?trk=profile",
        "https://es.linkedin.com/in/ana-sanchez-1a2b/#experience",
        "www.linkedin.com/in/ana-sanchez-1a2b",
        "https://m.linkedin.com/in/ana-sanchez-1a2b/details",
    ] {
        assert_eq!(linkedin(link), ana, "{link}");
    }
    assert_eq!(profile("https://www.linkedin.com/company/hospital"), None);
    assert_eq!(super::linkedin("ana-sanchez-1a2b").as_deref(), Some("https://www.linkedin.com/in/ana-sanchez-1a2b"));
    assert_eq!(super::linkedin("https://example.org/ana"), None);

    assert_eq!(profile("https://twitter.com/AnaHeme?s=20"), Some(Profile::X("AnaHeme".into())));
    assert_eq!(profile("https://x.com/AnaHeme/status/1"), Some(Profile::X("AnaHeme".into())));
    assert_eq!(profile("https://twitter.com/intent/tweet"), None);
    assert_eq!(x_handle("@AnaHeme").as_deref(), Some("AnaHeme"));
    assert_eq!(x_handle("not a handle"), None);

    assert_eq!(profile("https://bsky.app/profile/ana.bsky.social"), Some(Profile::Bluesky("ana.bsky.social".into())));
    assert_eq!(bluesky_handle("@Ana.Bsky.Social").as_deref(), Some("ana.bsky.social"));
    assert_eq!(bluesky_handle("ana"), None);

    assert_eq!(profile("https://orcid.org/0000-0002-1825-0097"), Some(Profile::Orcid("0000-0002-1825-0097".into())));
    assert_eq!(orcid("000000021825009x").as_deref(), Some("0000-0002-1825-009X"));
    assert_eq!(orcid("1234"), None);
    assert_eq!(profile("https://example.org/in/ana"), None);
}
