//! Logical lines to a clean input for `ical::IcalParser`. The `ical` crate is
//! strict where calendar apps are lenient: one junk line, an unknown
//! component (`BEGIN:X-UNKNOWN`), lower-case names or a bare VEVENT without
//! VCALENDAR make it fail or return nothing, and it does not check that END
//! names match BEGINs. This pass reads each content line with a tolerant,
//! quote-aware reader, writes it back in canonical form (upper-case names,
//! no stray whitespace, quoted parameter values), keeps only the components
//! Hallway reads (VCALENDAR, VEVENT, VTIMEZONE and its observances), checks
//! the nesting, and records the line numbers `ical` does not keep: where each
//! VEVENT begins and where each of its properties is.

use super::unfold::Lines;
use crate::program::import::item::ReadError;

/// Canonical text for `ical`, with the line numbers of what it will return.
pub(super) struct Prepared {
    pub text: String,
    /// One entry per VEVENT, in the order `ical` returns them.
    pub events: Vec<EventLines>,
}

/// Where a VEVENT and its own properties (not its alarms') are in the file.
pub(super) struct EventLines {
    pub begin: usize,
    pub properties: Vec<usize>,
}

/// One content line: `NAME;PARAM=a,b:value`.
#[derive(Debug, PartialEq)]
struct ContentLine<'a> {
    name: String,
    params: Vec<(String, Vec<String>)>,
    value: &'a str,
}

struct Open {
    name: String,
    line: usize,
    /// Written out for `ical` (else skipped with everything inside it).
    kept: bool,
}

pub(super) fn prepare(lines: &Lines) -> Result<Prepared, ReadError> {
    let mut out = Prepared { text: String::new(), events: Vec::new() };
    let mut stack: Vec<Open> = Vec::new();
    // A bare VEVENT/VTIMEZONE at the top level gets a VCALENDAR around it.
    let mut synthetic = false;
    let mut any_component = false;
    for (number, line) in lines.iter() {
        let Some((name, rest)) = split_name(line) else { continue };
        match name.as_str() {
            "BEGIN" => {
                let Some(content) = parse_rest(name, rest) else { continue };
                let name = content.value.trim().to_ascii_uppercase();
                if name.is_empty() {
                    continue;
                }
                let parent_kept = stack.last().map(|o| o.kept);
                let kept = match (stack.last().map(|o| o.name.as_str()), name.as_str()) {
                    (None, "VCALENDAR") => {
                        if synthetic {
                            out.text.push_str("END:VCALENDAR\n");
                            synthetic = false;
                        }
                        true
                    }
                    (None, "VEVENT" | "VTIMEZONE") => {
                        if !synthetic {
                            out.text.push_str("BEGIN:VCALENDAR\n");
                            synthetic = true;
                        }
                        true
                    }
                    (Some("VCALENDAR"), "VEVENT" | "VTIMEZONE") => parent_kept == Some(true),
                    (Some("VTIMEZONE"), "STANDARD" | "DAYLIGHT") => parent_kept == Some(true),
                    _ => false,
                };
                if kept {
                    out.text.push_str("BEGIN:");
                    out.text.push_str(&name);
                    out.text.push('\n');
                    if name == "VEVENT" {
                        out.events.push(EventLines { begin: number, properties: Vec::new() });
                    }
                }
                stack.push(Open { name, line: number, kept });
                any_component = true;
            }
            "END" => {
                let Some(content) = parse_rest(name, rest) else { continue };
                let name = content.value.trim().to_ascii_uppercase();
                match stack.last() {
                    Some(open) if open.name == name => {
                        if open.kept {
                            out.text.push_str("END:");
                            out.text.push_str(&name);
                            out.text.push('\n');
                        }
                        stack.pop();
                    }
                    Some(open) if stack.iter().any(|o| o.name == name) => {
                        return Err(ReadError::at_line(
                            open.line,
                            format!(
                                "BEGIN:{} at line {} is never closed (END:{name} at line {number} comes first)",
                                open.name, open.line
                            ),
                        ));
                    }
                    _ if name.is_empty() => {}
                    _ => {
                        return Err(ReadError::at_line(number, format!("END:{name} has no BEGIN:{name} before it")));
                    }
                }
            }
            _ => {
                let Some(open) = stack.last() else { continue };
                if !open.kept || !wanted(&open.name, &name) {
                    continue;
                }
                let Some(content) = parse_rest(name, rest) else { continue };
                if open.name == "VEVENT" {
                    if let Some(event) = out.events.last_mut() {
                        event.properties.push(number);
                    }
                }
                write_line(&mut out.text, &content);
            }
        }
    }
    if let Some(open) = stack.last() {
        return Err(ReadError::at_line(
            open.line,
            format!("BEGIN:{} at line {} is never closed", open.name, open.line),
        ));
    }
    if !any_component {
        return Err(ReadError::new("this is not an iCalendar file (it has no BEGIN:VCALENDAR)"));
    }
    if synthetic {
        out.text.push_str("END:VCALENDAR\n");
    }
    Ok(out)
}

