//! The clean-ups every contacts reader needs, in one place so LinkedIn, vCard
//! and CSV agree: names as people type them into a profile or a phone (emoji,
//! odd spacing, "(she/her)", "Dr." in front, ", MD, PhD" behind), e-mail
//! addresses and phone numbers. Profile links are [`super::links`].

/// Credentials, compared lower-case without dots ("M.D." is "md").
const CREDENTIALS: &[&str] = &[
    "md", "phd", "mdphd", "mph", "msc", "bsc", "mba", "ms", "ma", "ba", "bs", "mhs", "mhsc", "msci", "mcr", "mres",
    "mmed", "dsc", "dphil", "do", "rn", "np", "pa", "pa-c", "pharmd", "mbbs", "mbchb", "mbbch", "bmbs", "bm", "bch",
    "mudr", "drmed", "frcp", "frcpath", "frcpc", "frcp(c)", "frcpe", "frcpi", "frcpch", "frcs", "fracp", "frcpa",
    "facp", "facs", "fasco", "faap", "fmedsci", "fhea", "mrcp", "mrcpath", "mrcpch", "ccrp", "cphq", "esq", "obe",
    "mbe", "cbe", "dm", "dnb", "fcps", "fwacp", "fwacs", "fmcp", "fmcpath", "fcpath", "mrcpi", "frcsi", "fracs",
    "fesc", "facc", "mpharm", "bpharm",
];

/// Credentials that are also family names ("Anh Do", "Li Ma"): peeled off only
/// after a comma, never from the end of a name written with spaces.
const AMBIGUOUS: &[&str] = &["do", "ma", "ms", "ba", "bs", "pa", "bm", "bch", "np", "rn", "obe", "mbe", "cbe"];

/// Forms of address, compared lower-case without the trailing dot.
const HONORIFICS: &[&str] =
    &["dr", "dra", "drs", "prof", "profa", "professor", "pr", "mr", "mrs", "ms", "mx", "miss", "sir", "dame"];

/// A person's name in the parts the record keeps.
#[derive(Debug, Default, PartialEq, Eq)]
pub(super) struct Name {
    pub display: String,
    pub given: Option<String>,
    pub middle: Option<String>,
    pub family: Option<String>,
    pub honorific: Option<String>,
    pub credentials: Option<String>,
}

impl Name {
    /// From separate first, middle and last names (LinkedIn, CSV columns).
    pub fn from_parts(given: &str, middle: &str, family: &str) -> Name {
        let (given, given_credentials) = split_credentials(&name(given));
        let (family, family_credentials) = split_credentials(&name(family));
        let (honorific, bare_given) = split_honorific(&given);
        let middle = name(middle);
        let display = [given.as_str(), &middle, family.as_str()]
            .into_iter()
            .filter(|part| !part.is_empty())
            .collect::<Vec<_>>()
            .join(" ");
        let credentials = [given_credentials, family_credentials].into_iter().flatten().collect::<Vec<_>>();
        Name {
            display,
            given: some(bare_given),
            middle: some(middle),
            family: some(family),
            honorific,
            credentials: some(credentials.join(", ")),
        }
    }

    /// From a whole name in one field: "Prof. Ana Sánchez, MD" or "Sánchez, Ana".
    pub fn from_full(full: &str) -> Name {
        let (full, credentials) = split_credentials(&name(full));
        let display = crate::people::name::display_name(&full);
        let (given, family) = match full.split_once(',') {
            Some((family, given)) if display != full => (some(given.trim().to_owned()), some(family.trim().to_owned())),
            _ => (None, None),
        };
        let (honorific, given) = match given {
            Some(given) => {
                let (honorific, given) = split_honorific(&given);
                (honorific, some(given))
            }
            None => (split_honorific(&display).0, None),
        };
        Name { display, given, middle: None, family, honorific, credentials }
    }

    /// Adds a suffix column's "Jr., MD" to the name: a generational suffix
    /// ends the display name (unless it already does), the rest are the
    /// credentials.
    pub fn add_suffixes(&mut self, suffixes: &str) {
        let (generational, credentials): (Vec<&str>, Vec<&str>) = suffixes
            .split(',')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .partition(|s| crate::people::name::is_generational(s));
        for suffix in generational {
            let ends_so = crate::people::name::generational_suffix(&self.display).is_some_and(|s| s == suffix);
            if !self.display.is_empty() && !ends_so {
                self.display = format!("{} {suffix}", self.display);
            }
        }
        if !credentials.is_empty() {
            self.credentials = Some(credentials.join(", "));
        }
    }
}

