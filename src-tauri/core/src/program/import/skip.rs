//! What an import leaves out, and why, so that nothing vanishes without a
//! word: items that start outside the congress days, the same session
//! twice in one file, older versions of an event a newer one replaces, and
//! events without a start (iTIP replies and cancellations leave it out).
//! The report counts them and lists them; the UI shows the list.
//!
//! The congress days run from 00:00 of the first day to 06:00 after the
//! last (venue time): a night event of the last day that starts after
//! midnight still belongs to the congress. Recurring items are already
//! expanded only within the days by their reader; this applies the same
//! days to one-off items. When (almost) nothing of a file falls within the
//! days, the file is for another year or another meeting, and the import
//! says so instead of keeping a handful of coincidences.

use super::item::{ProgramItem, ReadContext, ReadError, SourceTime};
use super::resolve;
use crate::time;
use chrono::{DateTime, Days, FixedOffset, NaiveDate};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};

/// Hours after midnight of the last day that still belong to it.
const NIGHT_GRACE_HOURS: i64 = 6;

/// The most items an import report lists one by one; `skipped` counts all.
pub const LISTED: usize = 500;

/// Why an item of the file is not in the program.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum SkipReason {
    /// It starts before the congress's first day or after its last.
    OutsideDates,
    /// The same session (same id, start, title and room) is in the file already.
    Duplicate,
    /// A newer version of the same event (same UID, higher SEQUENCE) replaces it.
    OlderVersion,
    /// It has no start (an ICS VEVENT without DTSTART).
    NoStart,
}

impl SkipReason {
    /// A few words for messages and the CLI.
    pub fn words(self) -> &'static str {
        match self {
            SkipReason::OutsideDates => "outside the congress days",
            SkipReason::Duplicate => "the same session is in the file already",
            SkipReason::OlderVersion => "an older version of an event the file also has in a newer version",
            SkipReason::NoStart => "it has no start",
        }
    }
}

/// One item of the file that the import left out.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct SkippedItem {
    pub title: String,
    /// Its start, in venue time, when it has one.
    pub starts_at: Option<DateTime<FixedOffset>>,
    /// 1-based line of the file where the item is.
    pub line: u32,
    pub reason: SkipReason,
}

impl SkippedItem {
    pub fn new(item: &ProgramItem, reason: SkipReason, zone: Tz) -> Self {
        Skip::of(item, reason).listed(zone)
    }
}

/// An item a reader left out, as the reader saw it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skip {
    pub title: String,
    pub starts: Option<SourceTime>,
    pub line: usize,
    pub reason: SkipReason,
}

impl Skip {
    pub fn of(item: &ProgramItem, reason: SkipReason) -> Self {
        Skip { title: item.title.clone(), starts: Some(item.starts.clone()), line: item.line, reason }
    }

    /// As the report lists it, with the start in venue time.
    pub fn listed(&self, zone: Tz) -> SkippedItem {
        SkippedItem {
            title: self.title.clone(),
            starts_at: self.starts.as_ref().map(|starts| time::in_zone(resolve::seconds(starts, zone), zone)),
            line: u32::try_from(self.line).unwrap_or(u32::MAX),
            reason: self.reason,
        }
    }
}

/// The congress days as instants: [start, end).
fn window(ctx: &ReadContext) -> (i64, i64) {
    let midnight = |day: NaiveDate| time::local_seconds(day.and_hms_opt(0, 0, 0).expect("midnight exists"), ctx.zone);
    let after = ctx.last_day.checked_add_days(Days::new(1)).unwrap_or(ctx.last_day);
    (midnight(ctx.first_day), midnight(after) + NIGHT_GRACE_HOURS * 3600)
}

/// Splits `items` into those within the congress days and those outside.
/// Fails when the file seems to be for other dates: nothing within them,
/// or fewer than one item in fifty.
pub fn within_dates(
    items: Vec<ProgramItem>,
    ctx: &ReadContext,
) -> Result<(Vec<ProgramItem>, Vec<ProgramItem>), ReadError> {
    let (from, until) = window(ctx);
    let total = items.len();
    let (inside, outside): (Vec<_>, Vec<_>) = items.into_iter().partition(|item| {
        let start = resolve::seconds(&item.starts, ctx.zone);
        (from..until).contains(&start)
    });
    if !outside.is_empty() && inside.len() * 50 < total {
        return Err(other_dates(&outside, inside.len(), ctx));
    }
    Ok((inside, outside))
}

