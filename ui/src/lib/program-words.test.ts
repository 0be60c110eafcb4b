// Why: after an import the user reads one sentence to know what happened; after a failure, where
// in which file. These pin that wording, the clash lookup and the grid's venue-time blocks.
import { describe, expect, it } from "vitest";
import { clashesOf, report, session } from "../testing/fake-backend";
import { clashesBySession } from "./clashes";
import { gridModel, POSTER_BLOCK_MIN } from "./program-grid";
import {
  importErrorText,
  importReportText,
  overlapText,
  progressText,
  skippedItemText,
  skippedSummary,
} from "./program-words";

describe("import wording", () => {
  it("reports what an import did, naming the file and its format", () => {
    const r = report({ format: "frab_xml", added: 812, updated: 3, unchanged: 0, withdrawn: 2, people_added: 154 });
    expect(importReportText(r, "/home/doc/Downloads/schedule.xml")).toBe(
      "Imported from schedule.xml (frab XML): 812 added, 3 updated, 0 unchanged, 2 withdrawn; 154 new people",
    );
    expect(importReportText(report({ format: "ics", added: 1, people_added: 1 }), "C:\\Users\\doc\\ash.ics")).toBe(
      "Imported from ash.ics (iCalendar): 1 added, 0 updated, 0 unchanged, 0 withdrawn; 1 new person",
    );
  });

  it("says how many items were skipped, and lists each with its day, line and reason", () => {
    const item = { title: "Opening party", starts_at: "2025-12-05T20:00:00-05:00", line: 42, reason: "outside_dates" as const };
    const r = report({ format: "ics", added: 4, skipped: 62, skipped_items: [item] });
    expect(importReportText(r, "/tmp/shared.ics")).toBe(
      "Imported from shared.ics (iCalendar): 4 added, 0 updated, 0 unchanged, 0 withdrawn; 0 new people; 62 skipped",
    );
    expect(skippedItemText(item)).toBe("Fri 5 Dec 2025 20:00 · Opening party · line 42 · outside the congress days");
    expect(skippedSummary(r)).toBe("Show the 62 skipped items (the first 1 listed)");
    expect(skippedSummary(report({ skipped: 1, skipped_items: [item] }))).toBe("Show the skipped item");
    const reply = { title: "Reply", starts_at: null, line: 7, reason: "no_start" as const };
    expect(skippedItemText(reply)).toBe("No start · Reply · line 7 · the event has no start (DTSTART)");
  });

  it("reports the sample program without a file", () => {
    expect(importReportText(report({ format: "sample", added: 40, people_added: 24 }), null)).toBe(
      "Loaded the sample program: 40 added, 0 updated, 0 unchanged, 0 withdrawn; 24 new people",
    );
  });

  it("says where a file is broken: file and line", () => {
    const error = { kind: "import" as const, message: "expected </event>, found </day>", file: "/tmp/schedule.xml", line: 1412 };
    expect(importErrorText(error, "/tmp/schedule.xml")).toBe(
      "Could not import schedule.xml, line 1,412: expected </event>, found </day>. Nothing was changed.",
    );
    expect(importErrorText({ ...error, line: null, message: "Not a program file." }, null)).toBe(
      "Could not import schedule.xml: Not a program file. Nothing was changed.",
    );
  });

  it("says a cancelled import changed nothing", () => {
    expect(importErrorText({ kind: "cancelled", message: "cancelled" }, "/tmp/a.ics")).toBe("Import cancelled; nothing was changed.");
  });

  it("counts progress in sessions", () => {
    expect(progressText(1200, 9000)).toBe("1,200 of 9,000 sessions");
    expect(progressText(0, 0)).toBe("Reading the file…");
  });
});

describe("clashesBySession", () => {
  it("marks both sessions of each overlapping pair with the overlap", () => {
    const a = session({ id: 1, attendance: "attending", starts_at: "2026-12-05T10:00:00-05:00", ends_at: "2026-12-05T11:30:00-05:00" });
    const b = session({ id: 2, attendance: "attending", starts_at: "2026-12-05T11:00:00-05:00", ends_at: "2026-12-05T12:00:00-05:00" });
    const c = session({ id: 3, attendance: "maybe", starts_at: "2026-12-05T11:00:00-05:00", ends_at: "2026-12-05T12:00:00-05:00" });
    const map = clashesBySession(clashesOf([a, b, c]));
    expect(map.get(1)).toEqual([{ with: 2, overlapStartsAt: b.starts_at, overlapEndsAt: a.ends_at }]);
    expect(map.get(2)?.map((n) => n.with)).toEqual([1]);
    expect(map.has(3)).toBe(false);
    expect(overlapText("11:00–11:30 EST", "Oral abstracts — AML")).toBe("overlaps 11:00–11:30 EST with Oral abstracts — AML");
  });
});

describe("gridModel", () => {
  const day = "2026-12-05";
  it("places sessions at venue wall-clock time in their rooms, with the hours worth drawing", () => {
    const s = session({ id: 7, room: "Hall B", starts_at: "2026-12-05T08:30:00-05:00", ends_at: "2026-12-05T18:15:00-05:00" });
    const m = gridModel([s], day, "America/New_York");
    expect(m.events[0]).toMatchObject({ id: "7", resourceIds: ["Hall B"], start: "2026-12-05T08:30:00", end: "2026-12-05T18:15:00" });
    expect([m.slotMinTime, m.slotMaxTime, m.offset]).toEqual(["08:00:00", "19:00:00", "-05:00"]);
    expect(m.resources).toEqual([{ id: "Hall B", title: "Hall B" }]);
  });

  it("draws a hall of posters sharing a slot as one block", () => {
    const posters = Array.from({ length: POSTER_BLOCK_MIN }, (_, i) =>
      session({ id: 20 + i, kind: "poster", room: "Poster Hall", starts_at: "2026-12-05T17:30:00-05:00", ends_at: "2026-12-05T19:30:00-05:00" }),
    );
    const m = gridModel(posters, day, "America/New_York");
    expect(m.events).toHaveLength(1);
    expect(m.events[0]?.title).toBe(`${POSTER_BLOCK_MIN} posters`);
    expect(m.events[0]?.extendedProps.sessionIds).toEqual(posters.map((p) => p.id));
  });
});
