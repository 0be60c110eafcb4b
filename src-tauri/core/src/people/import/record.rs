//! What every contacts reader produces: one record per person as the file
//! describes them, before matching against the people already known.

/// One contact as read from a file.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ContactRecord {
    /// The full name as the source gives it (vCard FN, or given + family).
    pub display_name: String,
    pub given_name: Option<String>,
    pub family_name: Option<String>,
    /// Dr, Prof, … (vCard N prefix).
    pub honorific: Option<String>,
    /// MD, PhD, … (vCard N suffix, or trailing ", MD, PhD" in a name).
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
}

/// A record the reader could not use, and why (the preview lists these).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SkippedRecord {
    pub line: usize,
    pub reason: String,
}
