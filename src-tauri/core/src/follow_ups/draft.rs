//! Follow-up messages from templates: a short, personal note that names the
//! person, where and when we met and what we talked about, worded for the
//! channel (a letter for email, a line or two for LinkedIn, X or Bluesky).
//! The user edits it; the template only saves the blank page.

use super::Channel;
use crate::congress::Congress;
use crate::people::Person;
use chrono::{DateTime, FixedOffset};

/// What a draft can say.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DraftContext {
    /// "Dr Sánchez" for a letter (honorific and family name when known).
    pub formal_name: String,
    /// "Ana" for a short message.
    pub first_name: String,
    pub congress: String,
    /// "at Café Forum" / "in San Diego"; empty when unknown.
    pub place: String,
    /// "on Saturday 5 December".
    pub when: String,
    /// What we discussed, from the meeting's notes or purpose or the logged note.
    pub discussed: Option<String>,
}

impl DraftContext {
    pub fn new(
        person: &Person,
        congress: &Congress,
        place: Option<String>,
        when: DateTime<FixedOffset>,
        discussed: Option<String>,
    ) -> DraftContext {
        let family = person.family_name.clone().filter(|f| !f.trim().is_empty());
        let given = person.given_name.clone().filter(|g| !g.trim().is_empty());
        let first_name =
            given.unwrap_or_else(|| person.display_name.split_whitespace().next().unwrap_or("").to_owned());
        let formal_name = match (person.honorific.as_deref().filter(|h| !h.trim().is_empty()), family) {
            (Some(h), Some(f)) => format!("{h} {f}"),
            (None, Some(f)) if person.credentials.is_some() => format!("Dr {f}"),
            _ => person.display_name.clone(),
        };
        let place = match place.filter(|p| !p.trim().is_empty()) {
            Some(p) => format!("at {}", p.trim()),
            None => congress.city.as_deref().map(|c| format!("in {c}")).unwrap_or_default(),
        };
        DraftContext {
            formal_name,
            first_name,
            congress: congress.short_name.clone().unwrap_or_else(|| congress.name.clone()),
            place,
            when: when.format("on %A %-d %B").to_string(),
            discussed: discussed.map(|d| summary(&d)).filter(|d| !d.is_empty()),
        }
    }
}

/// The first line or sentence of a note, at most ~160 characters, lower-cased
/// at the start so it reads inside a sentence ("about MRD in myeloma").
fn summary(note: &str) -> String {
    let line = note.trim().lines().next().unwrap_or("").trim();
    let sentence = line.split_inclusive(". ").next().unwrap_or(line).trim().trim_end_matches('.');
    let mut short: String = sentence.chars().take(160).collect();
    if sentence.chars().count() > 160 {
        short.push('…');
    }
    // The template already says "about": drop a leading verb of talking.
    let lower = short.to_lowercase();
    let lead = ["asked about ", "ask about ", "talked about ", "talk about ", "discussed ", "discuss ", "about "]
        .into_iter()
        .find(|p| lower.starts_with(p));
    if let Some(p) = lead {
        short = short[p.len()..].trim_start().to_owned();
    }
    let mut chars = short.chars();
    match (chars.next(), chars.next()) {
        // Keep acronyms ("MRD") and names as written; lower only a capitalised word.
        (Some(first), Some(second)) if first.is_uppercase() && second.is_lowercase() => {
            first.to_lowercase().chain(short.chars().skip(1)).collect()
        }
        _ => short,
    }
}

/// The draft for `channel`.
pub fn compose(channel: Channel, c: &DraftContext) -> String {
    let place = if c.place.is_empty() { String::new() } else { format!(" {}", c.place) };
    let about = c.discussed.as_deref().map(|d| format!(" about {d}")).unwrap_or_default();
    match channel {
        Channel::Email | Channel::Other => format!(
            "Subject: Great to meet you at {congress}\n\n\
             Dear {name},\n\n\
             Thank you for taking the time to talk with me{place} {when} at {congress}. \
             I enjoyed our conversation{about}.\n\n\
             I would be glad to stay in touch and to continue the discussion. \
             Please let me know if I can send you anything in the meantime.\n\n\
             With best regards,",
            congress = c.congress,
            name = c.formal_name,
            when = c.when,
        ),
        Channel::Linkedin => format!(
            "Dear {name}, it was a pleasure to meet you{place} at {congress} {when}. \
             Thank you for the conversation{about}. I would be glad to stay connected.",
            name = c.formal_name,
            congress = c.congress,
            when = c.when,
        ),
        Channel::X | Channel::Bluesky => format!(
            "Great to meet you at {congress}, {first}! Thanks for the chat{about}. Let's stay in touch.",
            congress = c.congress,
            first = c.first_name,
        ),
        Channel::InPerson => format!(
            "Next time I see {name}: thank them for meeting{place} {when}, and pick up where we left off{about}.",
            name = c.formal_name,
            when = c.when,
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn context() -> DraftContext {
        DraftContext {
            formal_name: "Dr Sánchez".into(),
            first_name: "Ana".into(),
            congress: "ASH 2026".into(),
            place: "at Café Forum".into(),
            when: "on Saturday 5 December".into(),
            discussed: Some(summary("MRD-guided therapy in myeloma. Also the fellowship.")),
        }
    }

    #[test]
    fn each_channel_names_the_person_place_and_topic() {
        let email = compose(Channel::Email, &context());
        assert!(email.starts_with("Subject: Great to meet you at ASH 2026\n\nDear Dr Sánchez,"));
        assert!(email.contains("at Café Forum on Saturday 5 December at ASH 2026"));
        assert!(email.contains("our conversation about MRD-guided therapy in myeloma."));
        let short = compose(Channel::Bluesky, &context());
        assert_eq!(short, "Great to meet you at ASH 2026, Ana! Thanks for the chat about MRD-guided therapy in myeloma. Let's stay in touch.");
        assert!(compose(Channel::Linkedin, &context()).contains("pleasure to meet you at Café Forum at ASH 2026"));
    }

    #[test]
    fn summaries_read_inside_a_sentence() {
        assert_eq!(summary("Talked about CAR-T access.\nSecond line"), "CAR-T access");
        assert_eq!(summary("Ask about a fellowship in her group"), "a fellowship in her group");
        assert_eq!(summary("MRD data. More."), "MRD data");
        assert_eq!(summary(&"x".repeat(300)).chars().count(), 161);
        let mut c = context();
        c.discussed = None;
        assert!(compose(Channel::X, &c).contains("Thanks for the chat. Let's"));
    }
}
