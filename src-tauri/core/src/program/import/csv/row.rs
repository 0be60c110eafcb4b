//! One spreadsheet record to one program item. Reading is in two passes:
//! every date and time cell of the file is read first, so that the
//! day/month order can be decided from all of them ([`super::order`]); then
//! each record is built, in file order, and the first unreadable one stops
//! the import with its line and column.

use ::csv::StringRecord;
use chrono::{Days, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime, TimeDelta, Utc};

use super::columns::Field;
use super::headers::fold;
use super::order::{self, Congress, Order};
use super::people;
use super::when::{self, Day, When};
use super::Layout;
use crate::program::import::item::{ItemPerson, PersonRole, ProgramItem, ReadContext, ReadError, SourceTime};

/// A date or time cell, read.
#[derive(Debug, Clone, Copy)]
enum Cell {
    Empty,
    Unreadable,
    Read(When),
}

/// The date and time cells of one record.
struct Moments {
    start: Cell,
    date: Cell,
    end: Cell,
    end_date: Cell,
    /// The end of a range written in the start (or date) cell.
    range_end: Option<When>,
}

impl Moments {
    fn read(record: &StringRecord, layout: &Layout) -> Self {
        let mut range_end = None;
        let mut read = |field: Field, ranges: bool| match text(record, layout, field) {
            None => Cell::Empty,
            Some(raw) => match when::parse(raw) {
                Some(when) => Cell::Read(when),
                None => match when::parse_range(raw).filter(|_| ranges) {
                    Some((start, end)) => {
                        range_end = range_end.or(Some(end));
                        Cell::Read(start)
                    }
                    None => Cell::Unreadable,
                },
            },
        };
        let start = read(Field::Start, true);
        let date = read(Field::Date, true);
        let end = read(Field::End, false);
        let end_date = read(Field::EndDate, false);
        Moments { start, date, end, end_date, range_end }
    }

    fn read_cells(&self) -> impl Iterator<Item = When> + '_ {
        let cells = [self.start, self.date, self.end, self.end_date];
        cells.into_iter().filter_map(|c| if let Cell::Read(when) = c { Some(when) } else { None }).chain(self.range_end)
    }
}

/// The trimmed, non-empty text of `field` in `record`.
fn text<'r>(record: &'r StringRecord, layout: &Layout, field: Field) -> Option<&'r str> {
    layout.column(field).and_then(|i| record.get(i)).map(str::trim).filter(|s| !s.is_empty())
}

/// Every item of the records below the header.
pub(super) fn items(
    records: &[(usize, StringRecord)],
    layout: &Layout,
    ctx: &ReadContext,
) -> Result<Vec<ProgramItem>, ReadError> {
    let congress = Congress { first: ctx.first_day, last: ctx.last_day };
    let moments: Vec<Moments> = records.iter().map(|(_, record)| Moments::read(record, layout)).collect();
    let mut numeric = Vec::new();
    let mut twelve_hour = false;
    for when in moments.iter().flat_map(Moments::read_cells) {
        if let Some(Day::Numeric { first, second, year }) = when.day {
            numeric.push((first, second, year));
        }
        twelve_hour |= when.twelve_hour;
    }
    let order = order::decide(&numeric, twelve_hour, congress);
    let mut items = Vec::with_capacity(records.len());
    for ((line, record), moments) in records.iter().zip(&moments) {
        let row = Row { line: *line, record, layout, order, congress };
        if let Some(item) = row.item(moments)? {
            items.push(item);
        }
    }
    if layout.session.is_some() {
        group_sessions(&mut items);
    }
    Ok(items)
}

/// Links each row to its session, as its Session cell names it (number or
/// title, compared folded): to the row that is that session (its title is
/// the name), or else to a session made here from its first row, spanning
/// its rows, in their room. A session row or a made one without a source id
/// gets `session:<name>`, so re-imports find it again. Rows naming
/// themselves are sessions of their own.
fn group_sessions(items: &mut Vec<ProgramItem>) {
    let mut order: Vec<String> = Vec::new();
    for item in items.iter() {
        if let Some(name) = item.parent.as_deref().map(fold).filter(|n| !n.is_empty() && !order.contains(n)) {
            order.push(name);
        }
    }
    for name in order {
        let own = |i: &ProgramItem| fold(&i.title) == name && i.parent.as_deref().is_none_or(|p| fold(p) == name);
        let target = match items.iter().position(own) {
            Some(at) => {
                let session = &mut items[at];
                session.parent = None;
                session.source_id.get_or_insert_with(|| format!("session:{name}")).clone()
            }
            None => {
                let made = made_session(items, &name);
                let id = made.source_id.clone().unwrap_or_default();
                items.push(made);
                id
            }
        };
        for item in items.iter_mut().filter(|i| i.parent.as_deref().is_some_and(|p| fold(p) == name)) {
            item.parent = Some(target.clone());
        }
    }
}