/// `Some` for non-empty text.
pub(super) fn some(text: String) -> Option<String> {
    (!text.is_empty()).then_some(text)
}

/// A one-line field (company, position, city): spacing tidied, empty is `None`.
pub(super) fn line(text: &str) -> Option<String> {
    some(text.split_whitespace().collect::<Vec<_>>().join(" "))
}

/// Free text (notes): trimmed, line breaks kept, Windows ones made plain.
pub(super) fn note(text: &str) -> Option<String> {
    some(text.replace("\r\n", "\n").replace('\r', "\n").trim().to_owned())
}

/// A name as it should be kept: emoji, pictographs, invisible and control
/// characters dropped, spacing collapsed, stray separators trimmed.
pub(super) fn name(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    for (i, &ch) in chars.iter().enumerate() {
        let beside_pictograph =
            || (i > 0 && is_pictograph(chars[i - 1])) || chars.get(i + 1).is_some_and(|&next| is_pictograph(next));
        match ch {
            _ if is_pictograph(ch) => out.push(' '),
            // A joiner between emoji goes with them; in Indic scripts it stays.
            '\u{200D}' if beside_pictograph() => {}
            '\u{200B}'
            | '\u{2060}'
            | '\u{FEFF}'
            | '\u{200E}'
            | '\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2066}'..='\u{2069}' => {}
            _ if ch.is_whitespace() || ch.is_control() => out.push(' '),
            _ => out.push(ch),
        }
    }
    let tidy = without_pronouns(&out).split_whitespace().collect::<Vec<_>>().join(" ");
    tidy.trim_matches(|c: char| matches!(c, ',' | ';' | '|' | '·' | '•' | '-' | '–' | '—' | '/') || c.is_whitespace())
        .to_owned()
}

/// LinkedIn names often end in "(she/her)": pronouns are not the name.
fn without_pronouns(text: &str) -> String {
    const PRONOUNS: &[&str] = &[
        "she", "her", "hers", "he", "him", "his", "they", "them", "theirs", "ze", "zir", "ella", "el", "elle", "il",
        "lui",
    ];
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find('(') {
        let Some(close) = rest[open..].find(')').map(|c| open + c) else { break };
        let inside = deunicode::deunicode(&rest[open + 1..close]).to_lowercase();
        let words: Vec<&str> =
            inside.split(|c: char| c == '/' || c == ',' || c.is_whitespace()).filter(|w| !w.is_empty()).collect();
        out.push_str(&rest[..open]);
        if words.is_empty() || !words.iter().all(|w| PRONOUNS.contains(w)) {
            out.push_str(&rest[open..=close]);
        }
        rest = &rest[close + 1..];
    }
    out.push_str(rest);
    out
}

/// Emoji and pictographs (with their variation selectors, keycaps and tags).
fn is_pictograph(ch: char) -> bool {
    matches!(ch as u32,
        0x1F000..=0x1FAFF | 0x2600..=0x27BF | 0x2B00..=0x2BFF | 0x231A..=0x231B | 0x23E9..=0x23FA
        | 0xFE0E..=0xFE0F | 0x20E3 | 0xE0000..=0xE007F)
}

fn credential_key(word: &str) -> String {
    word.replace('.', "").to_lowercase()
}

/// "MD", "M.D.", "MD/PhD", "MD-PhD": each part a credential.
fn is_credential(word: &str) -> bool {
    let key = credential_key(word);
    CREDENTIALS.contains(&key.as_str())
        || (key.contains(['/', '-']) && key.split(['/', '-']).all(|part| CREDENTIALS.contains(&part)))
}

/// After a comma anything on the list counts; at the end of a name written
/// with spaces only unambiguous ones written in capitals ("MD", "PhD").
fn is_trailing_credential(word: &str) -> bool {
    let key = credential_key(word);
    is_credential(word)
        && !AMBIGUOUS.contains(&key.as_str())
        && word.chars().filter(|c| c.is_ascii_uppercase()).count() >= 2
}

