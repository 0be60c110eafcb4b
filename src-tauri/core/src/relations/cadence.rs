//! Keep in touch: how often I want contact with someone. A cadence is set on
//! a person ("every 90 days") or on a group of people — a tag ("mentor") or
//! a relationship (the why of any of their targets: all collaborators every
//! 6 months). The person's own cadence wins over any group's (`off` on a
//! person stops check-ins for them); between groups, the shorter wins.
//!
//! Month cadences add calendar months clamped to the month's end: 31 January
//! plus one month is 28 February (29 in a leap year), not 3 March.

use super::{checkins, parse_day, PersonRef};
use crate::ids::PersonId;
use crate::targets::Why;
use crate::text_enum::text_enum;
use crate::{time, CoreError, FieldProblem, Result, Store};
use chrono::{Days, Months, NaiveDate};
use serde::{Deserialize, Serialize};
use std::fmt;

text_enum!(
    /// The unit a cadence counts in.
    CadenceUnit { Day = "day", Week = "week", Month = "month" }
);

/// Every `every` days, weeks or calendar months.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, specta::Type)]
pub struct Cadence {
    pub every: u32,
    pub unit: CadenceUnit,
}

/// The longest cadence: five years.
const MAX_DAYS: u32 = 5 * 366;

impl Cadence {
    /// Reads "90d", "12w", "3m" (also "90 days", "12 weeks", "3 months",
    /// "1y" for twelve months). `None` when it is none of those or out of
    /// range (one day to five years).
    pub fn parse(text: &str) -> Option<Cadence> {
        let text = text.trim().to_ascii_lowercase();
        let digits = text.chars().take_while(char::is_ascii_digit).count();
        let (number, unit) = text.split_at(digits);
        let every: u32 = number.parse().ok()?;
        let cadence = match unit.trim() {
            "d" | "day" | "days" => Cadence { every, unit: CadenceUnit::Day },
            "w" | "wk" | "week" | "weeks" => Cadence { every, unit: CadenceUnit::Week },
            "m" | "mo" | "month" | "months" => Cadence { every, unit: CadenceUnit::Month },
            "y" | "year" | "years" => Cadence { every: every.checked_mul(12)?, unit: CadenceUnit::Month },
            _ => return None,
        };
        (every > 0 && cadence.nominal_days() <= MAX_DAYS).then_some(cadence)
    }

    /// `times` cadences after `day`.
    pub fn times_after(self, day: NaiveDate, times: u32) -> NaiveDate {
        let n = self.every.saturating_mul(times);
        let later = match self.unit {
            CadenceUnit::Day => day.checked_add_days(Days::new(u64::from(n))),
            CadenceUnit::Week => day.checked_add_days(Days::new(u64::from(n) * 7)),
            // chrono clamps to the last day of a shorter month.
            CadenceUnit::Month => day.checked_add_months(Months::new(n)),
        };
        later.unwrap_or(NaiveDate::MAX)
    }

    /// One cadence after `day`: when a check-in falls due after a contact.
    pub fn after(self, day: NaiveDate) -> NaiveDate {
        self.times_after(day, 1)
    }

    /// Its length in days, months counted as 30.5, to say which of two
    /// cadences is shorter: 90d < 13w < 3m < 14w.
    pub fn nominal_days(self) -> u32 {
        match self.unit {
            CadenceUnit::Day => self.every,
            CadenceUnit::Week => self.every.saturating_mul(7),
            CadenceUnit::Month => self.every.saturating_mul(61) / 2,
        }
    }

    /// Whether `self` is shorter than `other` (the one that wins a merge or
    /// between two groups).
    pub fn is_shorter_than(self, other: Cadence) -> bool {
        let quarter_days = |c: Cadence| match c.unit {
            CadenceUnit::Day => u64::from(c.every) * 4,
            CadenceUnit::Week => u64::from(c.every) * 28,
            CadenceUnit::Month => u64::from(c.every) * 122,
        };
        quarter_days(self) < quarter_days(other)
    }
}

/// "90d", "12w", "3m": the form `parse` reads.
impl fmt::Display for Cadence {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let unit = match self.unit {
            CadenceUnit::Day => 'd',
            CadenceUnit::Week => 'w',
            CadenceUnit::Month => 'm',
        };
        write!(f, "{}{unit}", self.every)
    }
}

