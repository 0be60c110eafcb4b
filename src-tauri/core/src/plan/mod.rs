//! Planning logic over the agenda: clashes now; free slots, goal progress and
//! follow-up due dates as those features arrive.

pub mod clashes;
