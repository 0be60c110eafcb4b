//! The congress plan as an iCalendar (RFC 5545) file: meetings, the sessions
//! marked attending (and maybe), and follow-ups as dated reminders. The file
//! is made to be imported again and again: every item keeps its UID, and its
//! SEQUENCE rises when its time, place, title or status changes, so calendars
//! update what they have instead of adding a second copy.
//!
//! Choices, and why:
//!
//! - **Times in UTC** (`20261024T083000Z`), not TZID + VTIMEZONE. An instant
//!   is exact: every client turns it into the viewer's local time with its
//!   own time-zone database, so a congress across a DST change (Amsterdam,
//!   25 October 2026) shows right everywhere. TZID needs a VTIMEZONE whose
//!   rules each client re-reads its own way (Outlook maps IANA names to
//!   Windows zones, calcurse ignores TZID altogether), and writing correct
//!   VTIMEZONE rules from chrono-tz is more code to get wrong. What UTC loses
//!   — the venue zone in the event — goes into the DESCRIPTION as a
//!   "Venue time" line.
//! - **No METHOD** (and so no ORGANIZER). A file saved and imported is not
//!   an iTIP message; RFC 5545 leaves METHOD out for exactly that, and RFC
//!   5546 would require an ORGANIZER with PUBLISH, which some clients then
//!   show as "invited by". With no METHOD, DTSTAMP is "when the item was last
//!   revised in the calendar store" (§3.8.7.2), so it is the row's
//!   `updated_at`, and an unchanged plan exports byte for byte the same file.
//! - **No ATTENDEE lines**: a client that sees attendees offers to send them
//!   invitations. The people are named in the DESCRIPTION instead.
//! - **Follow-ups as all-day VEVENTs**, not VTODOs: Google Calendar's import
//!   drops VTODOs, Outlook's calendar import skips them and Apple Calendar
//!   sends them to Reminders only sometimes; an all-day event on the due
//!   date shows in every calendar. It is TRANSPARENT (does not block the day).
//! - **Sessions** have no stored UID, so theirs is a name-based UUID (v5) of
//!   the congress id and the session's import key, the same on every export.

use super::content::Lines;
use super::ics_rows::{follow_ups, meetings, people, sessions, FollowUpRow, MeetingRow, SessionRow};
use crate::ids::{CongressId, MeetingId};
use crate::{congress, settings, time, CoreError, FieldProblem, Result, Store};
use chrono::{Datelike, Duration, NaiveDate, Timelike};
use chrono_tz::{OffsetName, Tz};
use serde::{Deserialize, Serialize};
use std::fmt::Write;

/// What to put in the file. The UI starts from [`ExportOptions::default`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(default)]
pub struct ExportOptions {
    pub meetings: bool,
    /// Sessions marked attending.
    pub sessions: bool,
    /// Sessions marked maybe (as tentative, not blocking time).
    pub maybes: bool,
    /// Follow-ups still owed, on their due dates.
    pub follow_ups: bool,
    /// Cancelled meetings and withdrawn sessions as STATUS:CANCELLED, so a
    /// calendar that has them from an earlier export drops them. Without
    /// this they are left out.
    pub cancelled: bool,
    /// A reminder this many minutes before each meeting and session (and at
    /// 09:00 on a follow-up's day); none when `None`.
    pub alarm_minutes: Option<u32>,
}

impl Default for ExportOptions {
    fn default() -> Self {
        Self { meetings: true, sessions: true, maybes: false, follow_ups: true, cancelled: true, alarm_minutes: None }
    }
}

/// An ICS file and how many events it holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IcsFile {
    pub text: String,
    pub events: u32,
}

/// Namespace of the name-based UUIDs that identify sessions in calendars.
const SESSION_UIDS: uuid::Uuid = uuid::uuid!("30c1d178-2bbb-42f0-a5da-62274184e3d1");

