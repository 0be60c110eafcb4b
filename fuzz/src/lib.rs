//! What the fuzz targets share: the congress a program is read for (its
//! days bound recurring events, its zone reads floating times), and the
//! check every target makes, that an error says something. A panic, a
//! hang (libFuzzer's -timeout) or a blow-up (-rss_limit_mb) is the finding.

use chrono::NaiveDate;
use hallway_core::people::import::{ContactFormat, ReadContacts};
use hallway_core::program::import::{ProgramFormat, ProgramItem, ReadContext, ReadError};

/// ASH 2026: five days in New York.
pub fn ctx() -> ReadContext {
    ReadContext {
        zone: chrono_tz::Tz::America__New_York,
        first_day: NaiveDate::from_ymd_opt(2026, 12, 5).expect("a date"),
        last_day: NaiveDate::from_ymd_opt(2026, 12, 9).expect("a date"),
    }
}

fn check<T>(result: Result<T, ReadError>) {
    if let Err(err) = result {
        assert!(!err.message.trim().is_empty(), "an error without a message");
    }
}

/// One program reader, whatever the bytes look like.
pub fn program(format: ProgramFormat, data: &[u8]) {
    check::<Vec<ProgramItem>>(hallway_core::program::import::read_as(format, data, &ctx()));
}

/// One contacts reader, whatever the bytes look like.
pub fn contacts(format: ContactFormat, data: &[u8]) {
    check::<ReadContacts>(hallway_core::people::import::read_as(format, data));
}
