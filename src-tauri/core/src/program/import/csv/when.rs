//! Reading one spreadsheet cell as a day, a time of day, or both, in the many
//! ways people and Excel write them: "2026-12-05T08:30Z", "12/05/2026 8:30 AM",
//! "05.12.2026 08:30", "Sat 5 Dec 2026", "8h30", "14.30", Excel serial numbers.
//! Two-number dates ("05/12/2026") are kept undecided here: whether the day
//! or the month comes first is settled once per file, by [`super::order`].

use chrono::{FixedOffset, NaiveDate, Weekday};

/// A day as written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Day {
    Exact(NaiveDate),
    /// "05/12/2026": day/month or month/day, decided per file.
    Numeric {
        first: u32,
        second: u32,
        year: i32,
    },
    /// "Dec 5", no year: the congress's year.
    Yearless {
        month: u32,
        day: u32,
    },
    /// "Saturday": that weekday among the congress days.
    Weekday(Weekday),
    /// "Day 2": the congress's second day.
    Nth(u32),
}

/// What a cell said about a moment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct When {
    pub day: Option<Day>,
    /// Seconds since midnight, up to 86 400 ("24:00").
    pub seconds: Option<u32>,
    /// An explicit UTC offset ("Z", "+01:00", "UTC").
    pub offset: Option<FixedOffset>,
    /// Written with AM/PM: a hint that dates are month first.
    pub twelve_hour: bool,
}

/// Reads a cell, `None` when it is not a day or time (or is an invalid one).
pub fn parse(cell: &str) -> Option<When> {
    let cell = cell.trim();
    if cell.is_empty() || cell.len() > 100 {
        return None;
    }
    if let Some(when) = excel_serial(cell) {
        return Some(when);
    }
    let (cell, offset) = iso_offset(cell);
    let mut when = When { offset, ..When::default() };
    let mut numbers: Vec<(u32, usize)> = Vec::new(); // (value, digits)
    let mut month = None;
    let mut weekday = None;
    let mut day_word = false;
    let mut pm: Option<bool> = None;
    for chunk in cell.split(|c: char| c.is_whitespace() || matches!(c, ',' | '(' | ')')).filter(|c| !c.is_empty()) {
        let lower = chunk.to_ascii_lowercase();
        let bare = lower.trim_end_matches('.');
        if bare == "am" || bare == "a.m" || bare == "pm" || bare == "p.m" {
            pm = Some(bare.starts_with('p'));
        } else if bare == "utc" || bare == "gmt" || bare == "z" {
            when.offset = FixedOffset::east_opt(0);
        } else if chunk.starts_with(|c: char| c.is_ascii_digit()) {
            if let Some((date, time)) = date_chunk(&lower) {
                when.day = Some(date?);
                if let Some(time) = time {
                    when.seconds = Some(time_chunk(time)?.0);
                }
            } else if let Some((seconds, meridiem)) = time_chunk(&lower) {
                when.seconds = Some(seconds);
                pm = pm.or(meridiem);
            } else {
                numbers.push(number_chunk(&lower)?);
            }
        } else if chunk.chars().all(|c| c.is_alphabetic() || c == '.' || c == '\'') {
            let word = deunicode::deunicode(chunk).to_ascii_lowercase().replace(['.', '\''], "");
            if let Some(m) = month_of(&word) {
                month = Some(m);
            } else if let Some(w) = weekday_of(&word) {
                weekday = Some(w);
            } else if matches!(word.as_str(), "day" | "jour" | "dia" | "tag" | "giorno") {
                day_word = true;
            }
            // Other words ("at", "à", "Uhr", "de") say nothing and are skipped.
        } else {
            return None;
        }
    }

    if let Some(pm) = pm {
        if when.seconds.is_none() {
            let at = numbers.iter().position(|&(value, digits)| digits <= 2 && (1..=12).contains(&value))?;
            when.seconds = Some(numbers.remove(at).0 * 3600);
        }
        let seconds = when.seconds?;
        let hour = seconds / 3600;
        if !(1..=12).contains(&hour) {
            return None;
        }
        when.seconds = Some(match (pm, hour) {
            (false, 12) => seconds - 12 * 3600,
            (true, h) if h < 12 => seconds + 12 * 3600,
            _ => seconds,
        });
        when.twelve_hour = true;
    }
    if when.day.is_none() {
        if let Some(month) = month {
            let at = numbers.iter().position(|&(value, digits)| digits <= 2 && (1..=31).contains(&value))?;
            let day = numbers.remove(at).0;
            when.day = Some(match numbers.iter().position(|&(_, digits)| digits == 4) {
                Some(at) => Day::Exact(NaiveDate::from_ymd_opt(numbers.remove(at).0 as i32, month, day)?),
                None => Day::Yearless { month, day },
            });
        } else if day_word && numbers.len() == 1 && numbers[0].0 >= 1 {
            when.day = Some(Day::Nth(numbers.remove(0).0));
        } else if let Some(weekday) = weekday {
            when.day = Some(Day::Weekday(weekday));
        }
    }
    if !numbers.is_empty() || (when.day.is_none() && when.seconds.is_none()) {
        return None;
    }
    Some(when)
}