/// The congress plan, as `options` asks.
pub async fn export(store: &Store, congress_id: CongressId, options: &ExportOptions) -> Result<IcsFile> {
    if options.alarm_minutes.is_some_and(|m| m > u32::from(settings::MAX_ALARM_MINUTES)) {
        return Err(CoreError::Invalid(vec![FieldProblem::new(
            "alarm_minutes",
            "A reminder comes at most a day (1,440 minutes) before.",
        )]));
    }
    let found = congress::get(store, congress_id).await?;
    let zone = time::zone_or_utc(&found.time_zone);
    let name = found.short_name.as_deref().filter(|s| !s.trim().is_empty()).unwrap_or(&found.name);
    let mut calendar = Calendar::new(Some(&format!("{name} (Hallway)")), options.alarm_minutes);
    if options.meetings {
        let status = if options.cancelled { "" } else { "AND m.status <> 'cancelled'" };
        let rows = meetings(store, &format!("m.congress_id = ? {status}"), congress_id.0).await?;
        let mut people = people(store, "m.congress_id = ?", congress_id.0).await?;
        for row in &rows {
            calendar.meeting(row, &people.remove(&row.id).unwrap_or_default(), zone);
        }
    }
    if options.sessions || options.maybes {
        for row in sessions(store, congress_id, options).await? {
            calendar.session(&row, congress_id, zone);
        }
    }
    if options.follow_ups {
        // Follow-ups are done after the congress, at home.
        let home = settings::get(store).await?.home_time_zone.as_deref().and_then(time::parse_zone).unwrap_or(zone);
        for row in follow_ups(store, congress_id).await? {
            calendar.follow_up(&row, home);
        }
    }
    if calendar.events == 0 {
        // RFC 5545 requires at least one component in a calendar.
        return Err(CoreError::Invalid(vec![FieldProblem::new(
            "options",
            "Nothing to export: no meeting, session or follow-up matches these choices.",
        )]));
    }
    Ok(calendar.finish())
}

/// One meeting as an "add to calendar" file, with the reminder from settings.
/// A cancelled meeting is exported as a cancellation.
pub async fn export_meeting(store: &Store, meeting_id: MeetingId) -> Result<IcsFile> {
    let rows = meetings(store, "m.id = ?", meeting_id.0).await?;
    let row = rows.first().ok_or_else(|| CoreError::not_found("meeting", meeting_id))?;
    let zone = time::zone_or_utc(&congress::get(store, row.congress_id).await?.time_zone);
    let alarm = settings::get(store).await?.alarm_minutes.map(u32::from);
    let mut people = people(store, "m.id = ?", meeting_id.0).await?;
    let mut calendar = Calendar::new(None, alarm);
    calendar.meeting(row, &people.remove(&row.id).unwrap_or_default(), zone);
    Ok(calendar.finish())
}

/// One item of the plan as a calendar of its own, as sync writes it to the
/// server: the same UID, SEQUENCE and text as in the exported file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CalendarItem {
    pub uid: String,
    pub kind: crate::sync::plan::Kind,
    /// The meeting, for a meeting (changes made on the server come back to it).
    pub meeting_id: Option<MeetingId>,
    pub text: String,
}

/// The plan as `options` asks, one calendar per item. Unlike [`export`], an
/// empty plan is no error: there is simply nothing to sync.
pub async fn items(store: &Store, congress_id: CongressId, options: &ExportOptions) -> Result<Vec<CalendarItem>> {
    use crate::sync::plan::Kind;
    let found = congress::get(store, congress_id).await?;
    let zone = time::zone_or_utc(&found.time_zone);
    let mut out = Vec::new();
    let one = |fill: &dyn Fn(&mut Calendar)| {
        let mut calendar = Calendar::new(None, options.alarm_minutes);
        fill(&mut calendar);
        calendar.finish().text
    };
    if options.meetings {
        let status = if options.cancelled { "" } else { "AND m.status <> 'cancelled'" };
        let rows = meetings(store, &format!("m.congress_id = ? {status}"), congress_id.0).await?;
        let mut people = people(store, "m.congress_id = ?", congress_id.0).await?;
        for row in &rows {
            let with = people.remove(&row.id).unwrap_or_default();
            let text = one(&|c| c.meeting(row, &with, zone));
            out.push(CalendarItem { uid: row.uid.clone(), kind: Kind::Meeting, meeting_id: Some(row.id), text });
        }
    }
    if options.sessions || options.maybes {
        for row in sessions(store, congress_id, options).await? {
            let text = one(&|c| c.session(&row, congress_id, zone));
            out.push(CalendarItem {
                uid: session_uid(congress_id, &row.key),
                kind: Kind::Session,
                meeting_id: None,
                text,
            });
        }
    }
    if options.follow_ups {
        let home = settings::get(store).await?.home_time_zone.as_deref().and_then(time::parse_zone).unwrap_or(zone);
        for row in follow_ups(store, congress_id).await? {
            let text = one(&|c| c.follow_up(&row, home));
            out.push(CalendarItem { uid: row.uid.clone(), kind: Kind::FollowUp, meeting_id: None, text });
        }
    }
    Ok(out)
}

