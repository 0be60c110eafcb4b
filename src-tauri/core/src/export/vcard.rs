//! People as vCard 3.0 (RFC 2426) files: a contact to add to the phone's
//! address book, and the user's own card — the "virtual business card" the
//! seed article recommends, shared as a file or a QR code.
//!
//! 3.0, not 4.0: it is the version Apple Contacts, Google Contacts, Outlook
//! and Android all read and write. Handles go out twice, as
//! `X-SOCIALPROFILE` (Apple shows it as a social profile) and as a `URL`
//! (what Google, Outlook and Android keep). A person's private notes stay
//! out: a card is made to be passed on. The card sync writes to the user's
//! own address book ([`person_with_note`]) adds a NOTE of Hallway's
//! planning (why meet them, their next talk), for the user's eyes only.
//!
//! N carries the name's parts as the card that was imported had them:
//! middle names as additional names, a generational suffix ("Jr.", "III",
//! which stays in the shown name) before the credentials. A person whose
//! card gave no name, only an e-mail address, gets an empty N: the address
//! is what FN shows, never a name.

use super::content::Lines;
use crate::ids::PersonId;
use crate::people::name::{generational_suffix, is_address_stand_in};
use crate::people::{self, Person};
use crate::settings::{MyCard, Settings};
use crate::{Result, Store};

/// A person from the People list as a vCard.
pub async fn person(store: &Store, person_id: PersonId) -> Result<String> {
    let p = people::get(store, person_id).await?;
    Ok(write(&Card::of_person(&p)))
}

/// The UID of a person's card, the same in every export and sync, so a
/// phone that has the card updates it instead of adding a second one.
pub fn person_uid(id: PersonId) -> String {
    format!("person-{id}@hallway.app")
}

/// A person as a vCard with a NOTE (none when `note` is blank): the card
/// sync keeps in the user's own address book. Otherwise the same card as
/// [`person`].
pub fn person_with_note(person: &Person, note: &str) -> String {
    write(&Card { note, ..Card::of_person(person) })
}

/// The user's own card, from settings.
pub fn my_card(settings: &Settings) -> String {
    write(&Card::of_mine(&settings.my_card))
}

/// What a card says, whoever it is for.
struct Card<'a> {
    uid: Option<String>,
    name: &'a str,
    given: String,
    middle: &'a str,
    family: String,
    prefix: &'a str,
    /// Generational suffix and credentials: "Jr., MD".
    suffix: String,
    institution: &'a str,
    position: &'a str,
    emails: Vec<&'a str>,
    phone: &'a str,
    /// Links: ORCID, LinkedIn, website.
    urls: Vec<String>,
    /// (type, profile URL) for X and Bluesky.
    socials: Vec<(&'static str, String)>,
    /// Only on the user's own phone: never on a card to pass on.
    note: &'a str,
}

impl<'a> Card<'a> {
    fn of_person(p: &'a Person) -> Self {
        let prefix = p.honorific.as_deref().unwrap_or("");
        let nameless = is_address_stand_in(&p.display_name);
        let (given, family) = match (p.given_name.as_deref(), p.family_name.as_deref()) {
            (None, None) if nameless => (String::new(), String::new()),
            (None, None) => split_name(name_only(&p.display_name, prefix)),
            (given, family) => (given.unwrap_or("").to_owned(), family.unwrap_or("").to_owned()),
        };
        let generational = generational_suffix(before_credentials(&p.display_name));
        let mut emails: Vec<&str> = p.email.iter().map(String::as_str).collect();
        emails.extend(
            p.emails
                .iter()
                .map(String::as_str)
                .filter(|e| !p.email.as_deref().is_some_and(|m| m.eq_ignore_ascii_case(e))),
        );
        Card {
            uid: Some(person_uid(p.id)),
            name: &p.display_name,
            given,
            middle: p.middle_name.as_deref().unwrap_or(""),
            family,
            prefix,
            suffix: suffix(generational, p.credentials.as_deref().unwrap_or("")),
            institution: p.institution.as_deref().unwrap_or(""),
            position: p.position.as_deref().unwrap_or(""),
            emails,
            phone: p.phone.as_deref().unwrap_or(""),
            urls: links(p.orcid.as_deref(), p.linkedin_url.as_deref(), None),
            socials: socials(p.x_handle.as_deref(), p.bluesky_handle.as_deref()),
            note: "",
        }
    }

    fn of_mine(c: &'a MyCard) -> Self {
        let (given, family) = split_name(name_only(&c.name, ""));
        let generational = generational_suffix(before_credentials(&c.name));
        let some = |s: &'a str| Some(s.trim()).filter(|s| !s.is_empty());
        Card {
            uid: None,
            name: c.name.trim(),
            given,
            middle: "",
            family,
            prefix: "",
            suffix: suffix(generational, c.credentials.trim()),
            institution: c.institution.trim(),
            position: c.position.trim(),
            emails: some(&c.email).into_iter().collect(),
            phone: c.phone.trim(),
            urls: links(some(&c.orcid), some(&c.linkedin), some(&c.website)),
            socials: socials(some(&c.x_handle), some(&c.bluesky)),
            note: "",
        }
    }
}

