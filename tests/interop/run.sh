#!/usr/bin/env bash
# Hallway's calendar export read by software that is not ours: Python's
# icalendar, Mozilla's ical.js (Thunderbird's parser) and calcurse, a real
# calendar program that imports the file and stores appointments. The data
# is made only through hallway-cli, as a user would: a congress in Amsterdam
# across the end of summer time, people with Norwegian, Spanish and Chinese
# names, a program CSV, attendance marks, meetings — one moved, one cancelled.
#
# Expected times are written here by hand, as UTC instants; UIDs come from
# what hallway-cli printed when the meetings were booked. Any difference
# fails with what differed. Run by `make interop` (part of `make test`),
# which provides HALLWAY_CLI and PYTHON (the venv with icalendar).
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
cli=${HALLWAY_CLI:?set HALLWAY_CLI to the hallway-cli binary}
py=${PYTHON:?set PYTHON to the venv python that has icalendar}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
db="$work/hallway.sqlite3"

h() { "$cli" --db "$db" "$@"; }
# One field of the JSON object on stdin.
field() { "$py" -c 'import json, sys; print(json.load(sys.stdin)[sys.argv[1]])' "$1"; }

h congress add --name "Interop Hematology Congress 2026" --short-name IHC26 \
  --starts 2026-10-23 --ends 2026-10-26 --time-zone Europe/Amsterdam >/dev/null
h people add --name "Kari Ødegård" --institution "Oslo universitetssykehus, Rikshospitalet" --email kari@ous.no >/dev/null
h people add --name "Ana Sánchez" --institution "Hospital Clínic; Barcelona" --email ana@clinic.cat >/dev/null
h people add --name "李伟" --institution "北京大学人民医院" >/dev/null

# Venue times; summer time ends on Sunday 25 October at 03:00.
cat >"$work/program.csv" <<'CSV'
ID,Title,Date,Start,End,Room,Speakers
S1,"Plenary: CAR-T, bispecifics; and beyond",2026-10-24,09:00,10:30,Hall A,"Kari Ødegård; Ana Sánchez"
S2,Myeloma after the clock change,2026-10-25,10:00,11:00,Hall B,李伟
S3,Lymphoma update,2026-10-26,09:00,10:00,"Hall C, level 1",Ana Sánchez
S4,MDS round table,2026-10-26,11:00,12:00,Room 5,
CSV
h program import --congress IHC26 "$work/program.csv" >/dev/null
for key in S1 S2 S3; do h program attend --congress IHC26 "$key" >/dev/null; done
h program attend --congress IHC26 S4 --maybe >/dev/null

