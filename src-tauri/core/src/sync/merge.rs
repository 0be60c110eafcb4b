//! What the phone added to an item Hallway wrote, kept when Hallway writes
//! it again. Issue 16's rule: "A round trip keeps the UID, time zone and
//! properties the user added on the phone (a VALARM, a note)". Hallway's
//! writes replace the whole resource (a PUT), so every line of the server's
//! copy that Hallway does not write would be lost; [`kept_lines`] picks them
//! out of the server's copy, and [`with_kept`] puts them back into each text
//! Hallway sends. Pure text in, text out: the sync code decides when to read
//! the server's copy and stores what is kept (`dav_items.kept`,
//! `dav_cards.kept`).
//!
//! Every property (or subcomponent) of the item falls into one of three sets:
//!
//! - **Owned**: Hallway's, never kept. For an event, what `export/ics.rs`
//!   writes about the event itself (UID, DTSTAMP, DTSTART, DTEND, SEQUENCE,
//!   STATUS, SUMMARY, LOCATION, DESCRIPTION, TRANSP, URL) and what would
//!   contradict it once Hallway changes the event: DURATION (instead of
//!   DTEND), RRULE, RDATE, EXDATE and RECURRENCE-ID (Hallway's items do not
//!   repeat), LAST-MODIFIED (the server copy's revision, stale after a
//!   write), GEO and `X-APPLE-STRUCTURED-LOCATION` (a map pin for the
//!   LOCATION, wrong once Hallway moves the item). CREATED stays true and
//!   is kept. For a card, what `export/vcard.rs` always writes: VERSION,
//!   PRODID, UID, N, FN, and REV (the card's revision).
//! - **Shared**: written by Hallway only for some items. Kept when Hallway's
//!   text has none, dropped when it has one (Hallway's wins, and never two
//!   of a kind): for an event the VALARM (Hallway writes one when the
//!   user chose a reminder); for a card ORG, TITLE, EMAIL, TEL, URL,
//!   X-SOCIALPROFILE and NOTE (a phone number added on the phone stays
//!   while Hallway knows none; once it knows one, its own replaces the
//!   phone's).
//! - **Everything else** (a phone's BDAY, ADR, PHOTO, CATEGORIES, CLASS,
//!   X- properties, ATTENDEE): kept as the server had it.
//!
//! Lines are compared unfolded and kept verbatim, parameters and all; they
//! are folded again (75 octets, RFC 5545 §3.1 and RFC 2425 §5.8.1) when put
//! back, with the line ending Hallway's text uses. vCard groups
//! (`item1.TEL` with Apple's `item1.X-ABLabel`) travel together: a group
//! is kept or dropped whole. Only the first VEVENT of a calendar counts (a
//! Hallway item has one); VTIMEZONEs are not kept, as Hallway writes its
//! times in UTC.
//!
//! Known limit: a line Hallway wrote in a shared property (a TEL) that the
//! server still has when it changed there cannot be told from one the phone
//! added; if Hallway stops writing that property in the same sync, the old
//! line is kept. The sync code narrows this by storing only what
//! [`kept_against`] puts back.

use std::collections::BTreeSet;

/// Which kind of text an item is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    /// iCalendar: what is kept lives inside the VEVENT.
    Ics,
    /// vCard: what is kept lives inside the VCARD.
    Vcard,
}

const ICS_OWNED: &[&str] = &[
    "UID",
    "DTSTAMP",
    "DTSTART",
    "DTEND",
    "DURATION",
    "SEQUENCE",
    "STATUS",
    "SUMMARY",
    "LOCATION",
    "DESCRIPTION",
    "TRANSP",
    "URL",
    "RRULE",
    "RDATE",
    "EXDATE",
    "RECURRENCE-ID",
    "LAST-MODIFIED",
    "GEO",
    "X-APPLE-STRUCTURED-LOCATION",
];
const ICS_SHARED: &[&str] = &["VALARM"];
const VCARD_OWNED: &[&str] = &["VERSION", "PRODID", "UID", "N", "FN", "REV"];
const VCARD_SHARED: &[&str] = &["ORG", "TITLE", "EMAIL", "TEL", "URL", "X-SOCIALPROFILE", "NOTE"];