fn write(card: &Card) -> String {
    let mut l = Lines::new();
    l.begin("VCARD");
    l.raw("VERSION", "3.0");
    l.text("PRODID", concat!("-//Hallway//Hallway ", env!("CARGO_PKG_VERSION"), "//EN"));
    if let Some(uid) = &card.uid {
        l.raw("UID", uid);
    }
    // N and FN are required in 3.0.
    l.structured("N", &[&card.family, &card.given, card.middle, card.prefix, &card.suffix]);
    l.text("FN", if card.name.trim().is_empty() { &card.family } else { card.name });
    if !card.institution.trim().is_empty() {
        l.structured("ORG", &[card.institution]);
    }
    l.text("TITLE", card.position);
    for (n, email) in card.emails.iter().enumerate() {
        let kinds: &[&str] = if n == 0 { &["INTERNET", "PREF"] } else { &["INTERNET"] };
        l.raw_with("EMAIL", &[("TYPE", kinds)], email);
    }
    if !card.phone.trim().is_empty() {
        l.raw_with("TEL", &[("TYPE", &["VOICE"])], card.phone);
    }
    for url in &card.urls {
        l.raw("URL", url);
    }
    for (kind, url) in &card.socials {
        l.raw_with("X-SOCIALPROFILE", &[("TYPE", &[kind])], url);
        l.raw("URL", url);
    }
    l.text("NOTE", card.note);
    l.end("VCARD");
    l.finish()
}

/// "Jr., MD, PhD": the generational suffix, then the credentials.
fn suffix(generational: Option<&str>, credentials: &str) -> String {
    generational.into_iter().chain(Some(credentials.trim())).filter(|s| !s.is_empty()).collect::<Vec<_>>().join(", ")
}

/// A name before any ", MD, PhD" written after it.
fn before_credentials(name: &str) -> &str {
    name.split(',').next().unwrap_or(name).trim()
}

/// The given and family names in a shown name: without the form of
/// address in front, the credentials and a generational suffix behind.
fn name_only<'n>(name: &'n str, honorific: &str) -> &'n str {
    let name = before_credentials(name);
    let name = match name.strip_prefix(honorific.trim()) {
        Some(rest) if !honorific.trim().is_empty() && rest.starts_with(char::is_whitespace) => rest.trim_start(),
        _ => name,
    };
    match generational_suffix(name) {
        Some(suffix) => name[..name.rfind(suffix).unwrap_or(name.len())].trim_end(),
        None => name,
    }
}

/// "Ana María Sánchez" → ("Ana María", "Sánchez"); a name of one word
/// ("李伟") is all family name, which is how address books file it.
fn split_name(name: &str) -> (String, String) {
    match name.trim().rsplit_once(char::is_whitespace) {
        Some((given, family)) => (given.trim().to_owned(), family.to_owned()),
        None => (String::new(), name.trim().to_owned()),
    }
}

fn links(orcid: Option<&str>, linkedin: Option<&str>, website: Option<&str>) -> Vec<String> {
    let mut urls = Vec::new();
    if let Some(id) = orcid.and_then(people::normalise_orcid) {
        urls.push(format!("https://orcid.org/{id}"));
    }
    urls.extend(linkedin.into_iter().chain(website).map(with_scheme));
    urls
}

fn socials(x: Option<&str>, bluesky: Option<&str>) -> Vec<(&'static str, String)> {
    let mut found = Vec::new();
    if let Some(handle) = x.and_then(people::handle) {
        // Apple's type for X profiles is still "twitter".
        found.push(("twitter", format!("https://x.com/{handle}")));
    }
    if let Some(handle) = bluesky.and_then(people::handle) {
        found.push(("bluesky", format!("https://bsky.app/profile/{handle}")));
    }
    found
}

fn with_scheme(url: &str) -> String {
    let url = url.trim();
    if url.contains("://") {
        url.to_owned()
    } else {
        format!("https://{url}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn my_card_carries_every_filled_field_and_nothing_empty() {
        let settings = Settings {
            my_card: MyCard {
                name: "Kari Ødegård".into(),
                credentials: "MD, PhD".into(),
                institution: "Oslo universitetssykehus; Rikshospitalet".into(),
                email: "kari@ous.no".into(),
                x_handle: "@kari".into(),
                bluesky: "kari.bsky.social".into(),
                orcid: "0000000218250097".into(),
                website: "ous.no".into(),
                ..MyCard::default()
            },
            ..Settings::default()
        };
        let card = my_card(&settings);
        let expected = [
            "BEGIN:VCARD",
            "VERSION:3.0",
            concat!("PRODID:-//Hallway//Hallway ", env!("CARGO_PKG_VERSION"), "//EN"),
            "N:Ødegård;Kari;;;MD\\, PhD",
            "FN:Kari Ødegård",
            "ORG:Oslo universitetssykehus\\; Rikshospitalet",
            "EMAIL;TYPE=INTERNET,PREF:kari@ous.no",
            "URL:https://orcid.org/0000-0002-1825-0097",
            "URL:https://ous.no",
            "X-SOCIALPROFILE;TYPE=twitter:https://x.com/kari",
            "URL:https://x.com/kari",
            "X-SOCIALPROFILE;TYPE=bluesky:https://bsky.app/profile/kari.bsky.social",
            "URL:https://bsky.app/profile/kari.bsky.social",
            "END:VCARD",
            "",
        ]
        .join("\r\n");
        assert_eq!(card, expected);
    }

    #[test]
    fn names_lose_what_is_not_given_or_family_name() {
        assert_eq!(name_only("Dr. Martin Luther King Jr.", "Dr."), "Martin Luther King");
        assert_eq!(name_only("John Doe III, MD", ""), "John Doe");
        assert_eq!(name_only("Ana Sánchez", "Prof."), "Ana Sánchez");
        assert_eq!(name_only("Drew Smith", "Dr"), "Drew Smith");
        assert_eq!(suffix(Some("Jr."), "MD, PhD"), "Jr., MD, PhD");
        assert_eq!(suffix(None, ""), "");
    }

    #[test]
    fn one_word_names_are_family_names() {
        assert_eq!(split_name("李伟"), (String::new(), "李伟".to_owned()));
        assert_eq!(split_name(" Ana María Sánchez "), ("Ana María".to_owned(), "Sánchez".to_owned()));
    }
}