/// What a person's own cadence says.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum CadenceSetting {
    /// Their own, whatever their groups say.
    Every { cadence: Cadence },
    /// No check-ins for them, whatever their groups say.
    Off,
    /// None of their own: their groups' (tag or relationship), if any.
    Group,
}

impl CadenceSetting {
    /// Reads what the CLI and forms take: a cadence ("90d", "12w", "3m"),
    /// `off`, or `group`. The problem names `field`.
    pub fn parse(text: &str, field: &str) -> Result<CadenceSetting> {
        match text.trim().to_ascii_lowercase().as_str() {
            "off" | "none" | "never" => Ok(CadenceSetting::Off),
            "group" | "inherit" => Ok(CadenceSetting::Group),
            _ => Cadence::parse(text).map(|cadence| CadenceSetting::Every { cadence }).ok_or_else(|| {
                CoreError::Invalid(vec![FieldProblem::new(
                    field,
                    format!(
                        "“{}” is not a cadence: write a number and d, w or m (90d, 12w, 3m, up to 5 years), or off.",
                        text.trim()
                    ),
                )])
            }),
        }
    }
}

/// A group of people who share a cadence.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, specta::Type)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum CadenceGroup {
    /// Everyone with this tag (case aside).
    Tag { tag: String },
    /// Everyone who is, at any congress, a target for this reason.
    Relationship { why: Why },
}

/// Where a person's cadence comes from.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, specta::Type)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum CadenceSource {
    Person,
    Tag { tag: String },
    Relationship { why: Why },
}

/// A group's cadence, as the settings list shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct GroupCadence {
    pub group: CadenceGroup,
    pub cadence: Cadence,
    /// The day it was set; with no contact ever, a member's clock starts then.
    pub set_on: NaiveDate,
    /// Live people in the group now.
    pub members: u32,
}

/// One person's cadence and where it stands, for their page and the CLI.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct PersonCadence {
    pub person: PersonRef,
    /// What is set on the person themselves.
    pub own: CadenceSetting,
    /// The cadence that applies (their own, else their groups' shortest).
    pub cadence: Option<Cadence>,
    pub source: Option<CadenceSource>,
    /// The check-in it gives, as of the day asked (`None` without a cadence).
    pub check_in: Option<checkins::CheckIn>,
}

/// A stored cadence row.
#[derive(Debug, Clone)]
pub(crate) struct Rule {
    /// `None`: off (a person's only).
    pub cadence: Option<Cadence>,
    pub source: CadenceSource,
    pub set_on: NaiveDate,
}

#[derive(sqlx::FromRow)]
pub(crate) struct RuleRow {
    pub id: i64,
    pub tag: Option<String>,
    pub why: Option<String>,
    pub every: i64,
    pub unit: String,
    pub set_on: String,
}

pub(crate) const RULE_COLUMNS: &str = "id, tag, why, every, unit, set_on";

impl RuleRow {
    pub fn rule(&self) -> Rule {
        let cadence = CadenceUnit::parse(&self.unit)
            .map(|unit| Cadence { every: u32::try_from(self.every).unwrap_or(u32::MAX), unit });
        let source = match (&self.tag, self.why.as_deref().and_then(Why::parse)) {
            (Some(tag), _) => CadenceSource::Tag { tag: tag.clone() },
            (None, Some(why)) => CadenceSource::Relationship { why },
            _ => CadenceSource::Person,
        };
        Rule { cadence, source, set_on: parse_day(&self.set_on).unwrap_or_default() }
    }
}

/// The rule that applies among those a person matches: their own (which
/// may be off), else the shortest group's. `None`: no check-ins.
pub(crate) fn pick<'a>(rules: impl IntoIterator<Item = &'a Rule>) -> Option<&'a Rule> {
    let mut best: Option<&Rule> = None;
    for rule in rules {
        if rule.source == CadenceSource::Person {
            return rule.cadence.is_some().then_some(rule);
        }
        let (Some(c), current) = (rule.cadence, best.and_then(|b| b.cadence)) else { continue };
        if current.is_none_or(|b| c.is_shorter_than(b)) {
            best = Some(rule);
        }
    }
    best
}

/// Whether a person's space-separated `tags` hold `tag` (ASCII case aside,
/// as SQLite's `lower` compares).
pub(crate) fn has_tag(tags: &str, tag: &str) -> bool {
    tags.split_whitespace().any(|t| t.eq_ignore_ascii_case(tag))
}

