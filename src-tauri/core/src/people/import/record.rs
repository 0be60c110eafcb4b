//! What every contacts reader produces: one record per person as the file
//! describes them, before matching against the people already known, with
//! where in the file it came from.

/// One contact as read from a file.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ContactRecord {
    /// The full name as the source gives it (vCard FN, or given + family),
    /// generational suffixes ("Jr.", "III") included. Empty when the card
    /// has no name, only an e-mail address: see [`ContactRecord::shown_name`].
    pub display_name: String,
    pub given_name: Option<String>,
    /// vCard N's additional names, a CSV's "Middle Name".
    pub middle_name: Option<String>,
    pub family_name: Option<String>,
    /// Dr, Prof, … (vCard N prefix).
    pub honorific: Option<String>,
    /// MD, PhD, … (vCard N suffix, or trailing ", MD, PhD" in a name); never
    /// a generational suffix, which is part of the name.
    pub credentials: Option<String>,
    /// Company / ORG (first unit).
    pub institution: Option<String>,
    /// Position / TITLE / ROLE.
    pub position: Option<String>,
    pub city: Option<String>,
    pub country: Option<String>,
    /// Every email, the preferred one first; lower-cased domain is fine but
    /// keep the local part as written.
    pub emails: Vec<String>,
    pub phone: Option<String>,
    /// A LinkedIn profile URL (normalised to https://www.linkedin.com/in/…).
    pub linkedin_url: Option<String>,
    /// X/Twitter handle without the @.
    pub x_handle: Option<String>,
    /// Bluesky handle (e.g. name.bsky.social), without the @.
    pub bluesky_handle: Option<String>,
    /// ORCID iD as 0000-0000-0000-0000.
    pub orcid: Option<String>,
    /// Free notes (vCard NOTE; LinkedIn "Connected On" goes here as
    /// "Connected on LinkedIn on 12 Mar 2021").
    pub notes: Option<String>,
    pub tags: Vec<String>,
    /// 1-based line where the record starts in the file.
    pub line: usize,
    /// What identifies this card or row whenever the same file is read
    /// again: `uid:<UID>` for a vCard with a UID of its own, else
    /// `digest:<uuid>` of what the card or row says (not its line, which
    /// moves when rows are added above it).
    pub source: Option<String>,
    /// Values the reader could not use and left out of the record.
    pub left_out: Vec<LeftOut>,
}

impl ContactRecord {
    /// The name lists show: the display name, or for someone whose card
    /// gives no name, their first e-mail address standing in for one.
    pub fn shown_name(&self) -> &str {
        match self.display_name.trim() {
            "" => self.emails.first().map_or("", String::as_str),
            name => name,
        }
    }
}

/// A value left out of a record that was kept ("EMAIL “ana at x” is not an
/// e-mail address"): the preview lists these beside the skipped records.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LeftOut {
    pub line: usize,
    pub reason: String,
}

/// A record the reader could not use, and why (the preview lists these).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SkippedRecord {
    pub line: usize,
    pub reason: String,
}

/// Names the content digests of [`ContactRecord::source`].
const SOURCES: uuid::Uuid = uuid::uuid!("8f0a3c52-1d6e-4b7a-9c25-6e4d2f1b0a97");

/// The `digest:` identity of a card or row from its parts (a card's
/// property lines, a row's header and cells), stable across runs and
/// versions (a name-based UUID, SHA-1).
pub(super) fn digest<'a>(parts: impl IntoIterator<Item = &'a [u8]>) -> String {
    let mut data = Vec::new();
    for part in parts {
        data.extend_from_slice(part);
        // A unit separator, so ("ab", "c") and ("a", "bc") differ.
        data.push(0x1F);
    }
    format!("digest:{}", uuid::Uuid::new_v5(&SOURCES, &data))
}
