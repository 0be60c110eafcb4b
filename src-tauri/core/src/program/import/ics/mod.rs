//! iCalendar (RFC 5545) program reader. (Being written.)

use super::item::{ProgramItem, ReadContext, ReadError};

pub fn read(_bytes: &[u8], _ctx: &ReadContext) -> Result<Vec<ProgramItem>, ReadError> {
    Err(ReadError::new("iCalendar import is not available yet"))
}
