#!/usr/bin/env python3
"""How many sessions Hallway imports from each program file of the shared
third-party corpus, checked against a count made by software that is not
ours: Python's icalendar with recurring-ical-events (ICS), and the standard
library's XML, JSON and CSV readers (frab schedule.xml, pretalx/c3voc
schedule.json, CSV). "Imported or a clear error" says nothing about a
reader that quietly drops or doubles sessions; equal counts do.

Each file is imported into a fresh database with a congress on the days of
WINDOWS (first day, last day, venue zone), chosen so that most of the file
falls within them. Both counts apply the same window: an item counts when it
starts at or after 00:00 of the first day and before 06:00 of the day after
the last, in the congress zone (floating times and all-day dates read in
that zone). Hallway's count is `added + withdrawn` (cancelled items are
stored as withdrawn).

A file whose counts differ must be in KNOWN_DIFFERENCES with both counts and
the reason Hallway's is right; the check fails on any other difference, on
a known difference whose counts drift, and on a corpus file without a
window. Run by `make corpus-counts` (tests/interop/corpus.sh), which gives
the hallway-cli binary, the corpus folder and the interop venv's Python.

Usage: corpus_counts.py --cli PATH [--corpus DIR] [--independent-only]
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import io
import json
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path
from zoneinfo import ZoneInfo

import icalendar
import recurring_ical_events

# Hours after midnight of the day after the last day that still belong to
# the congress (a night session of the last day).
NIGHT_GRACE = dt.timedelta(hours=6)

# Not program files: vCards are contacts.
IGNORED_SUFFIXES = {".vcf"}
IGNORED_NAMES = {"MANIFEST.txt"}

# File -> (first day, last day, venue zone) of the congress it is imported
# into. Programs: their own days. Calendars that span months or years: the
# month (31 days at most) holding most of their items; the rest is skipped
# by both counts. Files without events: any days.
WINDOWS: dict[str, tuple[str, str, str]] = {
    "conf__jres_2022.ics": ("2022-05-17", "2022-05-20", "Europe/Paris"),
    "conf__kielux_2020.ics": ("2020-09-18", "2020-09-19", "Europe/Berlin"),
    "conf__pyconuk_2015_vobject.ics": ("2015-09-18", "2015-09-21", "Europe/London"),
    "icaljs__blank_line_mid.ics": ("2024-06-03", "2024-06-07", "UTC"),
    "icaljs__google_birthday.ics": ("2014-12-08", "2014-12-12", "America/Los_Angeles"),
    "icaljs__newline_junk.ics": ("2024-06-03", "2024-06-07", "UTC"),
    "icaljs__recur_instances.ics": ("2012-11-01", "2012-11-30", "America/Los_Angeles"),
    "icaljs__tzid_with_gmt.ics": ("2011-10-27", "2011-10-29", "Europe/Berlin"),
    "icaljs__unfold_properties.ics": ("2024-06-03", "2024-06-07", "UTC"),
    "khal__bare_vevent_date_no_value.ics": ("2014-04-08", "2014-04-10", "Europe/Berlin"),
    "khal__rrule_recurrence_id_cancelled.ics": ("2014-06-30", "2014-07-30", "Europe/Berlin"),
    "khal__tz_windows_format.ics": ("2019-11-19", "2019-11-21", "Pacific/Auckland"),
    "khal__tzid_without_vtimezone.ics": ("2014-04-08", "2014-04-10", "Europe/Berlin"),
    "khal__without_uid.ics": ("2014-04-08", "2014-04-10", "Europe/Berlin"),
    "libical__rfc2445_examples.ics": ("1997-03-23", "1997-04-02", "America/New_York"),
    "libical__rfc2446_itip_examples.ics": ("1997-07-01", "1997-07-31", "America/New_York"),
    "nodeical__apple_macos_tentative.ics": ("2022-07-04", "2022-07-08", "America/Vancouver"),
    "nodeical__duplicate_uid_sequence.ics": ("2024-01-15", "2024-01-20", "UTC"),
    "nodeical__exchange2010_owa.ics": ("2020-10-26", "2020-11-06", "America/New_York"),
    "nodeical__exchange_allday_moved_recurrence.ics": ("2026-02-16", "2026-03-13", "Europe/Berlin"),
    "nodeical__exchange_custom_tz.ics": ("2019-04-29", "2019-05-01", "Asia/Bangkok"),
    "nodeical__exchange_ms_timezones.ics": ("2020-09-01", "2020-09-30", "Europe/Berlin"),
    "nodeical__google_kiev_tz.ics": ("2016-08-24", "2016-08-29", "Europe/Kyiv"),
    "nodeical__meetup_tz.ics": ("2011-11-08", "2011-11-10", "America/Phoenix"),
    "nodeical__tripit_escaping.ics": ("2011-10-10", "2011-11-09", "America/Phoenix"),
    "nodeical__windows_quoted_tz_rrule.ics": ("2015-07-06", "2015-07-17", "America/New_York"),
    "pyical__alarm_google_future.ics": ("2024-10-03", "2024-10-05", "Europe/London"),
    "pyical__alarm_thunderbird_future.ics": ("2024-10-22", "2024-10-24", "Europe/Berlin"),
    "pyical__america_new_york.ics": ("2014-08-28", "2014-08-30", "America/New_York"),
    "pyical__bom_calendar.ics": ("2024-06-03", "2024-06-07", "UTC"),
    "pyical__calendar_with_unicode.ics": ("2024-06-03", "2024-06-07", "UTC"),
    "pyical__event_with_escaped_characters.ics": ("2024-06-03", "2024-06-07", "UTC"),
    "pyical__google_x_location.ics": ("2016-10-28", "2016-11-27", "Europe/Zurich"),
    "pyical__issue_127_categories_with_commas.ics": ("2014-02-03", "2014-02-05", "UTC"),
    "pyical__issue_218_bad_tzid.ics": ("2017-02-27", "2017-03-01", "Australia/Sydney"),
    "pyical__issue_237_outlook_non_ascii_tzid.ics": ("2017-05-10", "2017-05-12", "America/Sao_Paulo"),
    "pyical__issue_351_whitespace_in_names.ics": ("2026-03-18", "2026-03-20", "UTC"),
    "pyical__issue_355_url_escaping.ics": ("2022-08-21", "2022-08-23", "Europe/Berlin"),
    "pyical__issue_53_description.ics": ("2012-07-11", "2012-07-13", "America/New_York"),
    "pyical__issue_722_missing_VTIMEZONE_custom.ics": ("2014-08-28", "2014-08-30", "UTC"),
    "pyical__mozilla_multiple_vcalendars_odd_folding.ics": ("2003-12-24", "2003-12-27", "Europe/Berlin"),
    "pyical__pacific_fiji.ics": ("2014-08-28", "2014-08-30", "Pacific/Fiji"),
    "pyical__pr_480_summary_with_colon.ics": ("2024-06-03", "2024-06-07", "UTC"),
    "pyical__rfc_6868_param_caret_escapes.ics": ("2024-06-03", "2024-06-07", "UTC"),
    "pyical__rfc_7986_conferences.ics": ("2024-06-03", "2024-06-07", "UTC"),
    "rie__discourse_no_dtend_dup_vtimezone.ics": ("2019-02-27", "2019-03-02", "Europe/Berlin"),
    "rie__google_moved_instance.ics": ("2021-11-26", "2021-12-26", "Europe/Berlin"),
    "rie__thunderbird_cancelled_instance.ics": ("2020-01-28", "2020-01-31", "Europe/Berlin"),
    "rie__x_wr_timezone_floating.ics": ("2021-09-15", "2021-09-17", "Europe/Brussels"),
    "sched__froscon2013_frab_schedule.xml": ("2013-08-24", "2013-08-25", "Europe/Berlin"),
    "sched__hub_schedule2.json": ("2024-12-27", "2024-12-30", "Europe/Berlin"),
    "sched__invalid_example.json": ("2022-12-28", "2022-12-30", "Europe/Zurich"),
    "sched__pretalx_democon_schedule.json": ("2020-12-14", "2020-12-16", "Europe/Berlin"),
    "sched__schedule.schema.json": ("2024-06-03", "2024-06-07", "UTC"),
    "sched__schedule.xml.xsd": ("2024-06-03", "2024-06-07", "UTC"),
    "sched__schedule2.schema.json": ("2024-06-03", "2024-06-07", "UTC"),
}


@dataclass(frozen=True)
class Known:
    """A file whose counts differ, and why Hallway's count is right. A count
    is a number of items or "error" (the reader refuses the file)."""

    independent: int | str
    hallway: int | str
    reason: str


# From real runs; each was looked at event by event (the script prints the
# starts only one side has).
KNOWN_DIFFERENCES: dict[str, Known] = {
    "libical__rfc2446_itip_examples.ics": Known(
        independent=11,
        hallway=12,
        reason="53 iTIP messages, not a program. 13 VEVENTs (METHOD REPLY, CANCEL, REFRESH, "
        "DECLINECOUNTER) have no DTSTART, which iTIP allows: both readers leave them out (Hallway "
        "reports them as skipped, reason no_start). The one more is the COUNTER copy of UID "
        "calsrv.example.com-873970198738777a: same SEQUENCE 0 as the REQUEST, another start. "
        "recurring-ical-events keeps one event per UID; Hallway keeps copies of a UID that are "
        "not older versions (lower SEQUENCE), since real program files reuse one UID for many "
        "talks, and tells them apart by their start.",
    ),
    "nodeical__exchange_ms_timezones.ics": Known(
        independent=18,
        hallway=44,
        reason="The Mon-Sat series \"Log Yesterday's Jira time\" has a malformed DTSTART "
        "(DTSTART;TZID=\"W. Europe Standard Time:20200609T090000\", the closing quote misplaced): "
        "icalendar cannot read it, so the independent reader drops the series; Hallway recovers "
        "09:00 Europe/Berlin (checked in src-tauri/core/tests/ics_corpus.rs) and imports its 26 "
        "instances in September 2020 (30 days less 4 Sundays). The other 18 starts agree.",
    ),
    "nodeical__windows_quoted_tz_rrule.ics": Known(
        independent=8,
        hallway=10,
        reason="DTSTART is 12:00 in \"(UTC-05:00) Eastern Time (US and Canada)\", a Windows zone name "
        "Hallway reads as America/New_York (16:00Z) and icalendar does not know: it reads a floating "
        "time, which recurring-ical-events places in DTEND's America/Los_Angeles (19:00Z). The two "
        "EXDATEs are 12:00 Los Angeles: they match those instances, but no instance at 12:00 New "
        "York, so Hallway, comparing instants as RFC 5545 says, keeps all 10 of COUNT=10.",
    ),
    "pyical__pacific_fiji.ics": Known(
        independent=0,
        hallway=1,
        reason="The event has two DTSTARTs (08:00 and 10:00 custom_Pacific/Fiji); icalendar gives a "
        "list the independent reader cannot use, Hallway takes the first (2014-08-28T20:00Z, "
        "checked in src-tauri/core/tests/ics_corpus.rs).",
    ),
}


# ------------------------------------------------------------------ window --


@dataclass(frozen=True)
class Window:
    first: dt.date
    last: dt.date
    zone: ZoneInfo

    @property
    def start(self) -> dt.datetime:
        return dt.datetime.combine(self.first, dt.time(0, 0), self.zone)

    @property
    def end(self) -> dt.datetime:
        """The first instant after the congress (exclusive)."""
        return dt.datetime.combine(self.last + dt.timedelta(days=1), dt.time(0, 0), self.zone) + NIGHT_GRACE

    def instant(self, value: dt.date | dt.datetime) -> dt.datetime:
        """A start as an instant: dates and floating times in the congress zone."""
        if not isinstance(value, dt.datetime):
            return dt.datetime.combine(value, dt.time(0, 0), self.zone)
        if value.tzinfo is None or value.utcoffset() is None:
            return value.replace(tzinfo=self.zone)
        return value

    def contains(self, value: dt.date | dt.datetime) -> bool:
        return self.start <= self.instant(value) < self.end


def window_of(name: str) -> Window:
    first, last, zone = WINDOWS[name]
    return Window(dt.date.fromisoformat(first), dt.date.fromisoformat(last), ZoneInfo(zone))


# ------------------------------------------------------ independent counts --


@dataclass
class Counted:
    """An independent count: the items within the window (start, title),
    how many one-off items fall outside it, and notes on what the reader
    could not use."""

    items: list[tuple[dt.datetime | None, str]]  # CSV: no start
    outside: int
    notes: list[str]

    @property
    def inside(self) -> int:
        return len(self.items)


class NotAProgram(Exception):
    """The file holds no program (a schema, say): nothing to import."""


def _date_or_datetime(prop) -> dt.date | None:
    """The value of a DTSTART-like property, or None when icalendar could
    not read it (missing, broken, or given twice)."""
    if prop is None or isinstance(prop, list):
        return None
    try:
        value = prop.dt
    except Exception:  # icalendar's BrokenCalendarProperty and the like
        return None
    return value if isinstance(value, dt.date) else None


def _readable_list(values):
    """RDATE/EXDATE values icalendar could read (broken ones are left out)."""
    values = values if isinstance(values, list) else [values]
    kept = []
    for v in values:
        try:
            if all(isinstance(d.dt, (dt.date, tuple)) for d in v.dts):
                kept.append(v)
        except Exception:
            pass
    return kept


def count_ics(data: bytes, window: Window) -> Counted:
    """VEVENTs as icalendar reads them, recurring ones expanded by
    recurring-ical-events over the window. All calendars of a file (some
    hold several, or a bare VEVENT) are read as one program. A VEVENT without
    a readable DTSTART is not counted, and RDATE/EXDATE values icalendar
    cannot read are left out; each is noted."""
    components = icalendar.Calendar.from_ical(data, multiple=True)
    notes: list[str] = []
    merged = icalendar.Calendar()
    for component in components:
        if component.name == "VCALENDAR":
            for key, value in component.items():
                if key not in merged:
                    merged.add(key, value)
            children = component.subcomponents
        else:
            children = [component]
        for child in children:
            if child.name != "VEVENT":
                merged.add_component(child)
                continue
            title = str(child.get("SUMMARY", "(untitled)"))
            if _date_or_datetime(child.get("DTSTART")) is None:
                notes.append(f"no readable DTSTART: {title!r}")
                continue
            if "RECURRENCE-ID" in child and _date_or_datetime(child.get("RECURRENCE-ID")) is None:
                notes.append(f"no readable RECURRENCE-ID: {title!r}")
                continue
            for key in ("RDATE", "EXDATE"):
                if key in child:
                    values = child[key]
                    kept = _readable_list(values)
                    if len(kept) != (len(values) if isinstance(values, list) else 1):
                        notes.append(f"unreadable {key} left out: {title!r}")
                        del child[key]
                        for v in kept:
                            child.add(key, v)  # re-added as read
            merged.add_component(child)

    # A generous span for recurring-ical-events (it returns what overlaps
    # the span); the exact window is applied to each start below.
    margin = dt.timedelta(days=2)
    span_start = dt.datetime.combine(window.first - margin, dt.time(0, 0))
    span_end = dt.datetime.combine(window.last + margin + dt.timedelta(days=1), dt.time(0, 0))
    occurrences = recurring_ical_events.of(merged).between(span_start, span_end)
    items = [
        (window.instant(o["DTSTART"].dt), str(o.get("SUMMARY", "")))
        for o in occurrences
        if window.contains(o["DTSTART"].dt)
    ]
    # One-off events outside the span, for the report only.
    total_single = sum(
        1 for e in merged.walk("VEVENT") if "RRULE" not in e and "RDATE" not in e and "RECURRENCE-ID" not in e
    )
    single_inside = sum(
        1
        for e in merged.walk("VEVENT")
        if "RRULE" not in e and "RDATE" not in e and "RECURRENCE-ID" not in e and window.contains(e["DTSTART"].dt)
    )
    return Counted(items, total_single - single_inside, notes)


def _iso(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text.replace("Z", "+00:00"))


def _clock(text: str) -> dt.time:
    hours, minutes = text.strip().split(":")[:2]
    return dt.time(int(hours), int(minutes))


def count_frab_xml(data: bytes, window: Window) -> Counted:
    """<event> elements of a frab schedule.xml; each starts at its <date>
    (full ISO time) or at its day's date and <start> (venue time), the next
    calendar day when that is before the day's own start."""
    root = ET.fromstring(data)
    if root.tag != "schedule":
        raise NotAProgram(f"root element <{root.tag}>, not <schedule>")
    items, outside = [], 0
    for day in root.iter("day"):
        day_start = _iso(day.get("start")) if day.get("start") else None
        for event in day.iter("event"):
            if event.findtext("date"):
                start = _iso(event.findtext("date"))
            else:
                date = dt.date.fromisoformat(day.get("date"))
                start = dt.datetime.combine(date, _clock(event.findtext("start")), window.zone)
                if day_start is not None and start < day_start:
                    start += dt.timedelta(days=1)
            if window.contains(start):
                items.append((start, event.findtext("title") or ""))
            else:
                outside += 1
    return Counted(items, outside, [])


