"""Reads Hallway's ICS exports with Python's icalendar package and checks
every event against expected.json (written by run.sh): UTC instants, titles,
UIDs, statuses, the long description, the reminder, and that a moved or
cancelled meeting keeps its UID with a higher SEQUENCE.

usage: check_icalendar.py expected.json first.ics second.ics single.ics
"""

import json
import sys
from datetime import datetime, timezone

from icalendar import Calendar

problems = []


def fail(message):
    problems.append(message)


def utc(text):
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


def read(path):
    with open(path, "rb") as f:
        raw = f.read()
    calendar = Calendar.from_ical(raw)
    for component in calendar.walk():
        for error in getattr(component, "errors", []):
            fail(f"{path}: icalendar reports {component.name}: {error}")
    if calendar.get("VERSION") != "2.0" or not calendar.get("PRODID"):
        fail(f"{path}: VERSION 2.0 and PRODID required, got {calendar.get('VERSION')!r}, {calendar.get('PRODID')!r}")
    if "METHOD" in calendar:
        fail(f"{path}: has METHOD {calendar['METHOD']}")
    events = {}
    for event in calendar.walk("VEVENT"):
        summary = str(event.get("SUMMARY"))
        if summary in events:
            fail(f"{path}: two events titled {summary!r}")
        events[summary] = event
        for name in ("UID", "DTSTAMP", "DTSTART", "SEQUENCE"):
            if name not in event:
                fail(f"{path}: {summary!r} has no {name}")
        for name in ("ATTENDEE", "ORGANIZER"):
            if name in event:
                fail(f"{path}: {summary!r} has {name}")
    return events


def check(path, events, expected):
    if len(events) != len(expected):
        fail(f"{path}: {len(events)} events, expected {len(expected)}: {sorted(events)}")
    for want in expected:
        event = events.get(want["summary"])
        if event is None:
            fail(f"{path}: no event titled {want['summary']!r}; titles: {sorted(events)}")
            continue
        for name in ("start", "end"):
            got = event.decoded("DTSTART" if name == "start" else "DTEND")
            if not isinstance(got, datetime) or got.tzinfo is None:
                fail(f"{path}: {want['summary']!r} {name} {got!r} is not an instant")
                continue
            if got.astimezone(timezone.utc) != utc(want[name]):
                fail(f"{path}: {want['summary']!r} {name} {got.astimezone(timezone.utc).isoformat()}, expected {want[name]}")
        uid = str(event.get("UID"))
        if want["uid"] is not None and uid != want["uid"]:
            fail(f"{path}: {want['summary']!r} UID {uid}, expected {want['uid']}")
        if want["uid"] is None and not (uid.startswith("session-") and uid.endswith("@hallway.app")):
            fail(f"{path}: {want['summary']!r} UID {uid} is not a session UID")
        status = str(event.get("STATUS"))
        if status != want["status"]:
            fail(f"{path}: {want['summary']!r} STATUS {status}, expected {want['status']}")


def main():
    expected_path, first_path, second_path, single_path = sys.argv[1:]
    with open(expected_path, encoding="utf-8") as f:
        expected = json.load(f)
    first, second, single = read(first_path), read(second_path), read(single_path)
    check(first_path, first, expected["first"])
    check(second_path, second, expected["second"])
    check(single_path, single, expected["single"])

    for summary in set(first) & set(second):
        if str(first[summary]["UID"]) != str(second[summary]["UID"]):
            fail(f"{summary!r}: UID changed between exports")
    for summary in expected["changed"]:
        before, after = int(first[summary]["SEQUENCE"]), int(second[summary]["SEQUENCE"])
        if after <= before:
            fail(f"{summary!r}: SEQUENCE {before} then {after}; it must rise")

    long = expected["long"]
    event = second[long["summary"]]
    description = str(event.get("DESCRIPTION"))
    for part in long["contains"]:
        if part not in description:
            fail(f"{long['summary']!r}: DESCRIPTION lacks {part[:60]!r}… (got {len(description)} characters)")
    if str(event.get("LOCATION")) != long["location"]:
        fail(f"{long['summary']!r}: LOCATION {event.get('LOCATION')!r}, expected {long['location']!r}")
    alarms = [c for c in event.subcomponents if c.name == "VALARM"]
    if len(alarms) != 1 or alarms[0].get("TRIGGER").to_ical().decode() != expected["alarm"]:
        fail(f"{long['summary']!r}: expected one VALARM with TRIGGER {expected['alarm']}")

    if problems:
        print("icalendar (Python) disagrees with the export:", file=sys.stderr)
        for problem in problems:
            print("  " + problem, file=sys.stderr)
        sys.exit(1)
    print(f"icalendar (Python): {len(first) + len(second) + len(single)} events as expected")


main()
