//! Which font the webview will draw for "Arial", asked of fontconfig before
//! the page starts, so the page can name that font directly.
//!
//! On Linux, where WebKitGTK does not resolve `system-ui`, Hallway's text is
//! drawn with the list's next family, Arial. Most Linux desktops have no
//! Arial: fontconfig's metric-alias rules give its twin instead (Liberation
//! Sans, Arimo or Nimbus Sans, whichever is installed and first in the
//! rules). WebKitGTK runs those rules again for every size and weight on
//! screen, which cost the first screen about 20 ms (docs/performance.md).
//! Naming the twin first draws the same font without the rules. Only
//! fontconfig knows which twin the rules pick, and a page cannot ask it, so
//! the app does, once, in a thread of its own while the window is made; the
//! answer reaches the page as a script that runs before the page's own
//! (`ui/src/lib/font-lists.ts` uses it only where `system-ui` is skipped).

/// The global the init script sets, read by `ui/src/lib/font-lists.ts`.
const GLOBAL: &str = "__HALLWAY_ARIAL__";

/// The family fontconfig matches for "Arial" when that is another family
/// (the metric twin the page should name), or `None`: Arial is installed
/// itself, fontconfig is not there, or the answer is not a plain family name.
#[cfg(target_os = "linux")]
pub fn arial_twin() -> Option<String> {
    let fc = fontconfig::Fontconfig::new()?;
    let mut pattern = fontconfig::Pattern::new(&fc).ok()?;
    pattern.add_string(fontconfig::FC_FAMILY, c"Arial").ok()?;
    // font_match runs the config's substitutions and the defaults first,
    // as WebKitGTK does before it matches.
    let matched = pattern.font_match().ok()?;
    let family = matched.get_string(fontconfig::FC_FAMILY).ok()?;
    twin(family)
}

#[cfg(not(target_os = "linux"))]
pub fn arial_twin() -> Option<String> {
    None
}

/// `family` as the page may name it: a family other than Arial, in letters,
/// digits, spaces, hyphens and underscores only (it ends up in a CSS font
/// list and a script; a font's name is the font's business, not ours).
fn twin(family: &str) -> Option<String> {
    let plain = |c: char| c.is_alphanumeric() || matches!(c, ' ' | '-' | '_');
    let family = family.trim();
    (!family.is_empty() && family.len() <= 100 && family.chars().all(plain) && !family.eq_ignore_ascii_case("Arial"))
        .then(|| family.to_owned())
}

/// The script that hands `twin` to the page before its own scripts run.
pub fn init_script(twin: Option<&str>) -> String {
    // A JSON string is a JavaScript string literal.
    let value = twin.map_or_else(|| "null".to_owned(), |t| serde_json::Value::from(t).to_string());
    format!("globalThis.{GLOBAL} = {value};")
}

/// A plugin whose only part is that script.
pub fn plugin<R: tauri::Runtime>(twin: Option<String>) -> tauri::plugin::TauriPlugin<R> {
    tauri::plugin::Builder::new("hallway-fonts").js_init_script(init_script(twin.as_deref())).build()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_twin_is_a_plain_family_other_than_arial() {
        assert_eq!(twin("Nimbus Sans").as_deref(), Some("Nimbus Sans"));
        assert_eq!(twin(" Liberation Sans ").as_deref(), Some("Liberation Sans"));
        assert_eq!(twin("Arimo").as_deref(), Some("Arimo"));
        assert_eq!(twin("Arial"), None);
        assert_eq!(twin("arial"), None);
        assert_eq!(twin(""), None);
        assert_eq!(twin("Evil\"; alert(1); \""), None);
        assert_eq!(twin("a</script>"), None);
        assert_eq!(twin("Sans\\22"), None);
    }

    #[test]
    fn the_script_sets_the_global_to_a_string_or_null() {
        assert_eq!(init_script(Some("Nimbus Sans")), "globalThis.__HALLWAY_ARIAL__ = \"Nimbus Sans\";");
        assert_eq!(init_script(None), "globalThis.__HALLWAY_ARIAL__ = null;");
    }

    /// The family fontconfig gives, asked the way `fc-match` asks it: the
    /// twin is what fontconfig's own tool says Arial is drawn with.
    #[cfg(target_os = "linux")]
    #[test]
    fn the_twin_is_what_fc_match_names() {
        let Ok(out) = std::process::Command::new("fc-match").args(["-f", "%{family[0]}", "Arial"]).output() else {
            // fontconfig's tools are not installed: nothing to compare with.
            return;
        };
        let named = String::from_utf8(out.stdout).unwrap();
        assert_eq!(arial_twin(), twin(&named), "fc-match says Arial is {named:?}");
    }
}
