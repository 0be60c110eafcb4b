// Why: the Meetings screen's words and groupings are what the physician reads between sessions;
// these pin them down: the default title, times typed every way, meetings by venue day, free
// slots in breaks first then by day (never ones already begun), clashes and moved targets.
import { describe, expect, it } from "vitest";
import type { Meeting, Slot } from "./bindings";
import {
  clashText,
  defaultTitle,
  draftFromMeeting,
  isAutoTitle,
  meetingCounts,
  meetingProblems,
  meetingsByDay,
  movedText,
  noSlotText,
  parseClock,
  savedText,
  slotGroups,
  slotLabel,
  startsLocal,
} from "./meeting-words";
import { meeting } from "../testing/fake-meetings";

function m(id: number, startsAt: string, overrides: Partial<Meeting> = {}): Meeting {
  return meeting({ id, title: `M${id}`, kind: "coffee", status: "confirmed", starts_at: startsAt, ends_at: startsAt, uid: "", ...overrides });
}

const s = (startsAt: string, inBreak: string | null = null): Slot => ({ starts_at: startsAt, ends_at: startsAt, in_break: inBreak });

describe("meeting words", () => {
  it("titles a meeting after its first person until the user writes one", () => {
    expect(defaultTitle("Ana Sánchez")).toBe("Meeting with Ana Sánchez");
    expect(defaultTitle("  ")).toBe("");
    expect(defaultTitle(null)).toBe("");
    expect(isAutoTitle("Meeting with Ana Sánchez", "Ana Sánchez")).toBe(true);
    expect(isAutoTitle("", "Ana Sánchez")).toBe(true);
    expect(isAutoTitle("Coffee about GEM", "Ana Sánchez")).toBe(false);
  });

  it("reads a clock time typed any usual way", () => {
    expect(parseClock("10:30")).toBe("10:30");
    expect(parseClock("9:05")).toBe("09:05");
    expect(parseClock("930")).toBe("09:30");
    expect(parseClock("1030")).toBe("10:30");
    expect(parseClock("10.30")).toBe("10:30");
    expect(parseClock("9h30")).toBe("09:30");
    expect(parseClock("14")).toBe("14:00");
    expect(parseClock(" 08:00 ")).toBe("08:00");
    for (const bad of ["", "24:00", "10:60", "abc", "10:3", "12345"]) expect(parseClock(bad)).toBeNull();
    expect(startsLocal("2026-12-06", "10:30")).toBe("2026-12-06T10:30:00");
  });

  it("groups meetings by venue day in time order and counts those still on", () => {
    const list = [
      m(3, "2026-12-06T09:00:00-05:00"),
      m(1, "2026-12-05T16:00:00-05:00"),
      m(2, "2026-12-05T08:30:00-05:00", { status: "cancelled" }),
      // 23:30 in the venue is the next day in UTC: it stays on the venue's Saturday.
      m(4, "2026-12-05T23:30:00-05:00"),
    ];
    expect(meetingsByDay(list).map((d) => [d.day, d.meetings.map((x) => x.id)])).toEqual([
      ["2026-12-05", [2, 1, 4]],
      ["2026-12-06", [3]],
    ]);
    expect([...meetingCounts(list)]).toEqual([
      ["2026-12-06", 1],
      ["2026-12-05", 2],
    ]);
  });

  it("puts slots in breaks first, then the rest by day, leaving out those already begun", () => {
    const slots = [
      s("2026-12-06T10:00:00-05:00", "Coffee break"),
      s("2026-12-05T10:00:00-05:00", "Coffee break"),
      s("2026-12-05T12:15:00-05:00", "Lunch"),
      s("2026-12-05T08:00:00-05:00"),
      s("2026-12-06T08:00:00-05:00"),
      s("2026-12-05T16:00:00-05:00"),
    ];
    const now = new Date("2026-12-05T14:00:00Z"); // 09:00 in the venue on Saturday
    const groups = slotGroups(slots, now);
    expect(groups.map((g) => [g.key, g.label, g.slots.map((x) => x.starts_at.slice(0, 16))])).toEqual([
      ["breaks", "In breaks", ["2026-12-06T10:00", "2026-12-05T10:00", "2026-12-05T12:15"]],
      ["2026-12-05", "Sat 5 Dec", ["2026-12-05T16:00"]],
      ["2026-12-06", "Sun 6 Dec", ["2026-12-06T08:00"]],
    ]);
    expect(slotGroups(slots, new Date("2027-01-01T00:00:00Z"))).toEqual([]);
    expect(slotLabel({ starts_at: "2026-12-05T10:00:00-05:00", ends_at: "2026-12-05T10:30:00-05:00", in_break: "Coffee break" }, true)).toBe(
      "Sat 10:00–10:30 · Coffee break",
    );
    expect(slotLabel(s("2026-12-05T16:00:00-05:00"), false)).toBe("16:00");
    expect(noSlotText(45, "Ana Sánchez")).toBe("No free slot for 45 minutes with Ana Sánchez: try a shorter meeting or free a session.");
    expect(noSlotText(45, null)).toBe("No free slot for 45 minutes: try a shorter meeting or free a session.");
  });

  it("spells out clashes and moved targets", () => {
    expect(
      clashText({
        with: { type: "session", id: 9 },
        title: "Menin inhibitors",
        overlap_starts_at: "2026-12-05T10:00:00-05:00",
        overlap_ends_at: "2026-12-05T10:30:00-05:00",
      }),
    ).toBe("Clashes with Menin inhibitors 10:00–10:30");
    const moved = [
      { person_id: 1, display_name: "Ana Sánchez", from: "idea" as const, to: "scheduled" as const },
      { person_id: 2, display_name: "Ben Okafor", from: "met" as const, to: "followed_up" as const },
    ];
    expect(movedText(moved)).toBe("Ana Sánchez → scheduled, Ben Okafor → followed up");
    expect(movedText([])).toBe("");
    const booked = m(1, "2026-12-05T10:30:00-05:00", { title: "Coffee with Ana" });
    expect(savedText(booked, true, moved.slice(0, 1))).toBe("Booked “Coffee with Ana” on Sat 5 Dec at 10:30. Ana Sánchez → scheduled.");
    expect(savedText(booked, false, [])).toBe("Saved “Coffee with Ana”.");
  });

  it("puts each problem under its field and reads a meeting back into a draft", () => {
    expect(
      meetingProblems([
        { field: "title", message: "Give the meeting a title." },
        { field: "people", message: "Choose who you are meeting." },
        { field: "congress_id", message: "No such congress." },
      ]),
    ).toEqual({ title: "Give the meeting a title.", people: "Choose who you are meeting.", "": "No such congress." });
    const saved = m(5, "2026-12-05T10:30:00-05:00", {
      people: [{ id: 7, display_name: "Ana", institution: null, target_status: "scheduled" }],
    });
    expect(draftFromMeeting(saved)).toMatchObject({ starts_local: "2026-12-05T10:30:00", people: [7], minutes: 30, kind: "coffee" });
  });
});