/// Sets a person's own cadence (or `off`, or back to their groups') from
/// `today`, and returns where they stand.
pub async fn set_person(
    store: &Store,
    person_id: PersonId,
    setting: CadenceSetting,
    today: NaiveDate,
) -> Result<PersonCadence> {
    crate::people::get(store, person_id).await?;
    let now = time::now_seconds();
    match setting {
        CadenceSetting::Group => {
            sqlx::query("DELETE FROM cadences WHERE person_id = ?").bind(person_id).execute(store.pool()).await?;
        }
        CadenceSetting::Off | CadenceSetting::Every { .. } => {
            let (every, unit) = match setting {
                CadenceSetting::Every { cadence } => (i64::from(cadence.every), cadence.unit.as_str()),
                _ => (0, "off"),
            };
            sqlx::query(
                "INSERT INTO cadences (person_id, every, unit, set_on, created_at, updated_at) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?5) ON CONFLICT (person_id) WHERE person_id IS NOT NULL DO UPDATE SET \
                 every = excluded.every, unit = excluded.unit, set_on = excluded.set_on, updated_at = excluded.updated_at",
            )
            .bind(person_id)
            .bind(every)
            .bind(unit)
            .bind(today.to_string())
            .bind(now)
            .execute(store.pool())
            .await?;
        }
    }
    for_person(store, person_id, today).await
}

/// A person's cadence, where it comes from and their check-in as of `today`.
pub async fn for_person(store: &Store, person_id: PersonId, today: NaiveDate) -> Result<PersonCadence> {
    let person = crate::people::get(store, person_id).await?;
    let rules = rules_for(store, person_id, &person.tags).await?;
    let own = rules.iter().find(|r| r.source == CadenceSource::Person).map_or(CadenceSetting::Group, |r| {
        r.cadence.map_or(CadenceSetting::Off, |cadence| CadenceSetting::Every { cadence })
    });
    let picked = pick(&rules);
    Ok(PersonCadence {
        person: PersonRef { id: person.id, display_name: person.display_name },
        own,
        cadence: picked.and_then(|r| r.cadence),
        source: picked.map(|r| r.source.clone()),
        check_in: checkins::for_person(store, person_id, today).await?,
    })
}

/// Every cadence rule that concerns one person: their own and their groups'.
pub(crate) async fn rules_for(store: &Store, person_id: PersonId, tags: &str) -> Result<Vec<Rule>> {
    let rows: Vec<RuleRow> = sqlx::query_as(&format!(
        "SELECT {RULE_COLUMNS} FROM cadences WHERE person_id = ?1 OR tag IS NOT NULL \
         OR why IN (SELECT why FROM targets WHERE person_id = ?1)"
    ))
    .bind(person_id)
    .fetch_all(store.pool())
    .await?;
    Ok(rows.iter().filter(|r| r.tag.as_deref().is_none_or(|t| has_tag(tags, t))).map(RuleRow::rule).collect())
}

/// Sets (or, with `None`, removes) a group's cadence from `today`.
pub async fn set_group(
    store: &Store,
    group: &CadenceGroup,
    cadence: Option<Cadence>,
    today: NaiveDate,
) -> Result<Option<GroupCadence>> {
    let (tag, why) = match group {
        CadenceGroup::Tag { tag } => {
            let tag = tag.trim();
            if tag.is_empty() || tag.contains(char::is_whitespace) {
                return Err(CoreError::Invalid(vec![FieldProblem::new(
                    "tag",
                    format!("“{tag}” is not a tag: a tag is one word, as on the person's page."),
                )]));
            }
            (Some(tag.to_owned()), None)
        }
        CadenceGroup::Relationship { why } => (None, Some(why.as_str())),
    };
    let mut tx = store.begin_write().await?;
    sqlx::query("DELETE FROM cadences WHERE lower(tag) = lower(?1) OR why = ?2")
        .bind(&tag)
        .bind(why)
        .execute(&mut *tx)
        .await?;
    if let Some(c) = cadence {
        let now = time::now_seconds();
        sqlx::query(
            "INSERT INTO cadences (tag, why, every, unit, set_on, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
        )
        .bind(&tag)
        .bind(why)
        .bind(i64::from(c.every))
        .bind(c.unit.as_str())
        .bind(today.to_string())
        .bind(now)
        .bind(now)
        .execute(&mut *tx)
        .await?;
    }
    tx.commit().await?;
    Ok(groups(store).await?.into_iter().find(|g| &g.group == group || same_tag(&g.group, group)))
}