/// Splits trailing credentials off a name: "Ana Sánchez MD, PhD" gives
/// ("Ana Sánchez", "MD, PhD"). At least one word of name is always left.
pub(super) fn split_credentials(name: &str) -> (String, Option<String>) {
    let mut segments: Vec<&str> = name.split(',').collect();
    let mut after_commas: Vec<&str> = Vec::new();
    while segments.len() > 1 {
        let last = segments[segments.len() - 1].trim();
        let words: Vec<&str> = last.split_whitespace().collect();
        if words.is_empty() || !words.iter().all(|w| is_credential(w)) {
            break;
        }
        after_commas.insert(0, last);
        segments.pop();
    }
    let head = segments.join(",");
    let mut words: Vec<&str> = head.split_whitespace().collect();
    let mut credentials: Vec<&str> = Vec::new();
    while words.len() > 1 && is_trailing_credential(words[words.len() - 1]) {
        credentials.insert(0, words.pop().unwrap_or_default());
    }
    credentials.extend(after_commas);
    let rest = words.join(" ");
    let rest = rest.trim_end_matches(|c: char| c == ',' || c.is_whitespace()).to_owned();
    (rest, some(credentials.join(", ")))
}

/// Splits leading forms of address off a name: "Prof. Dr. Ana" gives
/// (Some("Prof. Dr."), "Ana"). At least one word of name is always left.
pub(super) fn split_honorific(name: &str) -> (Option<String>, String) {
    let words: Vec<&str> = name.split_whitespace().collect();
    let count = words
        .iter()
        .take(words.len().saturating_sub(1))
        .take_while(|w| HONORIFICS.contains(&w.trim_end_matches('.').to_lowercase().as_str()))
        .count();
    (some(words[..count].join(" ")), words[count..].join(" "))
}

/// An address written where the name goes (`FN:ana@x.org`, as some phones
/// write a contact without a name) is an address, not a name: it joins the
/// emails and the name is left empty.
pub(super) fn address_out_of_name(name: &mut Name, emails: &mut Vec<String>) {
    if name.given.is_some() || name.family.is_some() || !crate::people::name::is_address_stand_in(&name.display) {
        return;
    }
    if let Some(address) = email(&name.display) {
        emails.push(address);
    }
    *name = Name::default();
}

/// `text` in quotes for a message, cut short when long.
pub(super) fn quote(text: &str) -> String {
    let text = text.trim();
    match text.char_indices().nth(60) {
        Some((cut, _)) => format!("“{}…”", &text[..cut]),
        None => format!("“{text}”"),
    }
}

/// "Dr." or "Prof. Dr.": nothing but forms of address (Outlook's "Title"
/// column, a "Title" column of a hand-made list).
pub(super) fn honorific_only(text: &str) -> bool {
    let mut words = text.split_whitespace().peekable();
    words.peek().is_some() && words.all(|w| HONORIFICS.contains(&w.trim_end_matches('.').to_lowercase().as_str()))
}

/// One e-mail address as written ("mailto:", angle brackets and quotes
/// dropped), with its domain in lower case; `None` if it is not one.
pub(super) fn email(text: &str) -> Option<String> {
    let mut text = text.trim();
    if let (Some(open), Some(close)) = (text.find('<'), text.rfind('>')) {
        if open < close {
            text = &text[open + 1..close];
        }
    }
    let text = text.trim_matches(|c: char| matches!(c, '"' | '\'' | '<' | '>' | ',' | ';') || c.is_whitespace());
    let text = match text.get(..7) {
        Some(scheme) if scheme.eq_ignore_ascii_case("mailto:") => &text[7..],
        _ => text,
    };
    let (local, domain) = text.rsplit_once('@')?;
    let valid = !local.is_empty()
        && !local.contains('@')
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !text.chars().any(|c| c.is_whitespace() || c.is_control());
    valid.then(|| format!("{local}@{}", domain.to_lowercase()))
}

/// Every address in a cell that may hold several ("a@x.org; b@y.org",
/// Google's "a@x.org ::: b@y.org").
pub(super) fn emails(text: &str) -> Vec<String> {
    text.split(|c: char| c == ',' || c == ';' || c.is_whitespace()).filter_map(email).collect()
}

/// The emails in order, each once (compared ignoring case). A set makes
/// this linear: a card with 40,000 EMAIL lines must not cost 40,000²
/// comparisons.
pub(super) fn unique_emails(emails: impl IntoIterator<Item = String>) -> Vec<String> {
    let mut seen = std::collections::HashSet::new();
    emails.into_iter().filter(|email| seen.insert(email.to_lowercase())).collect()
}

/// A phone number as written, without a `tel:` scheme; `None` without digits.
pub(super) fn phone(text: &str) -> Option<String> {
    let text = text.trim();
    let text = match text.get(..4) {
        Some(scheme) if scheme.eq_ignore_ascii_case("tel:") => &text[4..],
        _ => text,
    };
    line(text).filter(|t| t.chars().any(|c| c.is_ascii_digit()))
}

#[cfg(test)]
#[path = "tidy_tests.rs"]
mod tests;