/// A session for the rows naming `name` that the file has no row for.
fn made_session(items: &[ProgramItem], name: &str) -> ProgramItem {
    let rows: Vec<&ProgramItem> =
        items.iter().filter(|i| i.parent.as_deref().is_some_and(|p| fold(p) == name)).collect();
    let first = rows[0];
    let title = first.parent.clone().unwrap_or_default();
    let mut session = ProgramItem::new(title, first.starts.clone(), first.line);
    session.source_id = Some(format!("session:{name}"));
    session.room = first.room.clone();
    session.track = first.track.clone();
    for row in &rows[1..] {
        if earlier(&row.starts, &session.starts) {
            session.starts = row.starts.clone();
        }
    }
    for row in &rows {
        if let Some(end) = &row.ends {
            if session.ends.as_ref().is_none_or(|e| earlier(e, end)) {
                session.ends = Some(end.clone());
            }
        }
    }
    session
}

/// Whether `a` is before `b`, for times written the same way (a file's rows
/// are); different kinds are not compared.
fn earlier(a: &SourceTime, b: &SourceTime) -> bool {
    match (a, b) {
        (SourceTime::Instant(a), SourceTime::Instant(b)) => a < b,
        (SourceTime::Floating(a), SourceTime::Floating(b)) => a < b,
        (SourceTime::Zoned(a, x), SourceTime::Zoned(b, y)) => x == y && a < b,
        (SourceTime::AllDay(a), SourceTime::AllDay(b)) => a < b,
        _ => false,
    }
}

/// A start, with what the end needs to know of it.
struct Start {
    time: SourceTime,
    day: NaiveDate,
    /// Wall-clock start, when there is a time.
    wall: Option<NaiveDateTime>,
    offset: Option<FixedOffset>,
}

struct Row<'a> {
    line: usize,
    record: &'a StringRecord,
    layout: &'a Layout,
    order: Order,
    congress: Congress,
}