/// The longest physical line, in octets, without its line ending.
const FOLD_AT: usize = 75;

impl Format {
    /// The component whose content is kept.
    fn component(self) -> &'static str {
        match self {
            Format::Ics => "VEVENT",
            Format::Vcard => "VCARD",
        }
    }

    fn owned(self) -> &'static [&'static str] {
        match self {
            Format::Ics => ICS_OWNED,
            Format::Vcard => VCARD_OWNED,
        }
    }

    fn shared(self) -> &'static [&'static str] {
        match self {
            Format::Ics => ICS_SHARED,
            Format::Vcard => VCARD_SHARED,
        }
    }
}

/// The lines of the server's copy of an item that Hallway does not own (see
/// the module documentation), unfolded, one per CRLF-ended line; `None`
/// when there are none (or the text holds no VEVENT / VCARD).
pub fn kept_lines(server_text: &str, kind: Format) -> Option<String> {
    let content = content_lines(server_text, kind)?;
    join(units(&content, kind).iter().filter(|unit| !unit.any_of(kind.owned())))
}

/// The part of `kept` that [`with_kept`] puts back into `hallway_text`:
/// without what Hallway owns, and without the shared properties Hallway's
/// text has itself. What the sync code stores, so that a shared property
/// Hallway wrote once is not mistaken for the phone's later on.
pub fn kept_against(hallway_text: &str, kept: Option<&str>, kind: Format) -> Option<String> {
    let kept = units(&unfold(kept?), kind);
    let written: BTreeSet<String> = content_lines(hallway_text, kind)
        .map(|content| units(&content, kind).into_iter().flat_map(|unit| unit.names).collect())
        .unwrap_or_default();
    let shared_written: Vec<&str> = kind.shared().iter().copied().filter(|name| written.contains(*name)).collect();
    join(kept.iter().filter(|unit| !unit.any_of(kind.owned()) && !unit.any_of(&shared_written)))
}

/// Hallway's text with the kept lines put back, last inside its VEVENT
/// (before `END:VEVENT`) or VCARD (before `END:VCARD`), folded and with
/// Hallway's line endings; a kept VALARM only if Hallway's text has none
/// (the reminder the user chose in Hallway wins). Hallway's text unchanged
/// when nothing is kept.
pub fn with_kept(hallway_text: &str, kept: Option<&str>, kind: Format) -> String {
    let Some(kept) = kept_against(hallway_text, kept, kind) else { return hallway_text.to_owned() };
    let Some(end) = end_of_component(hallway_text, kind) else { return hallway_text.to_owned() };
    let eol = if hallway_text.contains("\r\n") { "\r\n" } else { "\n" };
    let mut out = String::with_capacity(hallway_text.len() + kept.len() + kept.len() / FOLD_AT * 3);
    out.push_str(&hallway_text[..end]);
    for line in kept.lines() {
        fold(line, eol, &mut out);
    }
    out.push_str(&hallway_text[end..]);
    out
}

/// A property, a subcomponent (`BEGIN:VALARM` to its `END`), or a vCard
/// group: what is kept or dropped as one.
#[derive(Debug)]
struct Unit {
    lines: Vec<String>,
    /// Upper-case property names, or the subcomponent's name.
    names: BTreeSet<String>,
}

impl Unit {
    fn any_of(&self, names: &[&str]) -> bool {
        names.iter().any(|name| self.names.contains(*name))
    }
}

/// Logical lines: folded lines joined (CRLF or LF, then a space or tab),
/// blank ones dropped.
fn unfold(text: &str) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for physical in text.split('\n') {
        let physical = physical.strip_suffix('\r').unwrap_or(physical);
        match (physical.strip_prefix([' ', '\t']), lines.last_mut()) {
            (Some(rest), Some(last)) => last.push_str(rest),
            _ if physical.trim().is_empty() => {}
            _ => lines.push(physical.to_owned()),
        }
    }
    lines
}