/// A session's UID: name-based, from the congress and the session's import key.
fn session_uid(congress_id: CongressId, key: &str) -> String {
    format!("session-{}@hallway.app", uuid::Uuid::new_v5(&SESSION_UIDS, format!("{congress_id}/{key}").as_bytes()))
}

/// When an event happens: between two instants, or over whole days
/// (`after` is the day after the last, as DTEND of a DATE is exclusive).
enum When {
    At { start: i64, end: i64 },
    Days { first: NaiveDate, after: NaiveDate },
}

/// One VEVENT's fields, borrowed from whichever row it comes from.
struct Event<'a> {
    uid: &'a str,
    stamp: i64,
    when: When,
    summary: &'a str,
    location: &'a str,
    description: &'a str,
    status: &'static str,
    sequence: i64,
    transparent: bool,
    url: Option<&'a str>,
    /// TRIGGER value of the reminder, if any.
    alarm: Option<String>,
}

struct Calendar {
    lines: Lines,
    events: u32,
    alarm_minutes: Option<u32>,
}

impl Calendar {
    fn new(name: Option<&str>, alarm_minutes: Option<u32>) -> Self {
        let mut lines = Lines::new();
        lines.begin("VCALENDAR");
        lines.raw("VERSION", "2.0");
        lines.text("PRODID", concat!("-//Hallway//Hallway ", env!("CARGO_PKG_VERSION"), "//EN"));
        lines.raw("CALSCALE", "GREGORIAN");
        if let Some(name) = name {
            // Apple Calendar and Google name a new calendar after it.
            lines.text("X-WR-CALNAME", name);
        }
        Calendar { lines, events: 0, alarm_minutes }
    }

    fn finish(mut self) -> IcsFile {
        self.lines.end("VCALENDAR");
        IcsFile { text: self.lines.finish(), events: self.events }
    }

    /// `-PT15M`: the reminder before a timed item.
    fn before(&self) -> Option<String> {
        self.alarm_minutes.map(|m| if m == 0 { "PT0M".to_owned() } else { format!("-PT{m}M") })
    }

    fn meeting(&mut self, row: &MeetingRow, people: &[(String, Option<String>)], zone: Tz) {
        let cancelled = row.status == "cancelled";
        let mut description = String::new();
        paragraph(&mut description, "Purpose: ", &row.purpose);
        if !people.is_empty() {
            description.push_str("With:\n");
            for (name, institution) in people {
                match institution.as_deref().map(str::trim).filter(|i| !i.is_empty()) {
                    Some(institution) => writeln!(description, "- {name}, {institution}"),
                    None => writeln!(description, "- {name}"),
                }
                .expect("writing to a String cannot fail");
            }
            description.push('\n');
        }
        paragraph(&mut description, "Notes:\n", &row.notes);
        venue_time(&mut description, row.starts_at, row.ends_at, zone);
        self.event(&Event {
            uid: &row.uid,
            stamp: row.updated_at,
            when: When::At { start: row.starts_at, end: row.ends_at },
            summary: &row.title,
            location: &row.place,
            description: &description,
            status: match row.status.as_str() {
                "cancelled" => "CANCELLED",
                "proposed" => "TENTATIVE",
                _ => "CONFIRMED",
            },
            sequence: row.sequence,
            transparent: false,
            url: None,
            alarm: if cancelled { None } else { self.before() },
        });
    }

