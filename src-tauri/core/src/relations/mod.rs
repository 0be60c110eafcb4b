//! Between congresses: relationships that last. How often I want contact
//! with someone (cadences, on a person or a group), who is due a check-in,
//! the introductions I owe or was given, what I shared with whom, where we
//! met over the years, who to reconnect with at the next congress, and the
//! summary the app opens on when no congress is running.
//!
//! Every day here is a calendar day (`NaiveDate`, stored 'YYYY-MM-DD'), never
//! an instant: a contact logged on 5 December is on 5 December wherever the
//! laptop is. Functions take `today` so tests and the CLI's `--on` decide it;
//! `today()` gives the user's own.

pub mod cadence;
pub mod checkins;
pub mod contacts;
pub mod given;
pub mod history;
pub mod home;
pub mod intros;
pub(crate) mod merge;
pub mod reconnect;

use crate::ids::PersonId;
use crate::{settings, time, Result, Store};
use chrono::{Local, NaiveDate, TimeZone};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};

/// A person as these lists name them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type, sqlx::FromRow)]
pub struct PersonRef {
    pub id: PersonId,
    pub display_name: String,
}

/// The user's zone: the home time zone of Settings, or `None` for the
/// computer's own.
pub(crate) async fn home_zone(store: &Store) -> Result<Option<Tz>> {
    Ok(settings::get(store).await?.home_time_zone.as_deref().and_then(time::parse_zone))
}

/// The day `seconds` falls on in `zone`, or in the computer's zone.
pub(crate) fn day_in(seconds: i64, zone: Option<Tz>) -> NaiveDate {
    let instant = time::instant(seconds);
    match zone {
        Some(zone) => instant.with_timezone(&zone).date_naive(),
        None => Local.from_utc_datetime(&instant.naive_utc()).date_naive(),
    }
}

/// The user's today at `now` (Unix seconds): in the home time zone of
/// Settings, else the computer's.
pub async fn today(store: &Store, now: i64) -> Result<NaiveDate> {
    Ok(day_in(now, home_zone(store).await?))
}

/// A stored 'YYYY-MM-DD'; `None` if a hand-edited file broke it.
pub(crate) fn parse_day(text: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").ok()
}

/// Whole days from `from` to `to` (negative when `to` is earlier).
pub(crate) fn days_between(from: NaiveDate, to: NaiveDate) -> i64 {
    (to - from).num_days()
}