def count_schedule_json(data: bytes, window: Window) -> Counted:
    """Talks of a frab/pretalx schedule.json (version 1: in
    schedule.conference.days[].rooms{}[]) and of the c3voc hub's version 2
    (in schedule.events[]); each starts at its ISO `date` (v1) or `start`
    (v2), else at its day's date and `start` in venue time."""
    doc = json.loads(data.decode("utf-8-sig"))
    schedule = doc.get("schedule") if isinstance(doc, dict) else None
    if not isinstance(schedule, dict):
        raise NotAProgram("no schedule object")
    events: list[tuple[dict, str | None]] = []
    for day in (schedule.get("conference") or {}).get("days") or []:
        for talks in (day.get("rooms") or {}).values():
            events.extend((talk, day.get("date")) for talk in talks)
    events.extend((talk, None) for talk in schedule.get("events") or [])
    items, outside = [], 0
    for talk, day in events:
        when = talk.get("date") or talk.get("start")
        if when and "T" in when:
            start = _iso(when)
        else:
            start = dt.datetime.combine(dt.date.fromisoformat(day), _clock(talk["start"]), window.zone)
        if window.contains(start):
            items.append((start, str(talk.get("title") or "")))
        else:
            outside += 1
    return Counted(items, outside, [])


def count_csv(data: bytes, window: Window) -> Counted:
    """Data rows of a CSV program: non-blank rows after the header. Dates
    are not read (columns vary), so a CSV's window must hold all its rows."""
    text = data.decode("utf-8-sig", errors="replace")
    rows = [row for row in csv.reader(io.StringIO(text)) if any(cell.strip() for cell in row)]
    return Counted([(None, "row") for _ in rows[1:]], 0, [])


