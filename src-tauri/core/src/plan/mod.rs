//! Planning logic over the agenda: clashes, free slots for meetings, and the
//! Today view's data; goal progress and follow-up due dates as those arrive.

pub mod clashes;
pub mod slots;
pub mod today;
