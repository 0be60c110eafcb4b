//! Byte offsets to 1-based line numbers. quick-xml and serde_json's raw
//! values report where things are as byte offsets; messages and
//! `ProgramItem::line` want lines. The newline positions are indexed once,
//! so each lookup is a binary search whatever order the readers ask in.

pub(crate) struct Lines {
    newlines: Vec<usize>,
    len: usize,
}

impl Lines {
    pub(crate) fn new(text: &str) -> Self {
        let newlines = text.bytes().enumerate().filter(|&(_, b)| b == b'\n').map(|(i, _)| i).collect();
        Self { newlines, len: text.len() }
    }

    /// The line holding byte `offset` (offsets past the end give the last line).
    pub(crate) fn at(&self, offset: usize) -> usize {
        self.newlines.partition_point(|&newline| newline < offset) + 1
    }

    /// The line of the last character (a final newline starts no new line).
    pub(crate) fn last(&self) -> usize {
        self.at(self.len.saturating_sub(1))
    }
}

#[cfg(test)]
mod tests {
    use super::Lines;

    #[test]
    fn offsets_to_lines() {
        let lines = Lines::new("ab\ncd\n\nef");
        assert_eq!([0, 2, 3, 5, 6, 7, 8, 99].map(|o| lines.at(o)), [1, 1, 2, 2, 3, 4, 4, 4]);
        assert_eq!(lines.last(), 4);
        assert_eq!(Lines::new("ab\ncd\n").last(), 2);
        assert_eq!(Lines::new("").at(0), 1);
    }
}
