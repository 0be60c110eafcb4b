// Reads Hallway's ICS exports with Mozilla's ical.js (the parser behind
// Thunderbird's calendar) and checks every event against expected.json
// (written by run.sh): UTC instants, titles, UIDs, statuses, the long
// description, the reminder, and that a moved or cancelled meeting keeps its
// UID with a higher SEQUENCE.
//
// usage: node check_icaljs.mjs expected.json first.ics second.ics single.ics

import { readFileSync } from "node:fs";
import ICAL from "ical.js";

const problems = [];
const fail = (message) => problems.push(message);

function read(path) {
  const text = readFileSync(path, "utf8");
  const calendar = new ICAL.Component(ICAL.parse(text));
  if (calendar.getFirstPropertyValue("version") !== "2.0" || !calendar.getFirstPropertyValue("prodid")) {
    fail(`${path}: VERSION 2.0 and PRODID required`);
  }
  if (calendar.hasProperty("method")) fail(`${path}: has METHOD`);
  const events = new Map();
  for (const vevent of calendar.getAllSubcomponents("vevent")) {
    const summary = vevent.getFirstPropertyValue("summary");
    if (events.has(summary)) fail(`${path}: two events titled ${JSON.stringify(summary)}`);
    events.set(summary, vevent);
    for (const name of ["uid", "dtstamp", "dtstart", "sequence"]) {
      if (!vevent.hasProperty(name)) fail(`${path}: ${JSON.stringify(summary)} has no ${name.toUpperCase()}`);
    }
    for (const name of ["attendee", "organizer"]) {
      if (vevent.hasProperty(name)) fail(`${path}: ${JSON.stringify(summary)} has ${name.toUpperCase()}`);
    }
  }
  return events;
}

const instant = (time) => new Date(time.toUnixTime() * 1000).toISOString().replace(".000Z", "Z");

function check(path, events, expected) {
  if (events.size !== expected.length) {
    fail(`${path}: ${events.size} events, expected ${expected.length}: ${[...events.keys()].join(" | ")}`);
  }
  for (const want of expected) {
    const vevent = events.get(want.summary);
    if (!vevent) {
      fail(`${path}: no event titled ${JSON.stringify(want.summary)}; titles: ${[...events.keys()].join(" | ")}`);
      continue;
    }
    const event = new ICAL.Event(vevent);
    for (const [name, time] of [["start", event.startDate], ["end", event.endDate]]) {
      if (time.isDate) fail(`${path}: ${JSON.stringify(want.summary)} ${name} is a date, not an instant`);
      else if (time.zone === ICAL.Timezone.localTimezone) {
        fail(`${path}: ${JSON.stringify(want.summary)} ${name} is a floating time, not an instant`);
      } else if (instant(time) !== want[name]) {
        fail(`${path}: ${JSON.stringify(want.summary)} ${name} ${instant(time)}, expected ${want[name]}`);
      }
    }
    if (want.uid !== null && event.uid !== want.uid) {
      fail(`${path}: ${JSON.stringify(want.summary)} UID ${event.uid}, expected ${want.uid}`);
    }
    if (want.uid === null && !/^session-.+@hallway\.app$/.test(event.uid)) {
      fail(`${path}: ${JSON.stringify(want.summary)} UID ${event.uid} is not a session UID`);
    }
    const status = vevent.getFirstPropertyValue("status");
    if (status !== want.status) fail(`${path}: ${JSON.stringify(want.summary)} STATUS ${status}, expected ${want.status}`);
  }
}

const [expectedPath, firstPath, secondPath, singlePath] = process.argv.slice(2);
const expected = JSON.parse(readFileSync(expectedPath, "utf8"));
const first = read(firstPath);
const second = read(secondPath);
const single = read(singlePath);
check(firstPath, first, expected.first);
check(secondPath, second, expected.second);
check(singlePath, single, expected.single);

for (const [summary, before] of first) {
  const after = second.get(summary);
  if (after && before.getFirstPropertyValue("uid") !== after.getFirstPropertyValue("uid")) {
    fail(`${JSON.stringify(summary)}: UID changed between exports`);
  }
}
for (const summary of expected.changed) {
  const before = first.get(summary)?.getFirstPropertyValue("sequence");
  const after = second.get(summary)?.getFirstPropertyValue("sequence");
  if (!(after > before)) fail(`${JSON.stringify(summary)}: SEQUENCE ${before} then ${after}; it must rise`);
}

const long = expected.long;
const vevent = second.get(long.summary);
if (vevent) {
  const event = new ICAL.Event(vevent);
  for (const part of long.contains) {
    if (!event.description.includes(part)) {
      fail(`${JSON.stringify(long.summary)}: DESCRIPTION lacks ${JSON.stringify(part.slice(0, 60))}… (got ${event.description.length} characters)`);
    }
  }
  if (event.location !== long.location) fail(`${JSON.stringify(long.summary)}: LOCATION ${JSON.stringify(event.location)}`);
  const alarms = vevent.getAllSubcomponents("valarm");
  const trigger = alarms[0]?.getFirstPropertyValue("trigger")?.toString();
  if (alarms.length !== 1 || trigger !== expected.alarm) {
    fail(`${JSON.stringify(long.summary)}: expected one VALARM with TRIGGER ${expected.alarm}, got ${trigger}`);
  }
}

if (problems.length > 0) {
  console.error("ical.js disagrees with the export:");
  for (const problem of problems) console.error(`  ${problem}`);
  process.exit(1);
}
console.log(`ical.js: ${first.size + second.size + single.size} events as expected`);