/// The properties read later; the rest (DTSTAMP, X-MICROSOFT-…, alarms'
/// worth of vendor data) is not worth parsing twice.
fn wanted(component: &str, property: &str) -> bool {
    match component {
        "VEVENT" => super::event::PROPERTIES.contains(&property),
        "VCALENDAR" => property == "X-WR-TIMEZONE",
        _ => true,
    }
}

/// Writes `line` as `ical` reads it without surprises.
fn write_line(out: &mut String, line: &ContentLine) {
    out.push_str(&line.name);
    for (key, values) in &line.params {
        out.push(';');
        out.push_str(key);
        out.push('=');
        for (i, value) in values.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            if value.contains([';', ':', ',']) {
                out.push('"');
                out.push_str(value);
                out.push('"');
            } else {
                out.push_str(value);
            }
        }
    }
    out.push(':');
    // `ical` strips leading colons from a value; an escaped one survives
    // (the text unescaping turns `\:` back into `:`).
    if line.value.starts_with(':') {
        out.push('\\');
    }
    out.push_str(line.value);
    out.push('\n');
}

/// Reads one content line (`split_name` then `parse_rest`). `None` for a
/// line that is not a content line at all.
#[cfg(test)]
fn parse_line(line: &str) -> Option<ContentLine<'_>> {
    let (name, rest) = split_name(line)?;
    parse_rest(name, rest)
}

/// The property name, upper-cased, and the rest of the line (from the `;`
/// or `:` after the name).
fn split_name(line: &str) -> Option<(String, &str)> {
    let line = line.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{FEFF}');
    let name_end = line.find([';', ':'])?;
    let raw = &line[..name_end];
    let name = if raw.bytes().all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'-') {
        raw.to_owned()
    } else {
        raw.chars().filter(|c| !c.is_whitespace()).collect::<String>().to_ascii_uppercase()
    };
    if name.is_empty() || !name.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_') {
        return None;
    }
    Some((name, &line[name_end..]))
}