impl Row<'_> {
    fn text(&self, field: Field) -> Option<&str> {
        text(self.record, self.layout, field)
    }

    fn error(&self, field: Field, message: impl Into<String>) -> ReadError {
        ReadError::at_line(self.line, message).with_location(self.layout.location(field))
    }

    fn not_a(&self, field: Field, what: &str) -> ReadError {
        self.error(field, format!("'{}' is not a {what}", self.text(field).unwrap_or_default()))
    }

    fn day(&self, day: Day, field: Field, what: &str) -> Result<NaiveDate, ReadError> {
        day.resolve(self.order, self.congress).ok_or_else(|| self.not_a(field, what))
    }

    /// The item, or `None` for a record with neither title nor start (a
    /// spacer row, a note in some other column).
    fn item(&self, moments: &Moments) -> Result<Option<ProgramItem>, ReadError> {
        let title = self.text(Field::Title);
        if title.is_none() && matches!((moments.start, moments.date), (Cell::Empty, Cell::Empty)) {
            return Ok(None);
        }
        let title = title.ok_or_else(|| self.error(Field::Title, "the title is empty"))?;
        let start = self.start(moments)?;
        let mut item = ProgramItem::new(unix_newlines(title), start.time.clone(), self.line);
        item.ends = self.end(moments, &start)?;
        if let Some(raw) = self.text(Field::Duration) {
            item.duration_minutes = Some(when::minutes(raw).ok_or_else(|| self.not_a(Field::Duration, "duration"))?);
        }
        let owned = |field| self.text(field).map(unix_newlines);
        item.kind_hint = owned(Field::Kind);
        item.room = owned(Field::Room);
        item.track = owned(Field::Track);
        item.board = owned(Field::Board);
        // The session's number or title as written; [`group_sessions`] turns it into a link.
        item.parent = self
            .layout
            .session
            .and_then(|i| self.record.get(i))
            .map(str::trim)
            .filter(|c| !c.is_empty())
            .map(str::to_owned);
        item.description = owned(Field::Description);
        // An "Abstract" column holds the abstract number in most programs
        // and the abstract itself in some: prose goes to the description.
        match owned(Field::AbstractNumber) {
            Some(code) if is_code(&code) => item.abstract_number = Some(code),
            Some(prose) => {
                item.description = Some(match item.description.take() {
                    Some(description) => format!("{description}\n\n{prose}"),
                    None => prose,
                })
            }
            None => {}
        }
        item.url = owned(Field::Url);
        // The id column is the key; without one, the abstract number.
        item.source_id = owned(Field::Id).or_else(|| item.abstract_number.clone());
        item.cancelled = self.text(Field::Status).is_some_and(is_cancelled);
        for &(field, index) in &self.layout.people {
            let role = match field {
                Field::Chairs => PersonRole::Chair,
                Field::Authors => PersonRole::Author,
                _ => PersonRole::Speaker,
            };
            for name in people::names(self.record.get(index).unwrap_or_default()) {
                let person = ItemPerson { name, role };
                if !item.people.contains(&person) {
                    item.people.push(person);
                }
            }
        }
        Ok(Some(item))
    }

    fn start(&self, moments: &Moments) -> Result<Start, ReadError> {
        // The start column, or the date column when there is no start.
        let (field, cell) = match moments.start {
            Cell::Empty => (Field::Date, moments.date),
            cell => (Field::Start, cell),
        };
        let when = match cell {
            Cell::Read(when) => when,
            Cell::Unreadable => return Err(self.not_a(field, "date and time")),
            Cell::Empty => {
                let field = if self.layout.has(Field::Start) { Field::Start } else { Field::Date };
                return Err(self.error(field, "the start is empty"));
            }
        };
        let day = match (when.day, field, moments.date) {
            (Some(day), _, _) => self.day(day, field, "date and time")?,
            (None, Field::Start, Cell::Read(When { day: Some(day), .. })) => self.day(day, Field::Date, "date")?,
            (None, Field::Start, Cell::Read(_) | Cell::Unreadable) => return Err(self.not_a(Field::Date, "date")),
            (None, _, _) if self.layout.has(Field::Date) => {
                let raw = self.text(field).unwrap_or_default();
                return Err(self.error(field, format!("'{raw}' is a time, and this row has no date")));
            }
            (None, _, _) => {
                let raw = self.text(field).unwrap_or_default();
                return Err(self.error(field, format!("'{raw}' is a time without a date, and there is no date column")));
            }
        };
        let Some(seconds) = when.seconds else {
            return Ok(Start { time: SourceTime::AllDay(day), day, wall: None, offset: None });
        };
        let wall = wall_clock(day, seconds).ok_or_else(|| self.not_a(field, "date and time"))?;
        Ok(Start { time: source_time(wall, when.offset), day, wall: Some(wall), offset: when.offset })
    }

    fn end(&self, moments: &Moments, start: &Start) -> Result<Option<SourceTime>, ReadError> {
        let when = match (moments.end, moments.range_end) {
            (Cell::Read(when), _) => when,
            (Cell::Unreadable, _) => return Err(self.not_a(Field::End, "date and time")),
            (Cell::Empty, Some(when)) => when,
            (Cell::Empty, None) => {
                // A multi-day all-day item: "Start date" and "End date" only.
                return Ok(match (moments.end_date, start.wall) {
                    (Cell::Read(When { day: Some(day), seconds: None, .. }), None) => {
                        Some(SourceTime::AllDay(self.day(day, Field::EndDate, "date")?))
                    }
                    _ => None,
                });
            }
        };
        let explicit_day = match (when.day, moments.end_date) {
            (Some(day), _) => Some(self.day(day, Field::End, "date and time")?),
            (None, Cell::Read(When { day: Some(day), .. })) => Some(self.day(day, Field::EndDate, "date")?),
            (None, Cell::Read(_) | Cell::Unreadable) => return Err(self.not_a(Field::EndDate, "date")),
            (None, Cell::Empty) => None,
        };
        let day = explicit_day.unwrap_or(start.day);
        let Some(seconds) = when.seconds else {
            return Ok(Some(SourceTime::AllDay(day)));
        };
        let mut wall = wall_clock(day, seconds).ok_or_else(|| self.not_a(Field::End, "date and time"))?;
        // "22:00" to "01:00" on the same row ends after midnight.
        if explicit_day.is_none() && start.wall.is_some_and(|start| wall < start) {
            wall = wall.checked_add_days(Days::new(1)).unwrap_or(wall);
        }
        Ok(Some(source_time(wall, when.offset.or(start.offset))))
    }
}

/// An abstract or poster number: a short code with a digit ("1234",
/// "P-101", "LBA 3", "PB2045a"), never a sentence.
fn is_code(text: &str) -> bool {
    text.chars().count() <= 20
        && text.split_whitespace().count() <= 2
        && text.chars().any(|c| c.is_ascii_digit())
        && text.chars().all(|c| c.is_alphanumeric() || matches!(c, '-' | '.' | '/' | '#' | '_' | ' '))
}

/// Windows line breaks inside quoted cells ("\r\n") as plain "\n".
fn unix_newlines(text: &str) -> String {
    if text.contains('\r') {
        text.replace("\r\n", "\n").replace('\r', "\n")
    } else {
        text.to_owned()
    }
}

fn wall_clock(day: NaiveDate, seconds: u32) -> Option<NaiveDateTime> {
    day.and_time(NaiveTime::MIN).checked_add_signed(TimeDelta::seconds(i64::from(seconds)))
}

fn source_time(wall: NaiveDateTime, offset: Option<FixedOffset>) -> SourceTime {
    match offset {
        Some(offset) => match wall.and_local_timezone(offset).single() {
            Some(exact) => SourceTime::Instant(exact.with_timezone(&Utc)),
            None => SourceTime::Floating(wall),
        },
        None => SourceTime::Floating(wall),
    }
}

/// "Cancelled", "Canceled", "Annulé", "Cancelado", "Abgesagt", …
fn is_cancelled(status: &str) -> bool {
    let status = deunicode::deunicode(status).to_ascii_lowercase();
    ["cancel", "annul", "anulad", "abgesagt", "storniert", "entfall"].iter().any(|word| status.contains(word))
}