fn same_tag(a: &CadenceGroup, b: &CadenceGroup) -> bool {
    matches!((a, b), (CadenceGroup::Tag { tag: x }, CadenceGroup::Tag { tag: y }) if x.trim().eq_ignore_ascii_case(y.trim()))
}

/// Every group cadence, tags first, with how many live people each covers.
pub async fn groups(store: &Store) -> Result<Vec<GroupCadence>> {
    let rows: Vec<RuleRow> = sqlx::query_as(&format!(
        "SELECT {RULE_COLUMNS} FROM cadences WHERE person_id IS NULL ORDER BY why IS NOT NULL, lower(tag), why"
    ))
    .fetch_all(store.pool())
    .await?;
    let mut out = Vec::with_capacity(rows.len());
    for row in rows {
        let rule = row.rule();
        let Some(cadence) = rule.cadence else { continue };
        let (group, members): (CadenceGroup, i64) = match rule.source {
            CadenceSource::Tag { tag } => {
                let n = sqlx::query_scalar(
                    "SELECT COUNT(*) FROM people WHERE deleted_at IS NULL AND merged_into IS NULL \
                     AND instr(' ' || lower(tags) || ' ', ' ' || lower(?) || ' ') > 0",
                )
                .bind(&tag)
                .fetch_one(store.pool())
                .await?;
                (CadenceGroup::Tag { tag }, n)
            }
            CadenceSource::Relationship { why } => {
                let n = sqlx::query_scalar(
                    "SELECT COUNT(DISTINCT t.person_id) FROM targets t JOIN people p ON p.id = t.person_id \
                     WHERE t.why = ? AND p.deleted_at IS NULL AND p.merged_into IS NULL",
                )
                .bind(why.as_str())
                .fetch_one(store.pool())
                .await?;
                (CadenceGroup::Relationship { why }, n)
            }
            CadenceSource::Person => continue,
        };
        out.push(GroupCadence { group, cadence, set_on: rule.set_on, members: u32::try_from(members).unwrap_or(0) });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn parses_the_cli_forms() {
        assert_eq!(Cadence::parse("90d"), Some(Cadence { every: 90, unit: CadenceUnit::Day }));
        assert_eq!(Cadence::parse(" 12W "), Some(Cadence { every: 12, unit: CadenceUnit::Week }));
        assert_eq!(Cadence::parse("3 months"), Some(Cadence { every: 3, unit: CadenceUnit::Month }));
        assert_eq!(Cadence::parse("1y"), Some(Cadence { every: 12, unit: CadenceUnit::Month }));
        for bad in ["", "0d", "d", "90", "3x", "-3m", "61m", "99999999999d"] {
            assert_eq!(Cadence::parse(bad), None, "{bad}");
        }
        assert_eq!(Cadence::parse("12w").unwrap().to_string(), "12w");
        assert!(matches!(CadenceSetting::parse("off", "every"), Ok(CadenceSetting::Off)));
        let err = CadenceSetting::parse("soon", "every").unwrap_err();
        assert!(err.to_string().starts_with("Every: “soon” is not a cadence"), "{err}");
    }

    #[test]
    fn months_clamp_to_the_month_end_and_know_leap_years() {
        let m1 = Cadence { every: 1, unit: CadenceUnit::Month };
        assert_eq!(m1.after(day(2026, 1, 31)), day(2026, 2, 28));
        assert_eq!(m1.after(day(2028, 1, 31)), day(2028, 2, 29));
        assert_eq!(m1.times_after(day(2026, 1, 31), 2), day(2026, 3, 31));
        let y1 = Cadence { every: 12, unit: CadenceUnit::Month };
        assert_eq!(y1.after(day(2028, 2, 29)), day(2029, 2, 28));
        let d90 = Cadence { every: 90, unit: CadenceUnit::Day };
        assert_eq!(d90.after(day(2027, 12, 31)), day(2028, 3, 30));
    }

    #[test]
    fn the_shorter_wins_across_units() {
        let c = |t| Cadence::parse(t).unwrap();
        assert!(c("90d").is_shorter_than(c("3m")));
        assert!(c("13w").is_shorter_than(c("3m")));
        assert!(c("3m").is_shorter_than(c("14w")));
        assert!(c("4w").is_shorter_than(c("1m")));
        assert!(!c("3m").is_shorter_than(c("3m")));
    }
}
