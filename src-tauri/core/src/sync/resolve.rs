//! Settling a conflict: a meeting changed both in Hallway and on the server
//! since the last sync waits in `dav_conflicts` with both texts. [`list`]
//! shows both versions side by side as the user compares them (Hallway's as
//! the meeting is now); [`resolve`] keeps the one the user chose. Nothing
//! here talks to the server, so it works offline: the choice goes into what
//! Hallway remembers of the item, and the next sync carries it out (sends
//! Hallway's version with `If-Match` the server's ETag, or leaves the
//! server's version alone once it is brought in). Until then neither edit is
//! lost: the planner leaves a conflicted item alone.

use super::engine::{self, ReadMeeting};
use super::merge::{self, Format};
use super::plan::{digest, Kind, Stored};
use super::state::{self, Conflict};
use crate::congress::{self, Congress};
use crate::export::ics;
use crate::ids::{CongressId, MeetingId};
use crate::meetings::{self, Meeting, MeetingStatus};
use crate::{CoreError, Result, Store};
use serde::{Deserialize, Serialize};

/// One side of a conflict, as the user compares it: what the meeting is, or
/// becomes if this side is kept.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
pub struct Version {
    pub title: String,
    /// Venue wall-clock start in the congress's zone: `2026-12-06 10:30`.
    pub starts: String,
    pub minutes: u32,
    pub place: String,
    pub status: MeetingStatus,
}

/// An open conflict with both versions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
pub struct ConflictView {
    #[specta(type = f64)]
    pub id: i64,
    pub congress_id: CongressId,
    /// The meeting in Hallway; None when it was deleted here since.
    pub meeting_id: Option<MeetingId>,
    pub uid: String,
    /// The meeting as it is in Hallway now (as it was sent, if deleted since).
    pub hallway: Version,
    /// None: deleted on the server.
    pub server: Option<Version>,
    /// Unix seconds.
    #[specta(type = f64)]
    pub found_at: i64,
}

/// Which version of a conflicted meeting to keep.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "lowercase")]
pub enum Keep {
    Hallway,
    Server,
}

impl Version {
    /// The meeting as Hallway has it.
    fn of(meeting: &Meeting) -> Version {
        Version {
            title: meeting.title.clone(),
            starts: wall_clock(meeting.starts_at.naive_local()),
            minutes: meeting.minutes,
            place: meeting.place.clone(),
            status: meeting.status,
        }
    }

    /// The meeting as `text` has it, read as a sync brings it in over
    /// `base`: its title when the text has none, its status for "confirmed".
    /// Without a base, the text's own status. None when the text holds no
    /// event.
    fn read(congress: &Congress, text: &str, base: Option<&Version>) -> Result<Option<Version>> {
        let Some(read) = engine::read_meeting(congress, text)? else { return Ok(None) };
        Ok(Some(Version::from_read(read, base)))
    }

    fn from_read(read: ReadMeeting, base: Option<&Version>) -> Version {
        Version {
            title: read.title_or(base.map_or("", |b| &b.title)),
            starts: wall_clock(read.starts_local),
            minutes: read.minutes,
            status: read.status_over(base.map_or(MeetingStatus::Confirmed, |b| b.status)),
            place: read.place,
        }
    }
}

/// `2026-12-06 10:30`
fn wall_clock(at: chrono::NaiveDateTime) -> String {
    at.format("%Y-%m-%d %H:%M").to_string()
}

/// The open conflicts, for one congress or all, oldest first.
pub async fn list(store: &Store, congress: Option<CongressId>) -> Result<Vec<ConflictView>> {
    let mut views = Vec::new();
    for conflict in state::conflicts(store, congress).await? {
        views.push(view(store, &conflict).await?);
    }
    Ok(views)
}