# 2,000 characters of purpose: three scripts, line breaks, and every
# character TEXT must escape (\ ; ,).
purpose=$("$py" -c '
seed = "Discuss the Ødegård–Sánchez cohort, 李伟’s data; files on \\\\server\\share.\nThen: next steps, owners; dates. "
print((seed * 40)[:2000].rstrip())')

book() { # title start people... ; prints the meeting's JSON
  local title=$1 start=$2
  shift 2
  local with=()
  for person in "$@"; do with+=(--with "$person"); done
  h meeting add --congress IHC26 --title "$title" --start "$start" --minutes 30 --status confirmed "${with[@]}" \
    --place "Café Ødegård, level 2; by the posters" --purpose "$purpose"
}
coffee=$(book 'Coffee, cake; and a \ backslash' 2026-10-24T10:30:00+02:00 "Kari Ødegård" "Ana Sánchez" "李伟")
lunch=$(book "Lunch with Ana Sánchez" 2026-10-25T12:30:00+01:00 "Ana Sánchez")
dinner=$(book "Dinner with 李伟" 2026-10-25T19:00:00+01:00 "李伟")
breakfast=$(book "Breakfast with Kari" 2026-10-23T08:00:00+02:00 "Kari Ødegård")

options=(--sessions --maybes --cancelled --alarm 15)
first=$(h export ics --congress IHC26 "${options[@]}" -o "$work/first.ics")
# Move breakfast across the DST change, cancel dinner, export again.
h meeting update "$(field id <<<"$breakfast")" --start 2026-10-26T08:00:00+01:00 >/dev/null
h meeting update "$(field id <<<"$dinner")" --status cancelled >/dev/null
second=$(h export ics --congress IHC26 "${options[@]}" -o "$work/second.ics")
single=$(h export meeting "$(field id <<<"$coffee")" -o "$work/single.ics")
[[ $(field events <<<"$first") == 8 && $(field events <<<"$second") == 8 && $(field events <<<"$single") == 1 ]] ||
  { echo "hallway-cli reported: $first / $second / $single (expected 8, 8 and 1 events)" >&2; exit 1; }

# What every reader must find: UTC instants, titles, UIDs, statuses.
"$py" - "$work/expected.json" "$(field uid <<<"$coffee")" "$(field uid <<<"$lunch")" \
  "$(field uid <<<"$dinner")" "$(field uid <<<"$breakfast")" "$purpose" <<'PY'
import json, sys
path, coffee, lunch, dinner, breakfast, purpose = sys.argv[1:]
def item(summary, start, end, uid=None, status="CONFIRMED"):
    return {"summary": summary, "start": start, "end": end, "uid": uid, "status": status}
common = [
    item("Coffee, cake; and a \\ backslash", "2026-10-24T08:30:00Z", "2026-10-24T09:00:00Z", coffee),
    item("Lunch with Ana Sánchez", "2026-10-25T11:30:00Z", "2026-10-25T12:00:00Z", lunch),
    item("Plenary: CAR-T, bispecifics; and beyond", "2026-10-24T07:00:00Z", "2026-10-24T08:30:00Z"),
    item("Myeloma after the clock change", "2026-10-25T09:00:00Z", "2026-10-25T10:00:00Z"),
    item("Lymphoma update", "2026-10-26T08:00:00Z", "2026-10-26T09:00:00Z"),
    item("MDS round table", "2026-10-26T10:00:00Z", "2026-10-26T11:00:00Z", status="TENTATIVE"),
]
json.dump({
    "first": common + [
        item("Dinner with 李伟", "2026-10-25T18:00:00Z", "2026-10-25T18:30:00Z", dinner),
        item("Breakfast with Kari", "2026-10-23T06:00:00Z", "2026-10-23T06:30:00Z", breakfast),
    ],
    "second": common + [
        item("Dinner with 李伟", "2026-10-25T18:00:00Z", "2026-10-25T18:30:00Z", dinner, "CANCELLED"),
        item("Breakfast with Kari", "2026-10-26T07:00:00Z", "2026-10-26T07:30:00Z", breakfast),
    ],
    "single": [item("Coffee, cake; and a \\ backslash", "2026-10-24T08:30:00Z", "2026-10-24T09:00:00Z", coffee)],
    "changed": ["Breakfast with Kari", "Dinner with 李伟"],
    "long": {
        "summary": "Coffee, cake; and a \\ backslash",
        "location": "Café Ødegård, level 2; by the posters",
        "contains": ["Purpose: " + purpose, "- Kari Ødegård, Oslo universitetssykehus, Rikshospitalet",
                     "- Ana Sánchez, Hospital Clínic; Barcelona", "- 李伟, 北京大学人民医院"],
    },
    "alarm": "-PT15M",
}, open(path, "w", encoding="utf-8"), ensure_ascii=False, indent=1)
PY

files=("$work/first.ics" "$work/second.ics" "$work/single.ics")
"$py" "$here/check_icalendar.py" "$work/expected.json" "${files[@]}"
node "$here/check_icaljs.mjs" "$work/expected.json" "${files[@]}"
"$py" "$here/check_calcurse.py" "$work/expected.json" "$work/second.ics" "$work/calcurse"
echo "interop: icalendar, ical.js and calcurse agree with the export"
