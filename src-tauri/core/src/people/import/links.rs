//! Profile links recognised whatever field they arrive in: a vCard URL, an
//! Apple X-SOCIALPROFILE, a CSV "Website" or "LinkedIn" column. LinkedIn
//! links are normalised to https://www.linkedin.com/in/<name> (no query, no
//! trailing slash, no country subdomain) so the same person matches across
//! files; X and Bluesky are kept as handles, ORCID as 0000-0000-0000-0000.

use super::record::ContactRecord;

/// A profile the record has a field for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Profile {
    Linkedin(String),
    X(String),
    Bluesky(String),
    Orcid(String),
}

impl Profile {
    /// Fills the record's field for this profile unless an earlier link did.
    pub fn fill(self, record: &mut ContactRecord) {
        let (slot, value) = match self {
            Profile::Linkedin(url) => (&mut record.linkedin_url, url),
            Profile::X(handle) => (&mut record.x_handle, handle),
            Profile::Bluesky(handle) => (&mut record.bluesky_handle, handle),
            Profile::Orcid(id) => (&mut record.orcid, id),
        };
        slot.get_or_insert(value);
    }
}

/// What a link points at, if it is a profile Hallway keeps.
pub(super) fn profile(url: &str) -> Option<Profile> {
    let (host, path) = split_url(url)?;
    let segments: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
    match host.as_str() {
        "linkedin.com" => linkedin_path(&segments).map(Profile::Linkedin),
        "twitter.com" | "x.com" => segments.first().and_then(|h| x_handle(h)).map(Profile::X),
        "bsky.app" => match segments.as_slice() {
            ["profile", handle, ..] => bluesky_handle(handle).map(Profile::Bluesky),
            _ => None,
        },
        "orcid.org" => segments.first().and_then(|id| orcid(id)).map(Profile::Orcid),
        _ => None,
    }
}

/// A LinkedIn profile from a link or from a bare public-profile name.
pub(super) fn linkedin(text: &str) -> Option<String> {
    match profile(text) {
        Some(Profile::Linkedin(url)) => Some(url),
        Some(_) => None,
        None => {
            let slug = text.trim().trim_matches('/');
            let plain =
                !slug.is_empty() && !slug.contains(['/', '.', ':', '@', '?']) && !slug.contains(char::is_whitespace);
            plain.then(|| format!("https://www.linkedin.com/in/{}", slug.to_lowercase()))
        }
    }
}

/// An X/Twitter handle from "@ana", "ana" or a twitter.com/x.com link.
pub(super) fn x_handle(text: &str) -> Option<String> {
    if let Some(Profile::X(handle)) = profile(text) {
        return Some(handle);
    }
    let handle = text.trim().trim_start_matches('@');
    let reserved = ["home", "i", "intent", "share", "search", "hashtag", "explore", "messages", "settings"];
    let valid = (1..=15).contains(&handle.len())
        && handle.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
        && !reserved.contains(&handle.to_lowercase().as_str());
    valid.then(|| handle.to_owned())
}

/// A Bluesky handle from "@ana.bsky.social", a bsky.app link or a DID.
pub(super) fn bluesky_handle(text: &str) -> Option<String> {
    if let Some(Profile::Bluesky(handle)) = profile(text) {
        return Some(handle);
    }
    let handle = text.trim().trim_start_matches('@');
    if handle.starts_with("did:") && !handle.contains(char::is_whitespace) {
        return Some(handle.to_owned());
    }
    let valid = handle.contains('.')
        && !handle.starts_with('.')
        && !handle.ends_with('.')
        && handle.chars().all(|c| c.is_ascii_alphanumeric() || c == '.' || c == '-');
    valid.then(|| handle.to_lowercase())
}