/// Parameters and value, after the name, tolerating whitespace around
/// parameters and a quote misplaced around the value
/// (`DTSTART;TZID="Zone:20200609T090000"`, seen from Exchange).
fn parse_rest(name: String, after_name: &str) -> Option<ContentLine<'_>> {
    let mut params = Vec::new();
    let mut rest = after_name;
    loop {
        if let Some(value) = rest.strip_prefix(':') {
            return Some(ContentLine { name, params, value });
        }
        // `rest` starts with ';': a parameter.
        rest = &rest[1..];
        let key_end = rest.find(['=', ';', ':']).unwrap_or(rest.len());
        let key: String =
            rest[..key_end].chars().filter(|c| !c.is_whitespace()).collect::<String>().to_ascii_uppercase();
        rest = &rest[key_end..];
        if !rest.starts_with('=') {
            if rest.is_empty() {
                return None;
            }
            // A parameter without '=' carries nothing; skip it.
            continue;
        }
        let mut values = Vec::new();
        let mut last_raw: &str;
        loop {
            rest = rest[1..].trim_start();
            let value;
            if let Some(quoted) = rest.strip_prefix('"') {
                match quoted.find('"') {
                    Some(close) => {
                        value = &quoted[..close];
                        rest = quoted[close + 1..].trim_start();
                    }
                    // No closing quote: the value is after the last colon.
                    None => {
                        let colon = quoted.rfind(':')?;
                        values.push(param_value(&quoted[..colon]));
                        params.push((key, values));
                        return Some(ContentLine { name, params, value: &quoted[colon + 1..] });
                    }
                }
            } else {
                let end = rest.find([',', ';', ':']).unwrap_or(rest.len());
                value = rest[..end].trim_end();
                rest = &rest[end..];
            }
            last_raw = value;
            values.push(param_value(value));
            if !rest.starts_with(',') {
                break;
            }
        }
        if rest.is_empty() {
            // The misplaced quote: the value hides inside the last parameter.
            let colon = last_raw.rfind(':')?;
            *values.last_mut()? = param_value(&last_raw[..colon]);
            params.push((key, values));
            let value = &last_raw[colon + 1..];
            return Some(ContentLine { name, params, value });
        }
        if !key.is_empty() {
            params.push((key, values));
        }
        if !rest.starts_with([';', ':']) {
            // Junk after a quoted value: drop it up to the next delimiter.
            let next = rest.find([';', ':'])?;
            rest = &rest[next..];
        }
    }
}

/// A parameter value with RFC 6868 caret escapes decoded and the characters
/// that cannot be written back inside quotes replaced.
fn param_value(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    let mut chars = raw.chars();
    while let Some(c) = chars.next() {
        match c {
            '^' => match chars.next() {
                Some('n' | 'N') => out.push(' '),
                Some('\'') => out.push('\''),
                Some('^') => out.push('^'),
                Some(other) => {
                    out.push('^');
                    out.push(other);
                }
                None => out.push('^'),
            },
            '"' => out.push('\''),
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parsed(line: &str) -> (String, Vec<(String, Vec<String>)>, String) {
        let c = parse_line(line).unwrap();
        (c.name, c.params, c.value.to_owned())
    }

    fn p(k: &str, v: &[&str]) -> (String, Vec<String>) {
        (k.to_owned(), v.iter().map(|s| s.to_string()).collect())
    }

    #[test]
    fn names_params_and_values() {
        assert_eq!(parsed("summary:a:b;c"), ("SUMMARY".into(), vec![], "a:b;c".into()));
        assert_eq!(
            parsed("REFRESH - INTERVAL; VALUE = DURATION:PT48H"),
            ("REFRESH-INTERVAL".into(), vec![p("VALUE", &["DURATION"])], "PT48H".into())
        );
        assert_eq!(
            parsed("DTSTART;TZID=\"(GMT +01:00)\":20111028T160000"),
            ("DTSTART".into(), vec![p("TZID", &["(GMT +01:00)"])], "20111028T160000".into())
        );
        assert_eq!(
            parsed("ATTENDEE;ROLE=CHAIR;CN=\"Doe, Jane\",x;RSVP=TRUE:mailto:a@b"),
            (
                "ATTENDEE".into(),
                vec![p("ROLE", &["CHAIR"]), p("CN", &["Doe, Jane", "x"]), p("RSVP", &["TRUE"])],
                "mailto:a@b".into()
            )
        );
        assert_eq!(parsed("X;CN=^'Q^' ^^ a^nb:v").1, vec![p("CN", &["'Q' ^ a b"])]);
        assert_eq!(parsed("DESCRIPTION;LANGUAGE:x").1, vec![]);
    }

    #[test]
    fn misplaced_quote_around_the_value() {
        assert_eq!(
            parsed("DTSTART;TZID=\"W. Europe Standard Time:20200609T090000\""),
            ("DTSTART".into(), vec![p("TZID", &["W. Europe Standard Time"])], "20200609T090000".into())
        );
        assert_eq!(parsed("DTSTART;TZID=\"Zone:20200609T090000").2, "20200609T090000");
    }

    #[test]
    fn junk_lines_are_not_content_lines() {
        for junk in ["", "hello", ":value", "BAD NAME!:x", "X;A=b", "é:x"] {
            assert!(parse_line(junk).is_none(), "{junk}");
        }
    }
}