/// A start cell, which may also hold the end: "08:30–09:45",
/// "2026-12-05 08:30 - 10:00", "8:30 AM to 9:45 AM".
pub fn parse_range(cell: &str) -> Option<(When, When)> {
    for separator in ["–", "—", " - ", " to ", " bis ", " à ", " a ", "-"] {
        if let Some((start, end)) = cell.rsplit_once(separator) {
            if let (Some(start), Some(end)) = (parse(start), parse(end)) {
                if start.seconds.is_some() && end.seconds.is_some() {
                    return Some((start, end));
                }
            }
        }
    }
    None
}

/// Minutes in a duration cell: "45", "0:45", "1h30", "90 min", "1,5 h",
/// "2 hours 15 minutes", "PT1H30M". At most two weeks.
pub fn minutes(cell: &str) -> Option<u32> {
    let lower = cell.trim().to_ascii_lowercase();
    let cell = lower.strip_prefix("pt").unwrap_or(&lower);
    if let Some((hours, rest)) = cell.split_once(':') {
        let minutes = rest.split(':').next()?;
        if !all_digits(hours, 1..=3) || !all_digits(minutes, 2..=2) {
            return None;
        }
        return within_two_weeks(hours.parse::<f64>().ok()? * 60.0 + minutes.parse::<f64>().ok()?);
    }
    let mut total = 0.0;
    let mut rest = cell.trim_start();
    let mut after_hours = false;
    if rest.is_empty() {
        return None;
    }
    while !rest.is_empty() {
        let end = rest.find(|c: char| !(c.is_ascii_digit() || c == '.' || c == ',')).unwrap_or(rest.len());
        let value: f64 = rest[..end].replace(',', ".").parse().ok()?;
        rest = rest[end..].trim_start();
        let unit_end = rest.find(|c: char| !c.is_alphabetic() && c != '\'').unwrap_or(rest.len());
        let unit = &rest[..unit_end];
        rest = rest[unit_end..].trim_start_matches(|c: char| c.is_whitespace() || c == '.');
        let factor = match unit {
            "h" | "hr" | "hrs" | "hour" | "hours" | "heure" | "heures" | "hora" | "horas" | "std" | "stunde"
            | "stunden" | "ora" | "ore" => 60.0,
            "" if !after_hours => 1.0,
            "" | "m" | "min" | "mins" | "minute" | "minutes" | "minuten" | "minuti" | "minuto" | "minutos" | "'" => 1.0,
            "s" | "sec" | "secs" | "seconds" => 1.0 / 60.0,
            _ => return None,
        };
        after_hours = factor == 60.0;
        total += value * factor;
    }
    within_two_weeks(total)
}

fn within_two_weeks(minutes: f64) -> Option<u32> {
    (minutes.is_finite() && (0.0..=20_160.0).contains(&minutes)).then(|| minutes.round() as u32)
}

fn all_digits(s: &str, lengths: std::ops::RangeInclusive<usize>) -> bool {
    lengths.contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit())
}

