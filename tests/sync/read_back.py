#!/usr/bin/env python3
# An independent CalDAV client (the Python `caldav` package, not Hallway's
# libdav-based one) that reads back what Hallway wrote to a calendar, so the
# sync tests check the server's view rather than Hallway's own. It can also
# play "another client" (--add, --delete, --move) so Hallway's sync sees a
# change it did not make.
#
#   read_back.py URL USER PASSWORD [--add UID SUMMARY] [--delete UID]
#                [--move UID MINUTES LOCATION] [--note UID TEXT]
#
# --move shifts the event's start and end by MINUTES and sets its LOCATION,
# as a user moving a meeting on the phone would. --note does what a phone
# user adding a note and a reminder does: a line appended to the
# DESCRIPTION, a VALARM 10 minutes before, and a CATEGORIES.
#
# URL is the calendar collection's URL. Prints, after any change, a JSON list
# of the calendar's events sorted by href:
#   [{"href", "uid", "summary", "dtstart", "sequence", "status", "etag",
#     "description", "alarms", "categories"}]
# (href is the path on the server, dtstart in ISO 8601, etag as the server
# sends it, status null when the event has none).
import argparse
import json
import sys
from urllib.parse import urlparse

import caldav
from caldav.elements import dav


def listing(calendar):
    events = []
    for event in calendar.events():
        component = event.icalendar_component
        dtstart = component.get("dtstart")
        status = component.get("status")
        events.append(
            {
                "href": urlparse(str(event.url)).path,
                "uid": str(component.get("uid")),
                "summary": str(component.get("summary", "")),
                "dtstart": dtstart.dt.isoformat() if dtstart is not None else None,
                "sequence": int(component.get("sequence", 0)),
                "status": str(status) if status is not None else None,
                "etag": event.get_property(dav.GetEtag()),
                "description": str(component.get("description", "")),
                "alarms": [str(a.get("trigger").to_ical(), "ascii") for a in component.walk("VALARM")],
                "categories": [str(c) for c in component.get("categories").cats] if component.get("categories") else [],
            }
        )
    return sorted(events, key=lambda e: e["href"])


def add_event(calendar, uid, summary):
    calendar.save_event(
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Hallway tests//read_back.py//EN\r\n"
        "BEGIN:VEVENT\r\n"
        f"UID:{uid}\r\nDTSTAMP:20261205T120000Z\r\nDTSTART:20261206T090000Z\r\n"
        f"DTEND:20261206T093000Z\r\nSUMMARY:{summary}\r\n"
        "END:VEVENT\r\nEND:VCALENDAR\r\n"
    )


def delete_event(calendar, uid):
    calendar.event_by_uid(uid).delete()


def move_event(calendar, uid, minutes, location):
    import datetime

    event = calendar.event_by_uid(uid)
    component = event.icalendar_component
    shift = datetime.timedelta(minutes=int(minutes))
    for name in ("dtstart", "dtend"):
        if component.get(name) is not None:
            component[name].dt = component[name].dt + shift
    component["location"] = location
    event.save()


def note_event(calendar, uid, text):
    import datetime

    import icalendar

    event = calendar.event_by_uid(uid)
    component = event.icalendar_component
    component["description"] = f"{component.get('description', '')}\n{text}"
    alarm = icalendar.Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("description", "Reminder")
    alarm.add("trigger", datetime.timedelta(minutes=-10))
    component.add_component(alarm)
    component.add("categories", ["Phone"])
    event.save()


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("url")
    parser.add_argument("user")
    parser.add_argument("password")
    parser.add_argument("--add", nargs=2, metavar=("UID", "SUMMARY"))
    parser.add_argument("--delete", metavar="UID")
    parser.add_argument("--move", nargs=3, metavar=("UID", "MINUTES", "LOCATION"))
    parser.add_argument("--note", nargs=2, metavar=("UID", "TEXT"))
    args = parser.parse_args()
    with caldav.DAVClient(url=args.url, username=args.user, password=args.password) as client:
        calendar = caldav.Calendar(client=client, url=args.url)
        if args.add:
            add_event(calendar, *args.add)
        if args.delete:
            delete_event(calendar, args.delete)
        if args.move:
            move_event(calendar, *args.move)
        if args.note:
            note_event(calendar, *args.note)
        json.dump(listing(calendar), sys.stdout, indent=1)
        sys.stdout.write("\n")


if __name__ == "__main__":
    main()
