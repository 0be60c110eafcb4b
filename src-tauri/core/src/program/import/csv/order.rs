//! Day/month or month/day? "05/12/2026" is 5 December in Europe and May 12
//! in the United States, and a spreadsheet never says which. The choice is
//! made once for the whole file, from all its two-number dates together, and
//! then every partial day ("Saturday", "Day 2", "Dec 5") is placed among the
//! congress days.
//!
//! The rule, in order (the first that tells the readings apart decides):
//! 1. the reading that puts more dates within the congress days
//!    (`first_day..=last_day`): a program is about its congress;
//! 2. the reading under which more dates exist at all: "25/12" is day first;
//! 3. the reading whose dates lie closer, in total, to the congress days;
//! 4. month first if the file writes times with AM/PM, else day first.
//!
//! Dotted dates ("05.12.2026") are always day first and never reach here.

use chrono::{Datelike, Days, NaiveDate};

use super::when::Day;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Order {
    DayFirst,
    MonthFirst,
}

/// The congress days, for placing partial dates.
#[derive(Debug, Clone, Copy)]
pub struct Congress {
    pub first: NaiveDate,
    pub last: NaiveDate,
}

impl Congress {
    fn distance(&self, date: NaiveDate) -> i64 {
        if date < self.first {
            (self.first - date).num_days()
        } else if date > self.last {
            (date - self.last).num_days()
        } else {
            0
        }
    }
}

/// Decides the order from `(first, second, year)` of every two-number date.
pub fn decide(dates: &[(u32, u32, i32)], twelve_hour: bool, congress: Congress) -> Order {
    #[derive(Default)]
    struct Score {
        within: usize,
        valid: usize,
        distance: i64,
    }
    let mut day_first = Score::default();
    let mut month_first = Score::default();
    for &(first, second, year) in dates {
        for (score, date) in [
            (&mut day_first, NaiveDate::from_ymd_opt(year, second, first)),
            (&mut month_first, NaiveDate::from_ymd_opt(year, first, second)),
        ] {
            if let Some(date) = date {
                let distance = congress.distance(date);
                score.valid += 1;
                score.within += usize::from(distance == 0);
                score.distance = score.distance.saturating_add(distance);
            }
        }
    }
    let by =
        |a: &Score, b: &Score| a.within.cmp(&b.within).then(a.valid.cmp(&b.valid)).then(b.distance.cmp(&a.distance));
    match by(&day_first, &month_first) {
        std::cmp::Ordering::Greater => Order::DayFirst,
        std::cmp::Ordering::Less => Order::MonthFirst,
        std::cmp::Ordering::Equal if twelve_hour => Order::MonthFirst,
        std::cmp::Ordering::Equal => Order::DayFirst,
    }
}

impl Day {
    /// The calendar day, or `None` when there is none ("31/31/2026",
    /// "Sunday" when no congress day is a Sunday).
    pub fn resolve(self, order: Order, congress: Congress) -> Option<NaiveDate> {
        match self {
            Day::Exact(date) => Some(date),
            Day::Numeric { first, second, year } => match order {
                Order::DayFirst => NaiveDate::from_ymd_opt(year, second, first),
                Order::MonthFirst => NaiveDate::from_ymd_opt(year, first, second),
            },
            Day::Yearless { month, day } => {
                let year = congress.first.year();
                [year, year - 1, year + 1]
                    .into_iter()
                    .filter_map(|y| NaiveDate::from_ymd_opt(y, month, day))
                    .min_by_key(|&date| congress.distance(date))
            }
            Day::Weekday(weekday) => {
                congress.first.iter_days().take(62).take_while(|&d| d <= congress.last).find(|d| d.weekday() == weekday)
            }
            Day::Nth(n) => {
                congress.first.checked_add_days(Days::new(u64::from(n.checked_sub(1)?))).filter(|&d| d <= congress.last)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Weekday;

    fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    const ASH: Congress = Congress {
        first: NaiveDate::from_ymd_opt(2026, 12, 5).unwrap(),
        last: NaiveDate::from_ymd_opt(2026, 12, 8).unwrap(),
    };
    const EHA: Congress = Congress {
        first: NaiveDate::from_ymd_opt(2026, 6, 11).unwrap(),
        last: NaiveDate::from_ymd_opt(2026, 6, 14).unwrap(),
    };

    #[test]
    fn the_congress_days_decide_first() {
        // 12/05 is December 5 for ASH…
        assert_eq!(decide(&[(12, 5, 2026), (12, 6, 2026)], false, ASH), Order::MonthFirst);
        // …while 05/12 is too, read day first.
        assert_eq!(decide(&[(5, 12, 2026), (6, 12, 2026)], true, ASH), Order::DayFirst);
        // EHA in June: 11/06 is June 11, even with a typo row that only
        // month first can read.
        assert_eq!(decide(&[(11, 6, 2026), (12, 6, 2026), (6, 13, 2026)], false, EHA), Order::DayFirst);
    }

    #[test]
    fn then_validity_then_distance_then_am_pm() {
        // Another congress's file: neither reading is within the days.
        assert_eq!(decide(&[(3, 4, 2025), (25, 4, 2025)], true, ASH), Order::DayFirst);
        assert_eq!(decide(&[(4, 3, 2025), (4, 25, 2025)], false, ASH), Order::MonthFirst);
        // 1 Nov vs 11 Jan: November is closer to December.
        assert_eq!(decide(&[(1, 11, 2026)], true, ASH), Order::DayFirst);
        // 5/5 reads the same either way.
        assert_eq!(decide(&[(5, 5, 2026)], true, ASH), Order::MonthFirst);
        assert_eq!(decide(&[(5, 5, 2026)], false, ASH), Order::DayFirst);
        assert_eq!(decide(&[], false, ASH), Order::DayFirst);
    }

    #[test]
    fn partial_days_land_on_congress_days() {
        assert_eq!(Day::Weekday(Weekday::Mon).resolve(Order::DayFirst, ASH), Some(ymd(2026, 12, 7)));
        assert_eq!(Day::Weekday(Weekday::Wed).resolve(Order::DayFirst, ASH), None);
        assert_eq!(Day::Nth(2).resolve(Order::DayFirst, ASH), Some(ymd(2026, 12, 6)));
        assert_eq!(Day::Nth(0).resolve(Order::DayFirst, ASH), None);
        assert_eq!(Day::Nth(9).resolve(Order::DayFirst, ASH), None);
        assert_eq!(Day::Yearless { month: 12, day: 6 }.resolve(Order::DayFirst, ASH), Some(ymd(2026, 12, 6)));
        assert_eq!(Day::Yearless { month: 1, day: 2 }.resolve(Order::DayFirst, ASH), Some(ymd(2027, 1, 2)));
        let numeric = Day::Numeric { first: 5, second: 12, year: 2026 };
        assert_eq!(numeric.resolve(Order::DayFirst, ASH), Some(ymd(2026, 12, 5)));
        assert_eq!(numeric.resolve(Order::MonthFirst, ASH), Some(ymd(2026, 5, 12)));
        assert_eq!(Day::Numeric { first: 31, second: 31, year: 2026 }.resolve(Order::MonthFirst, ASH), None);
    }
}