def count_independently(path: Path, window: Window) -> Counted:
    data = path.read_bytes()
    suffix = path.suffix.lower()
    if suffix == ".ics":
        return count_ics(data, window)
    if suffix == ".xml":
        return count_frab_xml(data, window)
    if suffix == ".json":
        return count_schedule_json(data, window)
    if suffix == ".csv":
        return count_csv(data, window)
    raise NotAProgram(f"a {suffix} file")


# ----------------------------------------------------------------- Hallway --


@dataclass
class Imported:
    count: int | str  # added + withdrawn, or "error"
    skipped: int | None
    detail: str
    sessions: list[tuple[dt.datetime, str]]  # (start, title) as stored


def import_with_hallway(cli: Path, path: Path, name: str) -> Imported:
    first, last, zone = WINDOWS[name]
    with tempfile.TemporaryDirectory(prefix="hallway-corpus-") as tmp:
        db = str(Path(tmp) / "hallway.sqlite3")
        add = [str(cli), "--db", db, "congress", "add", "--name", f"Corpus {name}", "--short-name", "CORPUS",
               "--starts", first, "--ends", last, "--time-zone", zone]
        made = subprocess.run(add, capture_output=True, text=True)
        if made.returncode != 0:
            raise SystemExit(f"{name}: hallway-cli congress add failed: {made.stderr.strip()}")
        run = subprocess.run([str(cli), "--db", db, "program", "import", "--congress", "CORPUS", str(path)],
                             capture_output=True, text=True)
        listed = subprocess.run([str(cli), "--db", db, "program", "list", "--congress", "CORPUS", "--json"],
                                capture_output=True, text=True)
    if run.returncode != 0:
        message = run.stderr.strip() or f"exit status {run.returncode}"
        if run.returncode < 0 or "panicked" in message:
            raise SystemExit(f"{name}: hallway-cli crashed: {message}")
        return Imported("error", None, message.splitlines()[-1], [])
    if listed.returncode != 0:
        raise SystemExit(f"{name}: hallway-cli program list failed: {listed.stderr.strip()}")
    sessions = [(_iso(s["starts_at"]), s["title"]) for s in json.loads(listed.stdout)]
    report = json.loads(run.stdout)
    if "skipped" not in report:
        raise SystemExit("hallway-cli's import report has no `skipped` field: this hallway-cli is too old")
    reasons: dict[str, int] = {}
    for item in report.get("skipped_items", []):
        reasons[item["reason"]] = reasons.get(item["reason"], 0) + 1
    detail = f"skipped {report['skipped']}" + (f" {reasons}" if reasons else "")
    return Imported(report["added"] + report["withdrawn"], report["skipped"], detail, sessions)


