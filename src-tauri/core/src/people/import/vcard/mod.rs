//! vCard 2.1, 3.0 and 4.0 files as Apple Contacts, Google Contacts, Outlook
//! and Android export them, many cards to a file. The reader is written here
//! rather than taken from the `ical` crate: its vCard parser fails on the
//! quoted-printable soft line breaks that Outlook and Android write, knows no
//! line numbers for messages, and collects every base64 photo it meets. So
//! [`lines`] unfolds the file into cards (skipping photos as they pass),
//! [`property`] takes each line apart, [`charset`] decodes each value in its
//! own CHARSET, and this file turns a card into a [`ContactRecord`].

mod charset;
mod lines;
mod property;
#[cfg(test)]
mod tests;

use super::links::{self, Profile};
use super::record::{self, ContactRecord, LeftOut, SkippedRecord};
use super::tidy::{self, Name};
use crate::people::name::is_generational;
use crate::program::import::ReadError;
pub(super) use charset::Values;
use property::{items, Property};
use std::collections::HashMap;

/// Every card of the file's `bytes` as a record, or why a card could not be
/// one. `values` says whether each value's CHARSET is to be believed.
pub(super) fn read(bytes: &[u8], values: Values) -> Result<(Vec<ContactRecord>, Vec<SkippedRecord>), ReadError> {
    let cards: Vec<(usize, Vec<Property>)> = lines::cards(&charset::view(bytes))?
        .into_iter()
        .map(|card| (card.line, card.properties.iter().filter_map(|p| Property::parse(p, values)).collect()))
        .collect();
    // A UID on more than one card (some exporters number every card 1)
    // identifies none of them: those cards are known by their content.
    let mut uids: HashMap<String, usize> = HashMap::new();
    for (_, properties) in &cards {
        if let Some(uid) = uid(properties) {
            *uids.entry(uid).or_default() += 1;
        }
    }
    let mut records = Vec::new();
    let mut skipped = Vec::new();
    for (line, properties) in &cards {
        match record(properties, *line) {
            Ok(mut record) => {
                record.source = Some(match uid(properties).filter(|u| uids.get(u) == Some(&1)) {
                    Some(uid) => format!("uid:{uid}"),
                    None => digest(properties),
                });
                records.push(record)
            }
            Err(skip) => skipped.push(skip),
        }
    }
    Ok((records, skipped))
}

fn uid(properties: &[Property]) -> Option<String> {
    properties.iter().find(|p| p.name == "UID").map(|p| p.text().trim().to_owned()).filter(|u| !u.is_empty())
}

/// What the card says, without REV (when it was last saved, which
/// some exporters stamp with the time of the export).
fn digest(properties: &[Property]) -> String {
    let parts: Vec<Vec<u8>> = properties
        .iter()
        .filter(|p| p.name != "REV")
        .map(|p| {
            let params = p.params.iter().map(|(k, v)| format!("{k}={v}")).collect::<Vec<_>>().join(";");
            format!("{};{params}:{}", p.name, p.value).into_bytes()
        })
        .collect();
    record::digest(parts.iter().map(Vec::as_slice))
}

fn record(properties: &[Property], line: usize) -> Result<ContactRecord, SkippedRecord> {
    let first = |name: &str| properties.iter().find(|p| p.name == name && !p.value.trim().is_empty());
    let all = |name: &'static str| properties.iter().filter(move |p| p.name == name);
    // Sorting is stable: among equals, the file's order stays.
    let by_preference = |name: &'static str| {
        let mut found: Vec<&Property> = all(name).collect();
        found.sort_by_key(|p| p.preference());
        found
    };

    let mut name = name(first("FN"), first("N"));
    let mut left_out = Vec::new();
    let mut emails = Vec::new();
    for property in by_preference("EMAIL") {
        let text = property.text();
        match tidy::email(&text) {
            Some(email) => emails.push(email),
            None if !text.trim().is_empty() => left_out.push(LeftOut {
                line: property.line,
                reason: format!(
                    "EMAIL {} is not an e-mail address; the card was imported without it",
                    tidy::quote(&text)
                ),
            }),
            None => {}
        }
    }
    tidy::address_out_of_name(&mut name, &mut emails);
    let emails = tidy::unique_emails(emails);
    if name.display.is_empty() && emails.is_empty() {
        return Err(SkippedRecord { line, reason: "the card has no name (FN or N) and no e-mail address".into() });
    }
    let mut phones = by_preference("TEL");
    phones.sort_by_key(|p| (p.preference(), !(p.has_type("cell") || p.has_type("mobile"))));
    let address = by_preference("ADR").into_iter().map(Property::components).find(|c| {
        c.get(3).is_some_and(|city| !city.trim().is_empty())
            || c.get(6).is_some_and(|country| !country.trim().is_empty())
    });
    let component = |index: usize| address.as_ref().and_then(|c| c.get(index)).and_then(|c| tidy::line(c));
    let notes: Vec<String> = all("NOTE").filter_map(|p| tidy::note(&p.text())).collect();

    let mut record = ContactRecord {
        display_name: name.display,
        given_name: name.given,
        middle_name: name.middle,
        family_name: name.family,
        honorific: name.honorific,
        credentials: name.credentials,
        institution: first("ORG").and_then(|p| p.components().first().and_then(|org| tidy::line(org))),
        position: first("TITLE").or_else(|| first("ROLE")).and_then(|p| tidy::line(&p.text())),
        city: component(3),
        country: component(6),
        emails,
        phone: phones.iter().find_map(|p| tidy::phone(&p.text())),
        notes: tidy::some(notes.join("\n\n")),
        tags: tags(all("CATEGORIES")),
        line,
        left_out,
        ..ContactRecord::default()
    };
    for property in properties {
        let profile = match property.name.as_str() {
            "URL" => links::profile(&property.text()),
            "X-SOCIALPROFILE" => social_profile(property),
            "X-LINKEDIN" => links::linkedin(&property.text()).map(Profile::Linkedin),
            "X-TWITTER" => links::x_handle(&property.text()).map(Profile::X),
            "X-BLUESKY" => links::bluesky_handle(&property.text()).map(Profile::Bluesky),
            "X-ORCID" => links::orcid(&property.text()).map(Profile::Orcid),
            _ => None,
        };
        if let Some(profile) = profile {
            profile.fill(&mut record);
        }
    }
    Ok(record)
}

