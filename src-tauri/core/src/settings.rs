//! The user's preferences: which congress is open, home time zone, working
//! day and meeting defaults, calendar reminders and the user's own card.
//! Stored one key per field in `settings`, so a
//! later version can add fields without a migration; missing keys take their
//! defaults.

use crate::ids::CongressId;
use crate::{time, CoreError, FieldProblem, Result, Store};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(default)]
pub struct Settings {
    /// The congress the app opens on.
    pub current_congress_id: Option<CongressId>,
    /// Where the user lives, for "home time" next to venue time.
    pub home_time_zone: Option<String>,
    /// The working day meetings may be proposed in, in venue hours.
    pub day_start_hour: u8,
    pub day_end_hour: u8,
    pub default_meeting_minutes: u16,
    /// Walking time kept free between two items in different places.
    pub buffer_minutes: u16,
    /// Days after a meeting a follow-up falls due.
    pub follow_up_days: u16,
    /// Minutes before each exported meeting or session that calendars remind
    /// the user; `None` exports no reminders.
    pub alarm_minutes: Option<u16>,
    /// The user's own business card, shared as a vCard and a QR code.
    pub my_card: MyCard,
}

/// The user's own card: what a colleague scanning the QR code gets. Every
/// field is optional; empty means "leave it off the card".
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(default)]
pub struct MyCard {
    pub name: String,
    /// MD, PhD.
    pub credentials: String,
    pub institution: String,
    pub position: String,
    pub email: String,
    pub phone: String,
    /// X (Twitter) handle, with or without `@`, or a profile URL.
    pub x_handle: String,
    /// Bluesky handle such as `name.bsky.social`, or a profile URL.
    pub bluesky: String,
    pub linkedin: String,
    pub orcid: String,
    pub website: String,
}

/// The longest any field of the card may be: cards are read on a phone.
const CARD_FIELD_CHARS: usize = 200;

impl MyCard {
    /// Trimmed, with handles without `@` or URL and the ORCID iD in its
    /// dashed form, as the vCard writes them.
    fn normalised(&self) -> MyCard {
        let trim = |s: &str| s.trim().to_owned();
        let handle = |s: &str| crate::people::handle(s).unwrap_or_default();
        MyCard {
            name: trim(&self.name),
            credentials: trim(&self.credentials),
            institution: trim(&self.institution),
            position: trim(&self.position),
            email: trim(&self.email),
            phone: trim(&self.phone),
            x_handle: handle(&self.x_handle),
            bluesky: handle(&self.bluesky),
            linkedin: trim(&self.linkedin),
            orcid: crate::people::normalise_orcid(&self.orcid).unwrap_or_else(|| trim(&self.orcid)),
            website: trim(&self.website),
        }
    }

    fn check(&self, problems: &mut Vec<FieldProblem>) {
        let fields = [
            ("name", &self.name),
            ("credentials", &self.credentials),
            ("institution", &self.institution),
            ("position", &self.position),
            ("email", &self.email),
            ("phone", &self.phone),
            ("x_handle", &self.x_handle),
            ("bluesky", &self.bluesky),
            ("linkedin", &self.linkedin),
            ("orcid", &self.orcid),
            ("website", &self.website),
        ];
        for (field, value) in fields {
            if value.trim().chars().count() > CARD_FIELD_CHARS {
                problems.push(FieldProblem::new(
                    &format!("my_card.{field}"),
                    format!("Keep this under {CARD_FIELD_CHARS} characters."),
                ));
            }
        }
        let email = self.email.trim();
        if !email.is_empty() && (email.contains(char::is_whitespace) || !crate::people::looks_like_email(email)) {
            problems.push(FieldProblem::new("my_card.email", format!("“{email}” is not an email address.")));
        }
        let linkedin = self.linkedin.trim();
        if !linkedin.is_empty() && !linkedin.to_ascii_lowercase().contains("linkedin.com/") {
            problems.push(FieldProblem::new(
                "my_card.linkedin",
                "A LinkedIn address looks like https://www.linkedin.com/in/name.",
            ));
        }
        let orcid = self.orcid.trim();
        if !orcid.is_empty() && crate::people::normalise_orcid(orcid).is_none() {
            problems.push(FieldProblem::new("my_card.orcid", "An ORCID iD has 16 digits, e.g. 0000-0002-1825-0097."));
        }
        let website = self.website.trim();
        if !website.is_empty() && (website.contains(char::is_whitespace) || !website.contains('.')) {
            problems.push(FieldProblem::new("my_card.website", "A web address looks like https://example.org."));
        }
    }
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            current_congress_id: None,
            home_time_zone: None,
            day_start_hour: 7,
            day_end_hour: 20,
            default_meeting_minutes: 30,
            buffer_minutes: 10,
            follow_up_days: 2,
            // Ten minutes of walking between halls (the default buffer) and
            // five to spare: long enough to get there, short enough that the
            // reminder is not forgotten on the way.
            alarm_minutes: Some(15),
            my_card: MyCard::default(),
        }
    }
}