/// Both versions of one stored conflict.
pub async fn view(store: &Store, conflict: &Conflict) -> Result<ConflictView> {
    let found = congress::get(store, conflict.congress_id).await?;
    let meeting_id = meeting_for(store, conflict.congress_id, &conflict.uid).await?;
    let hallway = match meeting_id {
        Some(id) => Version::of(&meetings::get(store, id).await?),
        None => Version::read(&found, &conflict.local_text, None)?
            .ok_or_else(|| CoreError::Conflict(format!("Hallway's copy of {} holds no event.", conflict.uid)))?,
    };
    // A server copy the reader cannot take shows as Hallway's (keeping it
    // fails and says why), so the list still opens and Hallway's can be kept.
    let server = conflict
        .server_text
        .as_deref()
        .map(|text| Version::read(&found, text, Some(&hallway)).ok().flatten().unwrap_or_else(|| hallway.clone()));
    Ok(ConflictView {
        id: conflict.id,
        congress_id: conflict.congress_id,
        meeting_id,
        uid: conflict.uid.clone(),
        hallway,
        server,
        found_at: conflict.found_at,
    })
}

/// Keeps one version of conflict `id` and closes it; the next sync carries
/// the choice out. The conflict is closed last, so a crash halfway leaves it
/// open, and choosing again redoes the same writes.
///
/// - Server: the meeting takes the server's time, place, title and status
///   (or is cancelled, not deleted, when the server deleted it) and Hallway
///   remembers the server's ETag with what it would write now, so nothing
///   is sent back; when deleted there, Hallway forgets the item.
/// - Hallway: Hallway remembers the server's ETag with nothing sent, so the
///   next sync sends Hallway's version over the server's (`If-Match`); when
///   deleted there, it forgets the item, so the next sync creates it again.
pub async fn resolve(store: &Store, id: i64, keep: Keep) -> Result<()> {
    let conflict = state::conflicts(store, None)
        .await?
        .into_iter()
        .find(|c| c.id == id)
        .ok_or_else(|| CoreError::not_found("sync conflict", id))?;
    let congress = conflict.congress_id;
    let server = conflict.server_text.as_deref().zip(conflict.server_etag.as_deref());
    let remember = |etag: &str, pushed_hash: String| Stored {
        uid: conflict.uid.clone(),
        kind: Kind::Meeting,
        href: conflict.href.clone(),
        etag: etag.to_owned(),
        pushed_hash,
    };
    let meeting = meeting_for(store, congress, &conflict.uid).await?;
    match (keep, server, meeting) {
        (Keep::Server, Some((text, etag)), Some(meeting)) => {
            engine::apply_meeting(store, congress, meeting, text, Some(&conflict.local_text)).await?;
            // What Hallway would write now is the server's version: not sent back.
            let options = state::calendar(store, congress)
                .await?
                .map_or_else(engine::default_options, |c| c.choices.export_options());
            let now = ics::items(store, congress, &options)
                .await?
                .into_iter()
                .find(|i| i.uid == conflict.uid)
                .map(|i| i.text)
                .unwrap_or_default();
            state::put_item(store, congress, &remember(etag, digest(&now))).await?;
            state::set_kept(store, congress, &conflict.uid, kept_from(&now, text).as_deref()).await?;
        }
        (Keep::Server, None, meeting) => {
            if let Some(meeting) = meeting {
                meetings::set_status(store, meeting, MeetingStatus::Cancelled).await?;
            }
            state::remove_item(store, congress, &conflict.uid).await?;
        }
        // Deleted here since: Hallway lets go of it and the server's copy stays as it is.
        (Keep::Server, Some(_), None) => state::remove_item(store, congress, &conflict.uid).await?,
        (Keep::Hallway, Some((text, etag)), _) => {
            state::put_item(store, congress, &remember(etag, String::new())).await?;
            // What the phone added goes along with Hallway's version.
            let kept = kept_from(&conflict.local_text, text);
            state::set_kept(store, congress, &conflict.uid, kept.as_deref()).await?;
        }
        (Keep::Hallway, None, _) => state::remove_item(store, congress, &conflict.uid).await?,
    }
    state::remove_conflict(store, id).await
}

/// The lines of the server's copy Hallway keeps when it sends `ours`.
fn kept_from(ours: &str, server: &str) -> Option<String> {
    merge::kept_against(ours, merge::kept_lines(server, Format::Ics).as_deref(), Format::Ics)
}