/// The name from FN (as the card shows it) and N (its parts). Credentials
/// in N's suffix are taken off the end of FN; a generational suffix
/// ("Jr.", "III") is part of the name and stays; without FN the name is
/// built from N; a form of address stays in the display name as written.
/// No FN and no N give an empty display name.
fn name(full: Option<&Property>, structured: Option<&Property>) -> Name {
    let parts = structured.map(Property::components).unwrap_or_default();
    let part = |i: usize| tidy::name(&parts.get(i).map(|c| items(c).collect::<Vec<_>>().join(" ")).unwrap_or_default());
    let (family, given, middle) = (part(0), part(1), part(2));
    let (generational, suffixes): (Vec<&str>, Vec<&str>) =
        parts.get(4).map(|c| items(c).partition(|s| is_generational(s))).unwrap_or_default();
    let mut credentials = tidy::some(suffixes.join(", "));
    let mut honorific = parts.get(3).and_then(|c| tidy::line(&items(c).collect::<Vec<_>>().join(" ")));

    let display = match full.map(|p| tidy::name(&p.text())).filter(|d| !d.is_empty()) {
        Some(mut display) => {
            if suffixes.is_empty() {
                let (rest, found) = tidy::split_credentials(&display);
                display = rest;
                credentials = found;
            }
            for suffix in suffixes.iter().rev() {
                if let Some(rest) = strip_end(&display, suffix) {
                    display = rest.to_owned();
                }
            }
            // FN written as an index entry: "Public, John".
            if !given.is_empty() && !family.is_empty() && display == format!("{family}, {given}") {
                display = format!("{given} {family}");
            }
            display
        }
        None => [given.as_str(), middle.as_str(), family.as_str()]
            .into_iter()
            .chain(generational)
            .filter(|p| !p.is_empty())
            .collect::<Vec<_>>()
            .join(" "),
    };
    if honorific.is_none() && !display.is_empty() {
        honorific = tidy::split_honorific(&display).0;
    }
    Name {
        display,
        given: tidy::some(given),
        middle: tidy::some(middle),
        family: tidy::some(family),
        honorific,
        credentials,
    }
}

/// `text` without `suffix` (case ignored) and the comma before it, if it
/// ends so and some name is left.
fn strip_end<'a>(text: &'a str, suffix: &str) -> Option<&'a str> {
    let cut = text.len().checked_sub(suffix.len())?;
    if !text.is_char_boundary(cut) || !text[cut..].eq_ignore_ascii_case(suffix) {
        return None;
    }
    let rest = text[..cut].trim_end_matches(|c: char| c == ',' || c.is_whitespace());
    (!rest.is_empty()).then_some(rest)
}

/// Apple's X-SOCIALPROFILE: the service in TYPE, a link as the value and
/// sometimes the user name in X-USER.
fn social_profile(property: &Property) -> Option<Profile> {
    let value = property.text();
    let user = property.param("X-USER").next();
    let service = property.param("TYPE").map(str::to_ascii_lowercase).find(|t| t != "pref");
    match service.as_deref() {
        Some("linkedin") => links::linkedin(&value).or_else(|| user.and_then(links::linkedin)).map(Profile::Linkedin),
        Some("twitter" | "x") => links::x_handle(&value).or_else(|| user.and_then(links::x_handle)).map(Profile::X),
        Some("bluesky") => {
            links::bluesky_handle(&value).or_else(|| user.and_then(links::bluesky_handle)).map(Profile::Bluesky)
        }
        _ => links::profile(&value),
    }
}

/// CATEGORIES, without Google's own "myContacts" and "starred".
fn tags<'a>(properties: impl Iterator<Item = &'a Property>) -> Vec<String> {
    // A set keeps this linear for a CATEGORIES line with thousands of tags.
    let mut seen = std::collections::HashSet::new();
    let mut tags: Vec<String> = Vec::new();
    for tag in properties.flat_map(Property::list).filter_map(|t| tidy::line(&t)) {
        let google = tag.eq_ignore_ascii_case("mycontacts") || tag.eq_ignore_ascii_case("starred");
        if !google && seen.insert(tag.to_ascii_lowercase()) {
            tags.push(tag);
        }
    }
    tags
}
