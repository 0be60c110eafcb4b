//! Program reader. (Being written.)

use super::item::{ProgramItem, ReadContext, ReadError};

pub fn read(_text: &str, _ctx: &ReadContext) -> Result<Vec<ProgramItem>, ReadError> {
    Err(ReadError::new("this format is not available yet"))
}