/// The property name of a content line, upper case, and its group (vCard
/// only: iCalendar has no groups).
fn name_of(line: &str, kind: Format) -> (Option<&str>, String) {
    let full = &line[..line.find([';', ':']).unwrap_or(line.len())];
    let (group, name) = match full.split_once('.') {
        Some((group, name)) if kind == Format::Vcard => (Some(group), name),
        _ => (None, full),
    };
    (group, name.trim().to_ascii_uppercase())
}

/// The value of a `BEGIN:` or `END:` line (`which`), upper case.
fn marker(line: &str, which: &str) -> Option<String> {
    let (name, value) = line.split_once(':')?;
    name.trim().eq_ignore_ascii_case(which).then(|| value.trim().to_ascii_uppercase())
}

/// The unfolded lines inside the first `kind` component of `text`.
fn content_lines(text: &str, kind: Format) -> Option<Vec<String>> {
    let lines = unfold(text);
    let start = lines.iter().position(|l| marker(l, "BEGIN").as_deref() == Some(kind.component()))?;
    let mut depth = 0usize;
    for (i, line) in lines.iter().enumerate().skip(start + 1) {
        if marker(line, "BEGIN").is_some() {
            depth += 1;
        } else if let Some(end) = marker(line, "END") {
            match depth {
                0 if end == kind.component() => return Some(lines[start + 1..i].to_vec()),
                // A stray END inside: [`units`] drops it.
                0 => {}
                _ => depth -= 1,
            }
        }
    }
    None
}

/// Content lines as units, in the order they first appear. Lines that are
/// not content lines (no colon), a subcomponent never closed and a stray
/// `END` are dropped, so what is put back is always well formed.
fn units(lines: &[String], kind: Format) -> Vec<Unit> {
    let mut out: Vec<Unit> = Vec::new();
    // vCard groups (lower case) and where their unit is in `out`.
    let mut groups: Vec<(String, usize)> = Vec::new();
    let mut rest = lines;
    while let Some((line, tail)) = rest.split_first() {
        if let Some(component) = marker(line, "BEGIN") {
            let Some(len) = block_len(rest) else { break };
            // A card has no subcomponents: a nested BEGIN is not kept.
            if kind == Format::Ics {
                out.push(Unit { lines: rest[..len].to_vec(), names: [component].into() });
            }
            rest = &rest[len..];
            continue;
        }
        rest = tail;
        if !line.contains(':') || marker(line, "END").is_some() {
            continue;
        }
        let (group, name) = name_of(line, kind);
        let group = group.map(str::to_ascii_lowercase);
        match group.as_ref().and_then(|group| groups.iter().find(|(g, _)| g == group)) {
            Some(&(_, at)) => {
                out[at].lines.push(line.clone());
                out[at].names.insert(name);
            }
            None => {
                if let Some(group) = group {
                    groups.push((group, out.len()));
                }
                out.push(Unit { lines: vec![line.clone()], names: [name].into() });
            }
        }
    }
    out
}

/// How many lines the block starting with `lines[0]` (a `BEGIN:`) takes,
/// up to and with its matching `END:`; `None` if it is never closed.
fn block_len(lines: &[String]) -> Option<usize> {
    let mut depth = 0usize;
    for (i, line) in lines.iter().enumerate() {
        if marker(line, "BEGIN").is_some() {
            depth += 1;
        } else if marker(line, "END").is_some() {
            depth -= 1;
            if depth == 0 {
                return Some(i + 1);
            }
        }
    }
    None
}

/// The units' lines, each ended with CRLF; `None` when there are none.
fn join<'a>(units: impl Iterator<Item = &'a Unit>) -> Option<String> {
    let mut out = String::new();
    for line in units.flat_map(|unit| &unit.lines) {
        out.push_str(line);
        out.push_str("\r\n");
    }
    (!out.is_empty()).then_some(out)
}

