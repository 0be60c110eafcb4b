// Why: which congress gets planned after a delete, and which problems show while typing, are rules
// the user feels; these pin them.
import { describe, expect, it } from "vitest";
import { draftFromCongress, emptyDraft, nextCongressId, sortCongresses, visibleProblems } from "./congress";
import { congress } from "../testing/fake-backend";

const past = congress({ id: 1, starts_on: "2025-06-12", ends_on: "2025-06-15" });
const older = congress({ id: 2, starts_on: "2024-12-07", ends_on: "2024-12-10" });
const running = congress({ id: 3, starts_on: "2026-06-10", ends_on: "2026-06-14" });
const later = congress({ id: 4, starts_on: "2026-12-05", ends_on: "2026-12-08" });

describe("choosing a congress", () => {
  it("lists running and upcoming first (soonest first), then past (latest first)", () => {
    expect(sortCongresses([older, later, past, running], "2026-06-12").map((c) => c.id)).toEqual([3, 4, 1, 2]);
  });

  it("picks the running or next congress, skipping the one being deleted", () => {
    expect(nextCongressId([older, later, past, running], "2026-06-12")).toBe(3);
    expect(nextCongressId([older, later, past, running], "2026-06-12", 3)).toBe(4);
  });

  it("falls back to the latest past congress, then to none", () => {
    expect(nextCongressId([older, past], "2026-06-12")).toBe(1);
    expect(nextCongressId([past], "2026-06-12", 1)).toBeNull();
  });
});

describe("visibleProblems", () => {
  const problems = [
    { field: "name", message: "A congress needs a name." },
    { field: "ends_on", message: "The end date is before the start date." },
    { field: "", message: "Something about the whole draft." },
  ];

  it("keeps quiet about empty fields the user has not reached yet", () => {
    const draft = { ...emptyDraft(), ends_on: "2026-12-01" };
    expect(visibleProblems(problems, draft, {}, false)).toEqual({
      ends_on: "The end date is before the start date.",
      "": "Something about the whole draft.",
    });
  });

  it("shows a touched field's problem even when it is empty", () => {
    expect(visibleProblems(problems, emptyDraft(), { name: true }, false).name).toBe("A congress needs a name.");
  });

  it("shows everything after a save attempt, joining several messages per field", () => {
    const shown = visibleProblems(
      [...problems, { field: "name", message: "Keep it under 200 characters." }],
      emptyDraft(),
      {},
      true,
    );
    expect(shown.name).toBe("A congress needs a name. Keep it under 200 characters.");
  });

  it("round-trips a saved congress into a draft", () => {
    const d = draftFromCongress(congress({ hashtags: ["#ASH26", "#hematology"], venue: null }));
    expect(d.hashtags).toBe("#ASH26 #hematology");
    expect(d.venue).toBe("");
  });
});