/// "2026-12-05T08:30:00Z", "…+01:00", "…-0500": the offset of an ISO
/// date-time, and the text without it. Only ISO dates carry offsets, so that
/// "08:30-09:45" stays a range.
fn iso_offset(cell: &str) -> (&str, Option<FixedOffset>) {
    let bytes = cell.as_bytes();
    if bytes.len() < 12 || !cell.get(..4).is_some_and(|year| all_digits(year, 4..=4)) || bytes[4] != b'-' {
        return (cell, None);
    }
    if let Some(rest) = cell.strip_suffix(['Z', 'z']) {
        if rest.ends_with(|c: char| c.is_ascii_digit()) {
            return (rest, FixedOffset::east_opt(0));
        }
    }
    // "2026-12-05 08:30-09:45" is a range; an offset needs the ISO "T" or seconds.
    let Some(sign_at) = cell.rfind(['+', '-']).filter(|&at| at > 10) else { return (cell, None) };
    let time = cell.get(10..sign_at).unwrap_or("");
    if !(time.starts_with(['T', 't']) || time.matches(':').count() == 2) {
        return (cell, None);
    }
    let digits = cell[sign_at + 1..].replace(':', "");
    if !cell[..sign_at].ends_with(|c: char| c.is_ascii_digit())
        || !(all_digits(&digits, 2..=2) || all_digits(&digits, 4..=4))
    {
        return (cell, None);
    }
    let hours: i32 = digits[..2].parse().unwrap_or(99);
    let minutes: i32 = digits.get(2..).filter(|m| !m.is_empty()).map_or(Some(0), |m| m.parse().ok()).unwrap_or(99);
    let seconds = (hours * 3600 + minutes * 60) * if bytes[sign_at] == b'-' { -1 } else { 1 };
    match FixedOffset::east_opt(seconds).filter(|_| hours < 24 && minutes < 60) {
        Some(offset) => (&cell[..sign_at], Some(offset)),
        None => (cell, None),
    }
}

/// "2026-12-05", "05/12/2026", "5.12.26", optionally followed by "T08:30".
/// `Some(None)` for a numeric date that is no date ("2026-13-40").
fn date_chunk(chunk: &str) -> Option<(Option<Day>, Option<&str>)> {
    let (date, time) = match chunk.find('t') {
        Some(at) => (&chunk[..at], Some(&chunk[at + 1..])),
        None => (chunk, None),
    };
    let separator = date.chars().find(|c| !c.is_ascii_digit())?;
    if !matches!(separator, '/' | '-' | '.') {
        return None;
    }
    let date = if separator == '.' { date.strip_suffix('.').unwrap_or(date) } else { date };
    let parts: Vec<&str> = date.split(separator).collect();
    if parts.len() != 3 || parts.iter().any(|p| !all_digits(p, 1..=4)) {
        return None;
    }
    let [a, b, c] = [parts[0], parts[1], parts[2]].map(|p| p.parse::<u32>().unwrap_or(0));
    let day = if parts[0].len() == 4 {
        NaiveDate::from_ymd_opt(a as i32, b, c).map(Day::Exact)
    } else if parts[0].len() <= 2 && parts[1].len() <= 2 && matches!(parts[2].len(), 2 | 4) {
        let year = if parts[2].len() == 2 { 2000 + c as i32 } else { c as i32 };
        if separator == '.' {
            // Dotted dates are day first wherever they are written.
            NaiveDate::from_ymd_opt(year, b, a).map(Day::Exact)
        } else {
            Some(Day::Numeric { first: a, second: b, year })
        }
    } else {
        return None;
    };
    Some((day, time))
}

/// "08:30", "8:30:15", "8:30am", "8h30", "14h", "14.30": seconds since
/// midnight and whether an AM/PM suffix said afternoon.
fn time_chunk(chunk: &str) -> Option<(u32, Option<bool>)> {
    let (chunk, pm) = if let Some(rest) = chunk.strip_suffix("am").or_else(|| chunk.strip_suffix("a.m.")) {
        (rest, Some(false))
    } else if let Some(rest) = chunk.strip_suffix("pm").or_else(|| chunk.strip_suffix("p.m.")) {
        (rest, Some(true))
    } else {
        (chunk, None)
    };
    let (hour, minute, second) = if chunk.contains(':') {
        let mut parts = chunk.split(':');
        let (h, m, s) = (parts.next()?, parts.next()?, parts.next());
        if parts.next().is_some() {
            return None;
        }
        let s = s.map(|s| s.split_once('.').map_or(s, |(whole, _)| whole));
        if s.is_some_and(|s| !all_digits(s, 2..=2)) {
            return None;
        }
        (h, m, s.unwrap_or("0"))
    } else if let Some((h, m)) = chunk.split_once('h') {
        let m = m.strip_suffix("min").unwrap_or(m);
        (h, if m.is_empty() { "00" } else { m }, "0")
    } else if let Some((h, m)) = chunk.split_once('.') {
        (h, m, "0")
    } else if pm.is_some() {
        (chunk, "00", "0")
    } else {
        return None;
    };
    if !all_digits(hour, 1..=2) || !all_digits(minute, 2..=2) {
        return None;
    }
    let [h, m, s] = [hour, minute, second].map(|p| p.parse::<u32>().unwrap_or(99));
    if m >= 60 || s >= 60 || h > 24 || (h == 24 && (m, s) != (0, 0)) {
        return None;
    }
    Some((h * 3600 + m * 60 + s, pm))
}