def start_differences(independent: list[tuple[dt.datetime | None, str]], hallway: list[tuple[dt.datetime, str]]) -> str:
    """The starts only one side has (as UTC, with a title), for finding out
    which items a difference is made of; "" when both have the same."""
    if any(start is None for start, _ in independent):
        return ""
    def by_start(items):
        found: dict[str, list[str]] = {}
        for start, title in items:
            key = start.astimezone(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
            found.setdefault(key, []).append(title)
        return found
    ours, theirs = by_start(independent), by_start(hallway)
    parts = []
    for label, a, b in (("only independent", ours, theirs), ("only hallway", theirs, ours)):
        extra = []
        for key in sorted(a):
            surplus = len(a[key]) - len(b.get(key, []))
            extra += [f"{key} {a[key][0]!r}"] * max(surplus, 0)
        if extra:
            shown = ", ".join(extra[:6]) + (f", … ({len(extra)} in all)" if len(extra) > 6 else "")
            parts.append(f"{label}: {shown}")
    return "; ".join(parts)


# -------------------------------------------------------------------- main --


def _join(notes: list[str]) -> str:
    """Notes in order, a repeated one once with its count."""
    counts: dict[str, int] = {}
    for note in notes:
        counts[note] = counts.get(note, 0) + 1
    return "; ".join(note if n == 1 else f"{n}x {note}" for note, n in counts.items())


def corpus_files(corpus: Path) -> list[Path]:
    return sorted(
        p for p in corpus.iterdir()
        if p.is_file() and p.name not in IGNORED_NAMES and p.suffix.lower() not in IGNORED_SUFFIXES
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    here = Path(__file__).resolve().parent
    parser.add_argument("--cli", type=Path, help="the hallway-cli binary")
    parser.add_argument("--corpus", type=Path, default=here.parent.parent.parent / "shared" / "corpus" / "calendars")
    parser.add_argument("--independent-only", action="store_true", help="print the independent counts only")
    args = parser.parse_args()
    if not args.corpus.is_dir():
        print(f"corpus-counts: the shared corpus is missing: expected it at {args.corpus}", file=sys.stderr)
        return 2
    if not args.independent_only and not (args.cli and args.cli.is_file()):
        print("corpus-counts: give --cli, the hallway-cli binary", file=sys.stderr)
        return 2

    files = corpus_files(args.corpus)
    failures: list[str] = []
    names = {p.name for p in files}
    for name in sorted(set(WINDOWS) - names):
        failures.append(f"{name}: in WINDOWS but not in the corpus")
    for name in sorted(set(KNOWN_DIFFERENCES) - names):
        failures.append(f"{name}: in KNOWN_DIFFERENCES but not in the corpus")

    print(f"{'file':<52} {'independent':>11} {'hallway':>8}  verdict")
    for path in files:
        name = path.name
        if name not in WINDOWS:
            failures.append(f"{name}: no window; add its congress days to WINDOWS in {Path(__file__).name}")
            continue
        window = window_of(name)
        notes: list[str] = []
        try:
            counted = count_independently(path, window)
            independent: int | str = counted.inside
            notes += counted.notes
            if counted.outside:
                notes.append(f"{counted.outside} one-off outside the days")
        except NotAProgram as e:
            independent = 0
            notes.append(f"not a program ({e})")
        except Exception as e:  # the independent reader refuses the file
            independent = "error"
            notes.append(f"independent reader: {type(e).__name__}: {e}")

        if args.independent_only:
            print(f"{name:<52} {independent!s:>11} {'-':>8}  {_join(notes)}")
            continue

        imported = import_with_hallway(args.cli, path, name)
        hallway = imported.count
        notes.append(imported.detail)
        if isinstance(independent, int) and hallway != "error":
            differences = start_differences(counted.items, imported.sessions)
            if differences:
                notes.append(differences)
        known = KNOWN_DIFFERENCES.get(name)
        # An import refused as empty and an independent count of 0 agree.
        same = hallway == independent or (hallway == "error" and independent == 0)
        if known is None:
            verdict = "same" if same else "DIFFERENT"
            if not same:
                failures.append(
                    f"{name}: hallway-cli imports {hallway} items, the independent reader counts {independent}; "
                    "find out why, and fix Hallway or list the file in KNOWN_DIFFERENCES with the reason"
                )
        elif (known.independent, known.hallway) == (independent, hallway) and not same:
            verdict = "known difference"
        else:
            verdict = "DRIFT"
            failures.append(
                f"{name}: counts drifted from KNOWN_DIFFERENCES: expected independent {known.independent} "
                f"and hallway {known.hallway}, got {independent} and {hallway}"
                + ("; they agree now, remove the entry" if same else "")
            )
        print(f"{name:<52} {independent!s:>11} {hallway!s:>8}  {verdict}  ({_join(notes)})")

    if failures:
        print("\ncorpus-counts failed:", file=sys.stderr)
        for failure in failures:
            print(f"  {failure}", file=sys.stderr)
        return 1
    print(f"\ncorpus-counts: {len(files)} files, every count agrees or is a known difference")
    return 0


if __name__ == "__main__":
    sys.exit(main())