/// The earliest reminder, in minutes before an item.
pub const MAX_ALARM_MINUTES: u16 = 24 * 60;

pub async fn get(store: &Store) -> Result<Settings> {
    let rows: Vec<(String, String)> = sqlx::query_as("SELECT key, value FROM settings").fetch_all(store.pool()).await?;
    // Start from the defaults and take each stored field that still fits, so
    // a value an older or newer version wrote in another shape costs only
    // that field, not every setting.
    let Value::Object(mut merged) = serde_json::to_value(Settings::default()).expect("settings serialise") else {
        unreachable!("a struct serialises to an object")
    };
    for (key, text) in rows {
        let Ok(value) = serde_json::from_str::<Value>(&text) else {
            continue;
        };
        let mut probe: Map<String, Value> = merged.clone();
        probe.insert(key, value);
        if serde_json::from_value::<Settings>(Value::Object(probe.clone())).is_ok() {
            merged = probe;
        }
    }
    Ok(serde_json::from_value(Value::Object(merged)).unwrap_or_default())
}

/// Checks and stores every field of `settings`; returns what was stored.
pub async fn update(store: &Store, settings: &Settings) -> Result<Settings> {
    let problems = check(settings);
    if !problems.is_empty() {
        return Err(CoreError::Invalid(problems));
    }
    if let Some(id) = settings.current_congress_id {
        crate::congress::get(store, id).await?;
    }
    let mut normalised = settings.clone();
    normalised.home_time_zone = settings
        .home_time_zone
        .as_deref()
        .map(str::trim)
        .filter(|z| !z.is_empty())
        .and_then(time::parse_zone)
        .map(|z| z.name().to_owned());
    normalised.my_card = settings.my_card.normalised();
    let Value::Object(fields) = serde_json::to_value(&normalised).expect("settings serialise") else {
        unreachable!("a struct serialises to an object")
    };
    let mut tx = store.begin_write().await?;
    for (key, value) in fields {
        sqlx::query(
            "INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        )
        .bind(key)
        .bind(value.to_string())
        .execute(&mut *tx)
        .await?;
    }
    tx.commit().await?;
    Ok(normalised)
}

fn check(settings: &Settings) -> Vec<FieldProblem> {
    let mut problems = Vec::new();
    if let Some(zone) = settings.home_time_zone.as_deref().map(str::trim).filter(|z| !z.is_empty()) {
        if time::parse_zone(zone).is_none() {
            problems.push(FieldProblem::new(
                "home_time_zone",
                format!("“{zone}” is not a known time zone; pick one from the list."),
            ));
        }
    }
    if settings.day_start_hour > 23 || settings.day_end_hour > 24 || settings.day_start_hour >= settings.day_end_hour {
        problems.push(FieldProblem::new("day_end_hour", "The day must end after it starts (hours 0–24)."));
    }
    if !(5..=480).contains(&settings.default_meeting_minutes) {
        problems.push(FieldProblem::new("default_meeting_minutes", "A meeting lasts 5 to 480 minutes."));
    }
    if settings.follow_up_days > 60 {
        problems.push(FieldProblem::new("follow_up_days", "Follow up within 60 days."));
    }
    if settings.buffer_minutes > 120 {
        problems.push(FieldProblem::new("buffer_minutes", "Keep the buffer under two hours."));
    }
    if settings.alarm_minutes.is_some_and(|m| m > MAX_ALARM_MINUTES) {
        problems.push(FieldProblem::new("alarm_minutes", "A reminder comes at most a day (1,440 minutes) before."));
    }
    settings.my_card.check(&mut problems);
    problems
}
