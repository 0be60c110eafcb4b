//! Recurring events to their instances within the congress days, with the
//! `rrule` crate. Rules run on wall-clock time (RFC 5545 repeats "at 9:00
//! local" across a DST change): the start is handed to `rrule` as if it were
//! UTC, with UNTIL converted into the same wall-clock frame, and every
//! instance is then read in the event's own frame. DTSTART is always an
//! instance; RDATEs add, EXDATEs remove. Expansion is bounded twice: by
//! instances kept and by rule steps taken, so a FREQ=SECONDLY rule from 1970
//! cannot hang the import.

use super::event::Event;
use super::values::{parse_stamp, Stamp};
use super::zones::{Dt, Key, Zones};
use crate::program::import::item::{ReadContext, ReadError};
use chrono::{NaiveDateTime, TimeDelta};
use rrule::{RRule, RRuleSet, Unvalidated};
use std::collections::HashSet;

/// At most this many instances per event…
pub(super) const MAX_INSTANCES: usize = 10_000;
/// …and this many steps through its rules.
const MAX_STEPS: usize = 200_000;
/// Steps through rules for the whole file: the bounds per event alone let
/// a file of a few hundred runaway rules (FREQ=SECONDLY from 1970) take
/// minutes. Honest programs stay far below: a daily rule since 2000 takes
/// about 10,000 steps.
pub(super) const FILE_STEPS: usize = 500_000;
/// Instances kept for the whole file: ten times an ASH-sized program.
pub(super) const FILE_INSTANCES: usize = 100_000;

/// What is left of the file's expansion bounds.
pub(super) struct Budget {
    pub steps: usize,
    pub instances: usize,
}

impl Default for Budget {
    fn default() -> Self {
        Self { steps: FILE_STEPS, instances: FILE_INSTANCES }
    }
}

impl Budget {
    fn spent(event: &Event, what: &str) -> ReadError {
        ReadError::at_line(
            event.line,
            format!("the recurring events of this file {what}; this is not a program Hallway can read"),
        )
        .with_location("RRULE")
    }
}

/// Reads an RRULE value for a rule running from `start` (wall time).
/// `until` converts the UNTIL value to the same wall-clock frame. Unknown
/// parts are dropped; `None` when the rule is unusable (or ends before it
/// starts).
pub(super) fn parse_rule(
    raw: &str,
    start: NaiveDateTime,
    until: impl Fn(Stamp) -> Option<NaiveDateTime>,
) -> Option<RRule> {
    // RFC 5545 rules are ASCII. The `rrule` crate slices BYDAY values by
    // bytes and panics inside a multi-byte character ("BYDAY=ΰU", found by
    // fuzzing), so anything else is an unusable rule.
    if !raw.is_ascii() {
        return None;
    }
    let mut parts = Vec::new();
    for part in raw.split(';') {
        let Some((key, value)) = part.split_once('=') else { continue };
        let key = key.trim().to_ascii_uppercase();
        let value = value.trim().to_ascii_uppercase();
        if value.is_empty() {
            continue;
        }
        match key.as_str() {
            "UNTIL" => {
                let until = until(parse_stamp(&value)?)?;
                parts.push(format!("UNTIL={}Z", until.format("%Y%m%dT%H%M%S")));
            }
            "FREQ" | "COUNT" | "INTERVAL" | "BYSECOND" | "BYMINUTE" | "BYHOUR" | "BYDAY" | "BYMONTHDAY"
            | "BYYEARDAY" | "BYWEEKNO" | "BYMONTH" | "BYSETPOS" | "WKST" => parts.push(format!("{key}={value}")),
            _ => {}
        }
    }
    let rule: RRule<Unvalidated> = parts.join(";").parse().ok()?;
    rule.validate(as_rrule_time(start)).ok()
}

/// The occurrences of `rules` from `start`, in wall time, in order.
pub(super) fn occurrences(rules: Vec<RRule>, start: NaiveDateTime) -> impl Iterator<Item = NaiveDateTime> {
    let set = RRuleSet::new(as_rrule_time(start)).set_rrules(rules).limit();
    (&set).into_iter().map(|t| t.naive_utc())
}

fn as_rrule_time(t: NaiveDateTime) -> chrono::DateTime<rrule::Tz> {
    t.and_utc().with_timezone(&rrule::Tz::UTC)
}

