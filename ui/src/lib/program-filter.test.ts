// Why: the Program's filters decide what a physician sees of a 10,000-session congress; a session
// silently dropped is a talk missed. These pin day/track/kind/room filtering, search ranking and
// the counts the selects and day tabs show.
import { describe, expect, it } from "vitest";
import { session } from "../testing/fake-backend";
import { defaultDay } from "./program-view.svelte";
import { agendaDays, applyFilter, dayCounts, facetOptions, listRows, NO_FILTER, NONE, programDays } from "./program-filter";

const sat = (hhmm: string) => `2026-12-05T${hhmm}:00-05:00`;
const sun = (hhmm: string) => `2026-12-06T${hhmm}:00-05:00`;

const a = session({ id: 1, title: "Menin inhibitors", kind: "oral", track: "AML", room: "Room 6A", starts_at: sat("08:30"), ends_at: sat("10:00") });
const b = session({ id: 2, title: "CAR-T in myeloma", kind: "oral", track: "Myeloma", room: "Hall B", starts_at: sat("08:30"), ends_at: sat("09:30") });
const c = session({ id: 3, title: "Posters: AML biology", kind: "poster", track: "AML", room: "Poster Hall", starts_at: sat("17:30"), ends_at: sat("19:30") });
const d = session({ id: 4, title: "Education: CAR-T toxicity", kind: "education", track: null, room: null, starts_at: sun("07:00"), ends_at: sun("08:00") });
const all = [a, b, c, d];
const ids = (list: { id: number }[]) => list.map((s) => s.id);

describe("applyFilter", () => {
  it("keeps one day (venue time)", () => {
    expect(ids(applyFilter(all, { ...NO_FILTER, day: "2026-12-05" }, null))).toEqual([1, 2, 3]);
    expect(ids(applyFilter(all, { ...NO_FILTER, day: "2026-12-06" }, null))).toEqual([4]);
  });

  it("narrows by track, kind and room together", () => {
    expect(ids(applyFilter(all, { ...NO_FILTER, track: "AML" }, null))).toEqual([1, 3]);
    expect(ids(applyFilter(all, { ...NO_FILTER, track: "AML", kind: "poster" }, null))).toEqual([3]);
    expect(ids(applyFilter(all, { ...NO_FILTER, room: "Hall B" }, null))).toEqual([2]);
    expect(ids(applyFilter(all, { ...NO_FILTER, day: "2026-12-05", kind: "education" }, null))).toEqual([]);
  });

  it("treats sessions without a room or track as their own option", () => {
    expect(ids(applyFilter(all, { ...NO_FILTER, room: NONE }, null))).toEqual([4]);
    expect(ids(applyFilter(all, { ...NO_FILTER, track: NONE }, null))).toEqual([4]);
  });

  it("intersects with search results and keeps their rank, best first", () => {
    // The search ranked 4 over 2 over 3; 4 is on Sunday and the day filter removes it.
    const ranked = [4, 2, 99, 3];
    expect(ids(applyFilter(all, NO_FILTER, ranked))).toEqual([4, 2, 3]);
    expect(ids(applyFilter(all, { ...NO_FILTER, day: "2026-12-05" }, ranked))).toEqual([2, 3]);
    expect(ids(applyFilter(all, { ...NO_FILTER, day: "2026-12-05" }, []))).toEqual([]);
  });
});

describe("counts", () => {
  it("counts each facet's values under the other filters", () => {
    const f = { ...NO_FILTER, day: "2026-12-05", kind: "oral" as const };
    expect(facetOptions(all, f, "track")).toEqual([
      { value: "AML", count: 1 },
      { value: "Myeloma", count: 1 },
    ]);
    // The kind select ignores its own choice, so the other kinds stay offered with their counts.
    expect(facetOptions(all, f, "kind")).toEqual([
      { value: "oral", count: 2 },
      { value: "poster", count: 1 },
    ]);
  });

  it("keeps a chosen value offered when nothing is left of it, and lists 'none' last", () => {
    expect(facetOptions(all, { ...NO_FILTER, day: "2026-12-06", room: "Hall B" }, "room")).toEqual([
      { value: "Hall B", count: 0 },
      { value: NONE, count: 1 },
    ]);
  });

  it("counts sessions per day under the filters", () => {
    const counts = dayCounts(all, { ...NO_FILTER, day: "2026-12-05", track: "AML" });
    expect([...counts]).toEqual([["2026-12-05", 2]]);
  });
});

describe("days of the program", () => {
  it("adds session days outside the congress dates (a pre-congress satellite)", () => {
    const early = session({ starts_at: "2026-12-04T18:00:00-05:00", ends_at: "2026-12-04T20:00:00-05:00" });
    expect(programDays(["2026-12-05", "2026-12-06"], [early, a])).toEqual(["2026-12-04", "2026-12-05", "2026-12-06"]);
  });

  it("opens on today while the congress runs (by its zone), else on its first day", () => {
    const days = ["2026-12-05", "2026-12-06", "2026-12-07"];
    // 03:00 UTC on the 7th is still the 6th in New York.
    expect(defaultDay(days, "America/New_York", new Date("2026-12-07T03:00:00Z"))).toBe("2026-12-06");
    expect(defaultDay(days, "America/New_York", new Date("2026-11-20T12:00:00Z"))).toBe("2026-12-05");
  });
});

describe("listRows and agendaDays", () => {
  it("starts a group at each new start time, and none for ranked results", () => {
    expect(listRows([a, b, c], true).map((r) => r.groupStart)).toEqual([true, false, true]);
    expect(listRows([a, b, c], false).map((r) => r.groupStart)).toEqual([false, false, false]);
  });

  it("gathers attending and maybe sessions by day, in time order", () => {
    const marked = [
      { ...c, attendance: "maybe" as const },
      { ...d, attendance: "attending" as const },
      { ...a, attendance: "attending" as const },
      b,
    ];
    expect(agendaDays(marked).map(({ day, sessions }) => [day, ids(sessions)])).toEqual([
      ["2026-12-05", [1, 3]],
      ["2026-12-06", [4]],
    ]);
  });
});