    fn session(&mut self, row: &SessionRow, congress_id: CongressId, zone: Tz) {
        let uid = session_uid(congress_id, &row.key);
        let maybe = row.attendance == "maybe";
        let mut description = String::new();
        paragraph(&mut description, "Speakers: ", &crate::program::speaker_names(&row.speakers).join("; "));
        let about: Vec<String> = [
            row.track.as_deref().map(|t| format!("Track: {t}")),
            row.abstract_number.as_deref().map(|n| format!("Abstract {n}")),
        ]
        .into_iter()
        .flatten()
        .filter(|s| !s.trim().is_empty())
        .collect();
        paragraph(&mut description, "", &about.join(" · "));
        paragraph(&mut description, "My notes:\n", &row.user_notes);
        paragraph(&mut description, "", &row.description);
        let when = if row.all_day {
            When::Days { first: date_in(row.starts_at, zone), after: day_after(row.starts_at, row.ends_at, zone) }
        } else {
            venue_time(&mut description, row.starts_at, row.ends_at, zone);
            When::At { start: row.starts_at, end: row.ends_at }
        };
        let alarm = if row.withdrawn || row.all_day { None } else { self.before() };
        self.event(&Event {
            uid: &uid,
            stamp: row.updated_at,
            when,
            summary: &row.title,
            location: row.room.as_deref().unwrap_or(""),
            description: description.trim_end(),
            status: if row.withdrawn {
                "CANCELLED"
            } else if maybe {
                "TENTATIVE"
            } else {
                "CONFIRMED"
            },
            sequence: row.sequence,
            transparent: maybe,
            url: row.url.as_deref(),
            alarm,
        });
    }

    fn follow_up(&mut self, row: &FollowUpRow, zone: Tz) {
        let how = match row.channel.as_str() {
            "email" => " by email",
            "linkedin" => " on LinkedIn",
            "x" => " on X",
            "bluesky" => " on Bluesky",
            "in_person" => " in person",
            _ => "",
        };
        let summary = format!("Follow up with {}{how}", row.display_name);
        let mut description = String::new();
        if row.channel == "email" {
            paragraph(&mut description, "Email: ", row.email.as_deref().unwrap_or(""));
        }
        paragraph(&mut description, "Draft:\n", &row.draft);
        let day = date_in(row.due_at, zone);
        self.event(&Event {
            uid: &row.uid,
            stamp: row.updated_at,
            when: When::Days { first: day, after: day + Duration::days(1) },
            summary: &summary,
            location: "",
            description: description.trim_end(),
            status: "CONFIRMED",
            sequence: row.sequence,
            transparent: true,
            url: None,
            // Relative to the day's start: 09:00 on the due day.
            alarm: self.alarm_minutes.map(|_| "PT9H".to_owned()),
        });
    }

    fn event(&mut self, event: &Event) {
        let l = &mut self.lines;
        l.begin("VEVENT");
        l.raw("UID", event.uid);
        l.raw("DTSTAMP", &utc(event.stamp));
        match event.when {
            When::At { start, end } => {
                l.raw("DTSTART", &utc(start));
                // DTEND must be later than DTSTART; without it the event is
                // an instant (§3.6.1), which is what a zero-length item is.
                if end > start {
                    l.raw("DTEND", &utc(end));
                }
            }
            When::Days { first, after } => {
                l.raw_with("DTSTART", &[("VALUE", &["DATE"])], &first.format("%Y%m%d").to_string());
                l.raw_with("DTEND", &[("VALUE", &["DATE"])], &after.format("%Y%m%d").to_string());
            }
        }
        l.raw("SEQUENCE", &event.sequence.max(0).to_string());
        l.raw("STATUS", event.status);
        l.text("SUMMARY", event.summary);
        l.text("LOCATION", event.location);
        l.text("DESCRIPTION", event.description);
        if event.transparent {
            l.raw("TRANSP", "TRANSPARENT");
        }
        if let Some(url) = event.url.map(str::trim).filter(|u| !u.is_empty() && !u.contains(char::is_whitespace)) {
            l.raw("URL", url);
        }
        if let Some(trigger) = &event.alarm {
            l.begin("VALARM");
            l.raw("ACTION", "DISPLAY");
            // DISPLAY alarms must carry a DESCRIPTION (§3.6.6).
            l.text("DESCRIPTION", if event.summary.trim().is_empty() { "Reminder" } else { event.summary });
            l.raw("TRIGGER", trigger);
            l.end("VALARM");
        }
        l.end("VEVENT");
        self.events += 1;
    }
}

/// `label` + `text` and a blank line, when there is text.
fn paragraph(out: &mut String, label: &str, text: &str) {
    let text = text.trim();
    if !text.is_empty() {
        out.push_str(label);
        out.push_str(text);
        out.push_str("\n\n");
    }
}