/// "the file seems to be for other dates: its 138 sessions run from 12 Aug
/// 2014 to 17 Aug 2014, and the congress is 5–9 Dec 2025 …"
fn other_dates(outside: &[ProgramItem], inside: usize, ctx: &ReadContext) -> ReadError {
    let days =
        outside.iter().map(|item| time::in_zone(resolve::seconds(&item.starts, ctx.zone), ctx.zone).date_naive());
    let (first, last) = days.fold((NaiveDate::MAX, NaiveDate::MIN), |(lo, hi), d| (lo.min(d), hi.max(d)));
    let span =
        if first == last { format!("on {}", day(first)) } else { format!("from {} to {}", day(first), day(last)) };
    let days = format!("{} to {}", day(ctx.first_day), day(ctx.last_day));
    let what = match (outside.len(), inside) {
        (1, _) => format!("its one session is {span}, outside the congress days ({days})"),
        (n, 0) => format!("its {n} sessions are {span}, and none falls within the congress days ({days})"),
        (n, 1) => format!("{n} of its sessions are {span}, and only 1 falls within the congress days ({days})"),
        (n, k) => format!("{n} of its sessions are {span}, and only {k} fall within the congress days ({days})"),
    };
    ReadError::new(format!(
        "the file seems to be for other dates: {what}. Check the congress's dates, or choose the program of this congress."
    ))
}

fn day(date: NaiveDate) -> String {
    date.format("%-d %b %Y").to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::program::import::SourceTime;

    fn ctx() -> ReadContext {
        let d = |s: &str| s.parse::<NaiveDate>().unwrap();
        ReadContext { zone: chrono_tz::America::New_York, first_day: d("2025-12-06"), last_day: d("2025-12-09") }
    }

    fn at(text: &str, line: usize) -> ProgramItem {
        ProgramItem::new(format!("item {line}"), SourceTime::Floating(text.parse().unwrap()), line)
    }

    #[test]
    fn the_days_run_from_midnight_to_six_after_the_last() {
        let items = vec![
            at("2025-12-05T23:59:00", 1),
            at("2025-12-06T00:00:00", 2),
            at("2025-12-09T23:30:00", 3),
            at("2025-12-10T05:59:00", 4),
            at("2025-12-10T06:00:00", 5),
            at("2025-12-07T09:00:00", 6),
            at("2025-12-08T09:00:00", 7),
        ];
        let (inside, outside) = within_dates(items, &ctx()).unwrap();
        assert_eq!(inside.iter().map(|i| i.line).collect::<Vec<_>>(), [2, 3, 4, 6, 7]);
        assert_eq!(outside.iter().map(|i| i.line).collect::<Vec<_>>(), [1, 5]);
    }

    #[test]
    fn a_file_for_other_dates_is_refused_with_its_dates() {
        let items: Vec<_> = (1..=138).map(|n| at(&format!("2014-08-{:02}T10:00:00", 10 + n % 8), n)).collect();
        let err = within_dates(items, &ctx()).unwrap_err();
        assert!(err.message.starts_with("the file seems to be for other dates"), "{err}");
        assert!(err.message.contains("its 138 sessions are from 10 Aug 2014 to 17 Aug 2014"), "{err}");
        assert!(err.message.contains("none falls within the congress days (6 Dec 2025 to 9 Dec 2025)"), "{err}");
        let one = within_dates(vec![at("2027-06-10T09:00:00", 3)], &ctx()).unwrap_err();
        assert!(one.message.contains("its one session is on 10 Jun 2027, outside the congress days"), "{one}");
    }

    #[test]
    fn a_few_within_many_outside_are_kept_and_the_rest_skipped() {
        // A shared calendar: 4 items in the congress, 62 around the year.
        let mut items: Vec<_> = (1..=62).map(|n| at(&format!("2025-{:02}-15T10:00:00", 1 + n % 11), n)).collect();
        items.extend((63..=66).map(|n| at("2025-12-07T10:00:00", n)));
        let (inside, outside) = within_dates(items, &ctx()).unwrap();
        assert_eq!((inside.len(), outside.len()), (4, 62));
        // One in a hundred is a coincidence, not a program.
        let mut items: Vec<_> = (1..=99).map(|n| at("2024-12-07T10:00:00", n)).collect();
        items.push(at("2025-12-07T10:00:00", 100));
        let err = within_dates(items, &ctx()).unwrap_err();
        assert!(err.message.contains("99 of its sessions are on 7 Dec 2024, and only 1 falls within"), "{err}");
    }

    #[test]
    fn skipped_items_carry_venue_time_and_line() {
        let item = at("2025-12-05T20:00:00", 42);
        let skipped = SkippedItem::new(&item, SkipReason::OutsideDates, chrono_tz::America::New_York);
        assert_eq!(skipped.starts_at.unwrap().to_rfc3339(), "2025-12-05T20:00:00-05:00");
        assert_eq!((skipped.line, skipped.reason), (42, SkipReason::OutsideDates));
    }
}