/// An ORCID iD as 0000-0000-0000-000X from a link or the sixteen characters.
pub(super) fn orcid(text: &str) -> Option<String> {
    let text = match split_url(text) {
        Some((host, path)) if host == "orcid.org" => path.trim_matches('/').to_owned(),
        _ => text.to_owned(),
    };
    let id: Vec<char> = text.chars().filter(|c| !matches!(c, '-' | ' ')).collect();
    let valid = id.len() == 16
        && id[..15].iter().all(char::is_ascii_digit)
        && (id[15].is_ascii_digit() || id[15].eq_ignore_ascii_case(&'x'));
    valid.then(|| {
        let id: String = id.into_iter().map(|c| c.to_ascii_uppercase()).collect();
        format!("{}-{}-{}-{}", &id[..4], &id[4..8], &id[8..12], &id[12..])
    })
}

/// "https://www.linkedin.com/in/ana-s/?trk=x" → ("linkedin.com", "/in/ana-s/"):
/// the host without www./m./country prefixes, and the path without query.
fn split_url(url: &str) -> Option<(String, &str)> {
    let url = url.trim();
    let rest = ["https://", "http://", "//"]
        .iter()
        .find_map(|scheme| {
            url.get(..scheme.len()).filter(|s| s.eq_ignore_ascii_case(scheme)).map(|_| &url[scheme.len()..])
        })
        .unwrap_or(url);
    let host_end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let host = rest[..host_end].split(':').next().unwrap_or_default().to_lowercase();
    let path = &rest[host_end..];
    let path = &path[..path.find(['?', '#']).unwrap_or(path.len())];
    if host.is_empty() || !host.contains('.') || host.contains(char::is_whitespace) {
        return None;
    }
    let host = match host.rsplit_once(".linkedin.com") {
        Some((_, "")) => "linkedin.com".to_owned(),
        _ => host.trim_start_matches("www.").trim_start_matches("mobile.").trim_start_matches("m.").to_owned(),
    };
    Some((host, path))
}

fn linkedin_path(segments: &[&str]) -> Option<String> {
    match segments {
        ["in", slug, ..] => Some(format!("https://www.linkedin.com/in/{}", slug.to_lowercase())),
        ["pub", rest @ ..] if !rest.is_empty() => Some(format!("https://www.linkedin.com/pub/{}", rest.join("/"))),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn profile_links_are_recognised_and_normalised() {
        let ana = Some(Profile::Linkedin("https://www.linkedin.com/in/ana-sanchez-1a2b".into()));
        for link in [
            "https://www.linkedin.com/in/ana-sanchez-1a2b/",
            "http://linkedin.com/in/Ana-Sanchez-1a2b?trk=profile",
            "https://es.linkedin.com/in/ana-sanchez-1a2b/#experience",
            "www.linkedin.com/in/ana-sanchez-1a2b",
            "https://m.linkedin.com/in/ana-sanchez-1a2b/details",
        ] {
            assert_eq!(profile(link), ana, "{link}");
        }
        assert_eq!(profile("https://www.linkedin.com/company/hospital"), None);
        assert_eq!(linkedin("ana-sanchez-1a2b").as_deref(), Some("https://www.linkedin.com/in/ana-sanchez-1a2b"));
        assert_eq!(linkedin("https://example.org/ana"), None);

        assert_eq!(profile("https://twitter.com/AnaHeme?s=20"), Some(Profile::X("AnaHeme".into())));
        assert_eq!(profile("https://x.com/AnaHeme/status/1"), Some(Profile::X("AnaHeme".into())));
        assert_eq!(profile("https://twitter.com/intent/tweet"), None);
        assert_eq!(x_handle("@AnaHeme").as_deref(), Some("AnaHeme"));
        assert_eq!(x_handle("not a handle"), None);

        assert_eq!(
            profile("https://bsky.app/profile/ana.bsky.social"),
            Some(Profile::Bluesky("ana.bsky.social".into()))
        );
        assert_eq!(bluesky_handle("@Ana.Bsky.Social").as_deref(), Some("ana.bsky.social"));
        assert_eq!(bluesky_handle("ana"), None);

        assert_eq!(
            profile("https://orcid.org/0000-0002-1825-0097"),
            Some(Profile::Orcid("0000-0002-1825-0097".into()))
        );
        assert_eq!(orcid("000000021825009x").as_deref(), Some("0000-0002-1825-009X"));
        assert_eq!(orcid("1234"), None);
        assert_eq!(profile("https://example.org/in/ana"), None);
    }
}