/// The instances of a recurring `event` that start on the congress days,
/// in order, as times in the event's frame. `None` when the event does not
/// recur (or its rules are unusable and it has no RDATE): it is then one
/// item like any other. An error when the file's `budget` runs out.
pub(super) fn instances(
    event: &Event,
    zones: &Zones,
    ctx: &ReadContext,
    budget: &mut Budget,
) -> Result<Option<Vec<Dt>>, ReadError> {
    let frame = event.start.frame;
    let start = event.start.naive;
    let until = |stamp: Stamp| match stamp {
        Stamp::DateTime(n, true) => Some(zones.wall_in(frame, n.and_utc())),
        Stamp::DateTime(n, false) => Some(n),
        Stamp::Date(d) => d.and_hms_opt(23, 59, 59),
    };
    let rules: Vec<RRule> = event.rrules.iter().filter_map(|r| parse_rule(r, start, until)).collect();
    if rules.is_empty() && event.rdates.is_empty() {
        return Ok(None);
    }
    // Wall-time bounds wide enough for any zone; the exact test is per day.
    let low = (ctx.first_day - TimeDelta::days(2)).and_time(Default::default());
    let high = (ctx.last_day + TimeDelta::days(3)).and_time(Default::default());
    let in_window = |naive: NaiveDateTime| {
        let key = zones.key(Dt { naive, frame });
        (ctx.first_day..=ctx.last_day).contains(&zones.day(key))
    };
    let mut walls = vec![start];
    if !rules.is_empty() {
        for (step, t) in occurrences(rules, start).enumerate() {
            if t > high || step >= MAX_STEPS || walls.len() > MAX_INSTANCES {
                break;
            }
            budget.steps = budget.steps.checked_sub(1).ok_or_else(|| {
                Budget::spent(event, &format!("repeat more than {FILE_STEPS} times before the congress ends"))
            })?;
            if t >= low && in_window(t) {
                walls.push(t);
            }
        }
    }
    walls.extend(event.rdates.iter().map(|&r| zones.convert(r, frame).naive));
    walls.sort();
    walls.dedup();

    let excluded: HashSet<Key> = event.exdates.iter().map(|&e| zones.key(zones.convert(e, frame))).collect();
    let mut seen = HashSet::new();
    let found = walls
        .into_iter()
        .filter(|&naive| in_window(naive))
        .map(|naive| Dt { naive, frame })
        .filter(|&dt| {
            let key = zones.key(dt);
            !excluded.contains(&key) && seen.insert(key)
        })
        .take(MAX_INSTANCES)
        .collect::<Vec<_>>();
    budget.instances = budget.instances.checked_sub(found.len()).ok_or_else(|| {
        Budget::spent(event, &format!("have more than {FILE_INSTANCES} instances on the congress days"))
    })?;
    Ok(Some(found))
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn at(y: i32, mo: u32, d: u32, h: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(y, mo, d).unwrap().and_hms_opt(h, 0, 0).unwrap()
    }

    #[test]
    fn rules_in_wall_time() {
        let start = at(2026, 12, 5, 9);
        let rule = parse_rule("freq=daily;count=3;x-foo=bar", start, |_| None).unwrap();
        let got: Vec<_> = occurrences(vec![rule], start).collect();
        assert_eq!(got, [at(2026, 12, 5, 9), at(2026, 12, 6, 9), at(2026, 12, 7, 9)]);
    }

    #[test]
    fn until_is_converted_and_checked() {
        let start = at(2026, 12, 5, 9);
        let shift = |s: Stamp| match s {
            Stamp::DateTime(n, _) => Some(n - TimeDelta::hours(5)),
            Stamp::Date(_) => None,
        };
        // 14:00Z on the 7th is 09:00 wall time: the 7th is the last.
        let rule = parse_rule("FREQ=DAILY;UNTIL=20261207T140000Z", start, shift).unwrap();
        assert_eq!(occurrences(vec![rule], start).count(), 3);
        assert!(parse_rule("FREQ=DAILY;UNTIL=20261201T000000Z", start, shift).is_none());
        assert!(parse_rule("FREQ=SOMETIMES", start, shift).is_none());
    }

    #[test]
    fn non_ascii_rules_are_unusable_not_a_panic() {
        let start = at(2026, 12, 5, 9);
        // `rrule` slices "ΰU" between bytes and panics; found by fuzzing.
        assert!(parse_rule("FREQ=YEARLY;BYMONTH=3;BYDAY=\u{3b0}U", start, |_| None).is_none());
        assert!(parse_rule("FREQ=WEEKLY;BYDAY=MO,Tü", start, |_| None).is_none());
    }
}