/// A stored instant as an RFC 5545 UTC DATE-TIME, `20261024T083000Z`
/// (written by hand: chrono's `format` parses its pattern on every call,
/// which was a tenth of the export's time).
fn utc(seconds: i64) -> String {
    let t = time::instant(seconds);
    let mut out = String::with_capacity(16);
    write!(out, "{:04}{:02}{:02}T{:02}{:02}{:02}Z", t.year(), t.month(), t.day(), t.hour(), t.minute(), t.second())
        .expect("writing to a String cannot fail");
    out
}

fn date_in(seconds: i64, zone: Tz) -> NaiveDate {
    time::in_zone(seconds, zone).date_naive()
}

/// The exclusive end day of an all-day item stored as midnight to midnight.
/// Half a day of slack absorbs days of 23 or 25 hours at a DST change.
fn day_after(start: i64, end: i64, zone: Tz) -> NaiveDate {
    let first = date_in(start, zone);
    date_in(end + 12 * 3600, zone).max(first + Duration::days(1))
}

/// Appends "Venue time: Sun 25 Oct 2026, 10:00–10:30 CET (Europe/Amsterdam)":
/// what the program says, whatever zone the calendar shows the event in.
/// (Written piece by piece: chrono's `format` parses its pattern each call.)
fn venue_time(out: &mut String, start: i64, end: i64, zone: Tz) {
    let (s, e) = (time::instant(start).with_timezone(&zone), time::instant(end).with_timezone(&zone));
    let day = |t: &chrono::DateTime<Tz>| {
        (WEEKDAYS[t.weekday().num_days_from_monday() as usize], t.day(), MONTHS[t.month0() as usize])
    };
    let write = |out: &mut String| -> std::fmt::Result {
        let (weekday, date, month) = day(&s);
        write!(out, "Venue time: {weekday} {date} {month} {}, {:02}:{:02}–", s.year(), s.hour(), s.minute())?;
        if s.date_naive() != e.date_naive() {
            let (weekday, date, month) = day(&e);
            write!(out, "{weekday} {date} {month}, ")?;
        }
        let abbreviation = e.offset().abbreviation().unwrap_or("");
        write!(out, "{:02}:{:02} {abbreviation} ({})", e.hour(), e.minute(), zone.name())
    };
    write(out).expect("writing to a String cannot fail");
}

const WEEKDAYS: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
const MONTHS: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn all_day_items_end_on_the_next_day_across_dst_changes() {
        let zone: Tz = "Europe/Amsterdam".parse().unwrap();
        let midnight = |d: u32| time::local_seconds(NaiveDate::from_ymd_opt(2026, 10, d).unwrap().into(), zone);
        let day = |d: u32| NaiveDate::from_ymd_opt(2026, 10, d).unwrap();
        // 25 October has 25 hours; the import stores start + 24 h for a one-day item.
        assert_eq!(day_after(midnight(25), midnight(25) + 24 * 3600, zone), day(26));
        assert_eq!(day_after(midnight(24), midnight(25), zone), day(25));
        assert_eq!(day_after(midnight(23), midnight(26), zone), day(26));
        assert_eq!(day_after(midnight(24), midnight(24), zone), day(25));
    }

    #[test]
    fn venue_time_names_the_zone_and_its_abbreviation() {
        let zone: Tz = "Europe/Amsterdam".parse().unwrap();
        let local = NaiveDate::from_ymd_opt(2026, 10, 25).unwrap().and_hms_opt(10, 0, 0).unwrap();
        let start = time::local_seconds(local, zone);
        let text = |from: i64, to: i64| {
            let mut out = String::new();
            venue_time(&mut out, from, to, zone);
            out
        };
        assert_eq!(text(start, start + 1800), "Venue time: Sun 25 Oct 2026, 10:00–10:30 CET (Europe/Amsterdam)");
        let dinner = start + 11 * 3600;
        assert_eq!(
            text(dinner, dinner + 4 * 3600),
            "Venue time: Sun 25 Oct 2026, 21:00–Mon 26 Oct, 01:00 CET (Europe/Amsterdam)"
        );
        assert_eq!(utc(start), "20261025T090000Z");
        assert_eq!(utc(-1), "19691231T235959Z");
    }
}