/// "5", "2026", "5.", "5th", "1er": a number alone, and its digit count.
fn number_chunk(chunk: &str) -> Option<(u32, usize)> {
    let digits = chunk.bytes().take_while(u8::is_ascii_digit).count();
    let suffix = &chunk[digits..];
    if digits > 4 || !matches!(suffix, "" | "." | "st" | "nd" | "rd" | "th" | "er" | "e" | "o" | "º" | "ª") {
        return None;
    }
    Some((chunk[..digits].parse().ok()?, digits))
}

/// Excel's serial day numbers (days since 1899-12-30, the fraction is the
/// time), as cells formatted "General" show them: "46361.3541666667".
fn excel_serial(cell: &str) -> Option<When> {
    let (whole, fraction) = cell.split_once('.').unwrap_or((cell, ""));
    if !all_digits(whole, 1..=5) || !(fraction.is_empty() || all_digits(fraction, 1..=16)) {
        return None;
    }
    let value: f64 = cell.parse().ok()?;
    let seconds = ((value.fract() * 86_400.0).round() as u32).min(86_400);
    if (20_000.0..=80_000.0).contains(&value) {
        let day = NaiveDate::from_ymd_opt(1899, 12, 30)?.checked_add_days(chrono::Days::new(value as u64))?;
        let seconds = (!fraction.is_empty()).then_some(seconds);
        Some(When { day: Some(Day::Exact(day)), seconds, ..When::default() })
    } else if whole == "0" && fraction.len() > 2 {
        Some(When { seconds: Some(seconds), ..When::default() })
    } else {
        None
    }
}

const MONTHS: [&[&str]; 12] = [
    &["january", "jan", "janvier", "janv", "enero", "ene", "januar", "janner", "gennaio", "gen", "janeiro"],
    &["february", "feb", "fevrier", "fev", "fevr", "febrero", "februar", "febbraio", "fevereiro"],
    &["march", "mar", "mars", "marzo", "marz", "mrz", "marco"],
    &["april", "apr", "avril", "avr", "abril", "abr", "aprile"],
    &["may", "mai", "mayo", "maggio", "mag", "maio"],
    &["june", "jun", "juin", "junio", "juni", "giugno", "giu", "junho"],
    &["july", "jul", "juillet", "juil", "julio", "juli", "luglio", "lug", "julho"],
    &["august", "aug", "aout", "agosto", "ago"],
    &["september", "sep", "sept", "septembre", "septiembre", "settembre", "set", "setembro"],
    &["october", "oct", "octobre", "octubre", "oktober", "okt", "ottobre", "ott", "outubro", "out"],
    &["november", "nov", "novembre", "noviembre", "novembro"],
    &["december", "dec", "decembre", "diciembre", "dic", "dezember", "dez", "dicembre", "dezembro"],
];

const WEEKDAYS: [(Weekday, &[&str]); 7] = [
    (Weekday::Mon, &["monday", "mon", "lundi", "lunes", "montag", "lunedi", "segunda"]),
    (Weekday::Tue, &["tuesday", "tue", "tues", "mardi", "martes", "dienstag", "martedi", "terca"]),
    (Weekday::Wed, &["wednesday", "wed", "mercredi", "miercoles", "mittwoch", "mercoledi", "quarta"]),
    (Weekday::Thu, &["thursday", "thu", "thur", "thurs", "jeudi", "jueves", "donnerstag", "giovedi", "quinta"]),
    (Weekday::Fri, &["friday", "fri", "vendredi", "viernes", "freitag", "venerdi", "sexta"]),
    (Weekday::Sat, &["saturday", "sat", "samedi", "sabado", "samstag", "sabato"]),
    (Weekday::Sun, &["sunday", "sun", "dimanche", "domingo", "sonntag", "domenica"]),
];

fn month_of(word: &str) -> Option<u32> {
    MONTHS.iter().position(|names| names.contains(&word)).map(|i| i as u32 + 1)
}

fn weekday_of(word: &str) -> Option<Weekday> {
    WEEKDAYS.iter().find(|(_, names)| names.contains(&word)).map(|(day, _)| *day)
}

#[cfg(test)]
#[path = "when_tests.rs"]
mod tests;