/// The meeting with calendar UID `uid` in `congress`, if it still exists.
async fn meeting_for(store: &Store, congress: CongressId, uid: &str) -> Result<Option<MeetingId>> {
    Ok(sqlx::query_scalar("SELECT id FROM meetings WHERE congress_id = ? AND uid = ?")
        .bind(congress)
        .bind(uid)
        .fetch_optional(store.pool())
        .await?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn ash() -> Congress {
        Congress {
            id: CongressId(1),
            name: "ASH 2026".into(),
            short_name: Some("ASH26".into()),
            series: Default::default(),
            starts_on: NaiveDate::from_ymd_opt(2026, 12, 5).unwrap(),
            ends_on: NaiveDate::from_ymd_opt(2026, 12, 8).unwrap(),
            time_zone: "America/New_York".into(),
            city: None,
            venue: None,
            website: None,
            hashtags: Vec::new(),
            notes: String::new(),
        }
    }

    /// A meeting as a phone might have left it on the server.
    fn event(lines: &str) -> String {
        format!(
            "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Phone//EN\r\nBEGIN:VEVENT\r\nUID:m1@hallway.app\r\n\
             DTSTAMP:20261201T120000Z\r\n{lines}END:VEVENT\r\nEND:VCALENDAR\r\n"
        )
    }

    fn version(title: &str, starts: &str, minutes: u32, place: &str, status: MeetingStatus) -> Version {
        Version { title: title.into(), starts: starts.into(), minutes, place: place.into(), status }
    }

    #[test]
    fn a_server_text_reads_in_the_congress_zone() {
        let text = event(
            "DTSTART:20261206T173000Z\r\nDTEND:20261206T181500Z\r\nSUMMARY:Coffee with Ana\r\nLOCATION:Lobby\r\n",
        );
        let read = Version::read(&ash(), &text, None).unwrap();
        assert_eq!(read, Some(version("Coffee with Ana", "2026-12-06 12:30", 45, "Lobby", MeetingStatus::Confirmed)));
    }

    #[test]
    fn a_zoned_start_and_a_duration_read_as_venue_time() {
        let text = event("DTSTART;TZID=America/New_York:20261207T083000\r\nDURATION:PT1H\r\nSUMMARY:Breakfast\r\n");
        let read = Version::read(&ash(), &text, None).unwrap().unwrap();
        assert_eq!((read.starts.as_str(), read.minutes, read.place.as_str()), ("2026-12-07 08:30", 60, ""));
    }

    #[test]
    fn the_status_is_what_keeping_the_text_would_make_it() {
        let base = version("Coffee with Ana", "2026-12-06 10:30", 30, "Café", MeetingStatus::Done);
        let times = "DTSTART:20261206T153000Z\r\nDTEND:20261206T160000Z\r\nSUMMARY:Coffee\r\n";
        let read = |extra: &str, base: Option<&Version>| {
            Version::read(&ash(), &event(&format!("{times}{extra}")), base).unwrap().unwrap()
        };
        // No status on the phone's copy: a meeting done stays done.
        assert_eq!(read("", Some(&base)).status, MeetingStatus::Done);
        assert_eq!(read("STATUS:TENTATIVE\r\n", Some(&base)).status, MeetingStatus::Proposed);
        assert_eq!(read("STATUS:CANCELLED\r\n", Some(&base)).status, MeetingStatus::Cancelled);
        let proposed = Version { status: MeetingStatus::Proposed, ..base };
        assert_eq!(read("STATUS:CONFIRMED\r\n", Some(&proposed)).status, MeetingStatus::Confirmed);
        assert_eq!(read("STATUS:TENTATIVE\r\n", None).status, MeetingStatus::Proposed);
    }

    #[test]
    fn lengths_are_kept_within_what_a_meeting_can_last() {
        let long = event("DTSTART:20261206T130000Z\r\nDTEND:20261207T130000Z\r\nSUMMARY:All day\r\n");
        assert_eq!(Version::read(&ash(), &long, None).unwrap().unwrap().minutes, meetings::MAX_MINUTES);
    }

    #[test]
    fn a_text_without_an_event_reads_as_none_and_garbage_as_an_error() {
        let empty = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Phone//EN\r\nEND:VCALENDAR\r\n";
        assert_eq!(Version::read(&ash(), empty, None).unwrap(), None);
        assert!(Version::read(&ash(), "not a calendar", None).is_err());
    }

    #[test]
    fn keep_is_written_in_lowercase() {
        assert_eq!(serde_json::to_string(&Keep::Server).unwrap(), "\"server\"");
        assert_eq!(serde_json::from_str::<Keep>("\"hallway\"").unwrap(), Keep::Hallway);
    }
}