/// Where the line `END:<component>` starts in Hallway's text (never a
/// folded line's continuation that happens to read so).
fn end_of_component(text: &str, kind: Format) -> Option<usize> {
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        let continued = line.starts_with([' ', '\t']);
        if !continued && marker(line.trim_end(), "END").as_deref() == Some(kind.component()) {
            return Some(at);
        }
        at += line.len();
    }
    None
}

/// Appends `line` folded: no physical line over [`FOLD_AT`] octets, each
/// continuation starting with a space, never inside a character.
fn fold(line: &str, eol: &str, out: &mut String) {
    let (mut start, mut room) = (0, FOLD_AT);
    for (i, c) in line.char_indices() {
        if i - start + c.len_utf8() > room {
            out.push_str(&line[start..i]);
            out.push_str(eol);
            out.push(' ');
            // The leading space counts.
            (start, room) = (i, FOLD_AT - 1);
        }
    }
    out.push_str(&line[start..]);
    out.push_str(eol);
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// An event as `export/ics.rs` writes it, with or without a reminder.
    fn hallway_event(alarm: bool) -> String {
        let mut lines = vec![
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "PRODID:-//Hallway//Hallway 0.1.0//EN",
            "CALSCALE:GREGORIAN",
            "BEGIN:VEVENT",
            "UID:m1@hallway.app",
            "DTSTAMP:20261201T100000Z",
            "DTSTART:20261206T153000Z",
            "DTEND:20261206T160000Z",
            "SEQUENCE:2",
            "STATUS:CONFIRMED",
            "SUMMARY:Coffee with Ana",
            "LOCATION:Café",
            "DESCRIPTION:With:\\n- Ana Sánchez",
        ];
        if alarm {
            lines.extend([
                "BEGIN:VALARM",
                "ACTION:DISPLAY",
                "DESCRIPTION:Coffee with Ana",
                "TRIGGER:-PT15M",
                "END:VALARM",
            ]);
        }
        lines.extend(["END:VEVENT", "END:VCALENDAR", ""]);
        lines.join("\r\n")
    }

    /// A card as `export/vcard.rs` writes it, with or without a phone number.
    fn hallway_card(phone: bool) -> String {
        let mut lines = vec![
            "BEGIN:VCARD",
            "VERSION:3.0",
            "PRODID:-//Hallway//Hallway 0.1.0//EN",
            "UID:person-7@hallway.app",
            "N:Sánchez;Ana;;;",
            "FN:Ana Sánchez",
            "EMAIL;TYPE=INTERNET,PREF:ana@example.org",
        ];
        if phone {
            lines.push("TEL;TYPE=VOICE:+34 600 000 000");
        }
        lines.extend(["NOTE:ASH26 · must meet", "END:VCARD", ""]);
        lines.join("\r\n")
    }

    /// The event as a phone gives it back: Hallway's lines in another
    /// order, a reminder, a category, X- properties (one folded), a VTIMEZONE.
    fn phone_event() -> String {
        [
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "PRODID:-//Apple Inc.//iOS 18//EN",
            "BEGIN:VTIMEZONE",
            "TZID:America/New_York",
            "END:VTIMEZONE",
            "BEGIN:VEVENT",
            "UID:m1@hallway.app",
            "CREATED:20261202T080000Z",
            "LAST-MODIFIED:20261202T080000Z",
            "DTSTART;TZID=America/New_York:20261206T103000",
            "DURATION:PT30M",
            "SUMMARY:Coffee with Ana",
            "CATEGORIES:Work",
            "X-APPLE-TRAVEL-ADVISORY-BEHAVIOR:AUTOMATIC",
            &format!("X-LONG:{}", "a".repeat(68)),
            &format!(" {}{}", "a".repeat(6), "b".repeat(10)),
            "BEGIN:VALARM",
            "ACTION:DISPLAY",
            "DESCRIPTION:Reminder",
            "TRIGGER:-PT1H",
            "END:VALARM",
            "END:VEVENT",
            "END:VCALENDAR",
            "",
        ]
        .join("\r\n")
    }

    #[test]
    fn from_an_event_the_phone_edited_only_what_hallway_does_not_write_is_kept() {
        let kept = kept_lines(&phone_event(), Format::Ics).unwrap();
        assert_eq!(
            kept,
            format!(
                "CREATED:20261202T080000Z\r\nCATEGORIES:Work\r\nX-APPLE-TRAVEL-ADVISORY-BEHAVIOR:AUTOMATIC\r\n\
                 X-LONG:{}{}\r\nBEGIN:VALARM\r\nACTION:DISPLAY\r\nDESCRIPTION:Reminder\r\nTRIGGER:-PT1H\r\n\
                 END:VALARM\r\n",
                "a".repeat(74),
                "b".repeat(10)
            )
        );
        assert_eq!(kept_lines(&hallway_event(false), Format::Ics), None, "Hallway's own text keeps nothing");
        assert_eq!(kept_lines("BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n", Format::Ics), None);
        assert_eq!(kept_lines("not a calendar", Format::Ics), None);
        let stray = "BEGIN:VEVENT\r\nUID:x\r\nEND:VALARM\r\nX-A:1\r\nEND:VEVENT\r\nX-OUTSIDE:2\r\n";
        assert_eq!(kept_lines(stray, Format::Ics).as_deref(), Some("X-A:1\r\n"), "a stray END ends nothing");
    }

    #[test]
    fn kept_lines_go_back_before_the_end_of_the_event_folded() {
        let kept = kept_lines(&phone_event(), Format::Ics);
        let merged = with_kept(&hallway_event(false), kept.as_deref(), Format::Ics);
        let expected = hallway_event(false).replace(
            "END:VEVENT",
            &format!(
                "CREATED:20261202T080000Z\r\nCATEGORIES:Work\r\nX-APPLE-TRAVEL-ADVISORY-BEHAVIOR:AUTOMATIC\r\n\
                 X-LONG:{}\r\n {}{}\r\nBEGIN:VALARM\r\nACTION:DISPLAY\r\nDESCRIPTION:Reminder\r\nTRIGGER:-PT1H\r\n\
                 END:VALARM\r\nEND:VEVENT",
                "a".repeat(68),
                "a".repeat(6),
                "b".repeat(10)
            ),
        );
        assert_eq!(merged, expected);
    }

    #[test]
    fn hallways_reminder_wins_over_the_phones() {
        let kept = kept_lines(&phone_event(), Format::Ics);
        let merged = with_kept(&hallway_event(true), kept.as_deref(), Format::Ics);
        assert_eq!(merged.matches("BEGIN:VALARM").count(), 1);
        assert!(merged.contains("TRIGGER:-PT15M") && !merged.contains("TRIGGER:-PT1H"));
        assert!(merged.contains("CATEGORIES:Work"));
    }

    #[test]
    fn a_card_keeps_what_the_phone_added_and_hallways_own_fields_win() {
        let phone = "BEGIN:VCARD\r\nVERSION:3.0\r\nN:Sánchez;Ana;;;\r\nFN:Ana Sánchez\r\nUID:person-7@hallway.app\r\n\
            EMAIL;TYPE=INTERNET,PREF:ana@example.org\r\nTEL;TYPE=CELL:+34 611 111 111\r\nBDAY:1980-04-01\r\n\
            item1.ADR;TYPE=WORK:;;Calle Mayor 1;Madrid;;28013;Spain\r\nitem1.X-ABLabel:Office\r\n\
            item2.URL:https://ana.example\r\nPHOTO;ENCODING=b;TYPE=JPEG:AAAA\r\nitem2.X-ABLabel:_$!<HomePage>!$_\r\n\
            REV:20261203T101010Z\r\nNOTE:ASH26 · must meet\r\nEND:VCARD\r\n";
        let kept = kept_lines(phone, Format::Vcard);
        assert_eq!(
            kept.as_deref(),
            Some(
                "EMAIL;TYPE=INTERNET,PREF:ana@example.org\r\nTEL;TYPE=CELL:+34 611 111 111\r\nBDAY:1980-04-01\r\n\
                 item1.ADR;TYPE=WORK:;;Calle Mayor 1;Madrid;;28013;Spain\r\nitem1.X-ABLabel:Office\r\n\
                 item2.URL:https://ana.example\r\nitem2.X-ABLabel:_$!<HomePage>!$_\r\n\
                 PHOTO;ENCODING=b;TYPE=JPEG:AAAA\r\nNOTE:ASH26 · must meet\r\n"
            ),
            "a group travels together"
        );
        // Hallway knows no phone: the phone's number stays. It writes an
        // email and a note: those are Hallway's.
        let merged = with_kept(&hallway_card(false), kept.as_deref(), Format::Vcard);
        let added = "TEL;TYPE=CELL:+34 611 111 111\r\nBDAY:1980-04-01\r\n\
            item1.ADR;TYPE=WORK:;;Calle Mayor 1;Madrid;;28013;Spain\r\nitem1.X-ABLabel:Office\r\n\
            item2.URL:https://ana.example\r\nitem2.X-ABLabel:_$!<HomePage>!$_\r\nPHOTO;ENCODING=b;TYPE=JPEG:AAAA\r\n";
        assert_eq!(merged, hallway_card(false).replace("END:VCARD", &format!("{added}END:VCARD")));
        // Once Hallway knows a number, its own replaces the phone's.
        let merged = with_kept(&hallway_card(true), kept.as_deref(), Format::Vcard);
        assert_eq!(merged.matches("TEL").count(), 1);
        assert!(merged.contains("TEL;TYPE=VOICE:+34 600 000 000") && merged.contains("BDAY:1980-04-01"));
        assert_eq!(
            kept_against(&hallway_card(true), kept.as_deref(), Format::Vcard).as_deref(),
            Some(&added["TEL;TYPE=CELL:+34 611 111 111\r\n".len()..]),
            "what is stored is what goes back"
        );
    }

    #[test]
    fn nothing_kept_leaves_hallways_text_as_it_is() {
        for text in [hallway_event(true), hallway_card(true), "BEGIN:VCARD\nFN:x\nEND:VCARD\n".to_owned()] {
            assert_eq!(with_kept(&text, None, Format::Ics), text);
            assert_eq!(with_kept(&text, None, Format::Vcard), text);
        }
        let only_owned = "UID:other\r\nDTSTART:20200101T000000Z\r\n";
        assert_eq!(with_kept(&hallway_event(false), Some(only_owned), Format::Ics), hallway_event(false));
    }

    #[test]
    fn line_endings_follow_hallways_text_and_broken_kept_lines_are_dropped() {
        let text = "BEGIN:VCARD\nVERSION:3.0\nFN:Ana\nEND:VCARD\n";
        assert_eq!(
            with_kept(text, Some("BDAY:1980-04-01\r\nno colon here\r\nBEGIN:VCARD\r\nEND:VCARD\r\n"), Format::Vcard),
            "BEGIN:VCARD\nVERSION:3.0\nFN:Ana\nBDAY:1980-04-01\nEND:VCARD\n"
        );
        let event = hallway_event(false);
        let unclosed = "X-A:1\r\nBEGIN:VALARM\r\nTRIGGER:-PT5M\r\n";
        assert_eq!(with_kept(&event, Some(unclosed), Format::Ics), event.replace("END:VEVENT", "X-A:1\r\nEND:VEVENT"));
        assert_eq!(with_kept(&event, Some("END:VALARM\r\nX-B:2\r\n"), Format::Ics).matches("END:VALARM").count(), 0);
    }

    #[test]
    fn a_folded_line_that_reads_like_the_end_is_not_the_end() {
        let text = "BEGIN:VCARD\r\nNOTE:a\r\n END:VCARD\r\nEND:VCARD\r\n";
        assert_eq!(
            with_kept(text, Some("BDAY:2000-01-01\r\n"), Format::Vcard),
            "BEGIN:VCARD\r\nNOTE:a\r\n END:VCARD\r\nBDAY:2000-01-01\r\nEND:VCARD\r\n"
        );
    }

    #[test]
    fn folding_keeps_characters_whole_within_75_octets() {
        for filler in ["a", "ø", "李", "😀"] {
            for n in 0..120 {
                let line = format!("X-T:{}", filler.repeat(n));
                let mut out = String::new();
                fold(&line, "\r\n", &mut out);
                for physical in out.trim_end_matches("\r\n").split("\r\n") {
                    assert!(physical.len() <= FOLD_AT, "{} octets", physical.len());
                }
                assert_eq!(unfold(&out), vec![line]);
            }
        }
    }

    /// One kept unit: a known property of either format, an X- property,
    /// a reminder, a group of two lines, or junk.
    fn kept_unit() -> impl Strategy<Value = String> {
        let mut names: Vec<&str> = [ICS_OWNED, VCARD_OWNED, VCARD_SHARED].concat();
        names.extend(["BDAY", "CATEGORIES", "x-note"]);
        let name = proptest::sample::select(names);
        prop_oneof![
            (name, "[a-zA-Z0-9 ;,:=ø李]{0,100}").prop_map(|(n, v)| format!("{n}:{v}\r\n")),
            "[a-z]{1,3}".prop_map(|g| format!("{g}.TEL:1\r\n{g}.X-ABLabel:work\r\n")),
            "-PT[0-9]{1,2}M".prop_map(|t| format!("BEGIN:VALARM\r\nACTION:DISPLAY\r\nTRIGGER:{t}\r\nEND:VALARM\r\n")),
            "[a-zA-Z ]{0,10}".prop_map(|junk| format!("{junk}\r\n")),
        ]
    }

    fn hallway_text() -> impl Strategy<Value = (String, Format)> {
        prop_oneof![
            any::<bool>().prop_map(|alarm| (hallway_event(alarm), Format::Ics)),
            any::<bool>().prop_map(|phone| (hallway_card(phone), Format::Vcard)),
        ]
    }

    fn count(text: &str, name: &str, kind: Format) -> usize {
        content_lines(text, kind)
            .map(|lines| units(&lines, kind).iter().filter(|unit| unit.names.contains(name)).count())
            .unwrap_or(0)
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(200))]

        /// Reading back what was written and writing again changes nothing:
        /// a sync that re-reads the server's copy does not grow the item.
        #[test]
        fn merging_what_the_server_holds_again_is_stable(
            (text, kind) in hallway_text(),
            kept in proptest::collection::vec(kept_unit(), 0..6),
        ) {
            let kept = kept.concat();
            let once = with_kept(&text, Some(&kept), kind);
            let again = with_kept(&text, kept_lines(&once, kind).as_deref(), kind);
            prop_assert_eq!(&again, &once);
        }

        /// Whatever is kept, every property Hallway writes appears exactly as
        /// often as in Hallway's text, and every line stays within 75 octets.
        #[test]
        fn kept_lines_never_duplicate_what_hallway_writes(
            (text, kind) in hallway_text(),
            kept in proptest::collection::vec(kept_unit(), 0..6),
        ) {
            let merged = with_kept(&text, Some(&kept.concat()), kind);
            for name in kind.owned().iter().chain(kind.shared()) {
                let written = count(&text, name, kind);
                if written > 0 || kind.owned().contains(name) {
                    prop_assert_eq!(count(&merged, name, kind), written, "{}", name);
                }
            }
            for line in merged.trim_end_matches("\r\n").split("\r\n") {
                prop_assert!(line.len() <= FOLD_AT);
            }
            prop_assert!(merged.starts_with(&text[..end_of_component(&text, kind).unwrap()]));
            prop_assert!(merged.ends_with(&text[end_of_component(&text, kind).unwrap()..]));
        }
    }
}
