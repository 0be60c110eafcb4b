"""Imports Hallway's ICS export into calcurse, a real calendar program, and
checks the appointments it stored: every title, start and end, and that it
skipped nothing. calcurse keeps wall-clock times in the local zone, so it
runs under TZ=America/New_York (neither UTC nor the venue's zone, and still
on summer time that week) and is asked for times as Unix instants.
calcurse has no cancelled state: a cancelled meeting is stored like any
other, and is expected here like any other.

usage: check_calcurse.py expected.json file.ics calcurse-dir
"""

import json
import os
import re
import subprocess
import sys
from datetime import datetime, timezone

expected_path, ics, folder = sys.argv[1:]
with open(expected_path, encoding="utf-8") as f:
    expected = json.load(f)["second"]
os.makedirs(folder, exist_ok=True)
env = dict(os.environ, TZ="America/New_York", LC_ALL="C.UTF-8")


def calcurse(*args):
    done = subprocess.run(["calcurse", "-D", folder, *args], env=env, capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"calcurse {' '.join(args)} failed ({done.returncode}):\n{done.stdout}{done.stderr}")
    return done.stdout


problems = []
report = calcurse("-i", ics)
counts = re.search(r"(\d+) apps / (\d+) events? / (\d+) todos / (\d+) skipped", report)
if not counts:
    sys.exit(f"calcurse printed no import report:\n{report}")
apps, events, todos, skipped = map(int, counts.groups())
if (apps, events, todos, skipped) != (len(expected), 0, 0, 0):
    problems.append(f"import report {counts.group(0)!r}, expected {len(expected)} apps and nothing skipped")

listing = calcurse("-Q", "--from", "10/20/2026", "--days", "10", "--format-apt", "%(start:epoch)\t%(end:epoch)\t%m\n")
stored = []
for line in listing.splitlines():
    parts = line.split("\t")
    if len(parts) == 3 and parts[0].isdigit():
        stored.append((int(parts[0]), int(parts[1]), parts[2]))


def epoch(text):
    return int(datetime.fromisoformat(text.replace("Z", "+00:00")).astimezone(timezone.utc).timestamp())


wanted = sorted((epoch(e["start"]), epoch(e["end"]), e["summary"]) for e in expected)
for item in sorted(set(wanted) - set(stored)):
    problems.append(f"missing or different: {item[2]!r} {datetime.fromtimestamp(item[0], timezone.utc)} – "
                    f"{datetime.fromtimestamp(item[1], timezone.utc)}")
for item in sorted(set(stored) - set(wanted)):
    problems.append(f"unexpected: {item[2]!r} {datetime.fromtimestamp(item[0], timezone.utc)} – "
                    f"{datetime.fromtimestamp(item[1], timezone.utc)}")
if len(stored) != len(wanted):
    problems.append(f"{len(stored)} appointments stored, expected {len(wanted)}")

if problems:
    print("calcurse disagrees with the export:", file=sys.stderr)
    for problem in problems:
        print("  " + problem, file=sys.stderr)
    sys.exit(1)
print(f"calcurse: imported and stored {len(stored)} appointments as expected")
