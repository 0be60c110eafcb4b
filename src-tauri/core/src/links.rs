//! Which addresses from the user's data may leave the app: http, https and
//! mailto only, whole and without control characters. A `javascript:`,
//! `file:` or `data:` address in an imported program never reaches the OS.

/// The address, trimmed, when it is safe to hand to the OS; `None` otherwise.
pub fn safe_link(text: &str) -> Option<String> {
    let url = text.trim();
    if url.is_empty() || url.len() > 2048 || url.chars().any(|c| c.is_control() || c.is_whitespace()) {
        return None;
    }
    let (scheme, rest) = url.split_once(':')?;
    let scheme = scheme.to_ascii_lowercase();
    let ok = match scheme.as_str() {
        "http" | "https" => rest.starts_with("//") && rest.len() > 2 && !rest[2..].starts_with('/'),
        "mailto" => rest.contains('@'),
        _ => false,
    };
    ok.then(|| format!("{scheme}:{rest}"))
}

#[cfg(test)]
mod tests {
    use super::safe_link;

    #[test]
    fn only_web_and_mail_addresses_pass() {
        assert_eq!(safe_link(" https://ash.example/s/1 ").as_deref(), Some("https://ash.example/s/1"));
        assert_eq!(safe_link("HTTP://x.org").as_deref(), Some("http://x.org"));
        assert_eq!(safe_link("mailto:ana@usal.es").as_deref(), Some("mailto:ana@usal.es"));
        for bad in [
            "javascript:alert(1)",
            "JaVaScRiPt:alert(1)",
            "file:///etc/passwd",
            "data:text/html,<script>x</script>",
            "vbscript:msgbox",
            "https:///etc",
            "http:x.org",
            "https://a.org/\u{0}x",
            "https://a.org/ x",
            "mailto:nobody",
            "ash.example/s/1",
            "",
        ] {
            assert_eq!(safe_link(bad), None, "{bad}");
        }
    }
}
