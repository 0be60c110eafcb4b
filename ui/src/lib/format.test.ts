// Why: dates and counts are what the user reads first; these pin the exact wording.
import { describe, expect, it } from "vitest";
import { congressSummary, contentsPhrase, deleteCongressMessage, formatDateRange, joinWords, sentenceCase } from "./format";
import { congress } from "../testing/fake-backend";

const none = { sessions: 0, targets: 0, meetings: 0, goals: 0, pitches: 0 };

describe("formatDateRange", () => {
  it("collapses month and year within one month", () => {
    expect(formatDateRange("2026-12-05", "2026-12-08")).toBe("Dec 5–8, 2026");
  });
  it("names both months across a month end", () => {
    expect(formatDateRange("2026-11-30", "2026-12-03")).toBe("Nov 30 – Dec 3, 2026");
  });
  it("names both years across a year end", () => {
    expect(formatDateRange("2026-12-30", "2027-01-02")).toBe("Dec 30, 2026 – Jan 2, 2027");
  });
  it("shows a one-day congress once", () => {
    expect(formatDateRange("2027-06-10", "2027-06-10")).toBe("Jun 10, 2027");
  });
  it("shows unreadable input as given instead of hiding it", () => {
    expect(formatDateRange("2026-13-01", "2026-12-08")).toBe("2026-13-01 – 2026-12-08");
    expect(formatDateRange("", "2026-12-08")).toBe("2026-12-08");
  });
});

describe("congressSummary", () => {
  it("joins dates, city and zone", () => {
    expect(congressSummary(congress())).toBe("Dec 5–8, 2026 · San Diego · America/Los_Angeles");
  });
  it("leaves out a missing city", () => {
    expect(congressSummary(congress({ city: null }))).toBe("Dec 5–8, 2026 · America/Los_Angeles");
  });
});

describe("sentence case", () => {
  it("capitalises words written to run on, where they start a line", () => {
    expect(sentenceCase("every 3 months")).toBe("Every 3 months");
    expect(sentenceCase("no contact logged yet")).toBe("No contact logged yet");
    expect(sentenceCase("")).toBe("");
  });
});

describe("delete wording", () => {
  it("joins words the English way", () => {
    expect(joinWords([])).toBe("");
    expect(joinWords(["a"])).toBe("a");
    expect(joinWords(["a", "b"])).toBe("a and b");
    expect(joinWords(["a", "b", "c"])).toBe("a, b and c");
  });

  it("counts only what exists, with singulars and plurals", () => {
    expect(contentsPhrase({ ...none, sessions: 812, targets: 14, meetings: 3 })).toBe(
      "812 sessions, 14 targets and 3 meetings",
    );
    expect(contentsPhrase({ ...none, targets: 1, goals: 1, pitches: 2 })).toBe(
      "1 target, 1 goal and 2 pitches",
    );
    expect(contentsPhrase({ ...none, sessions: 8123 })).toBe("8,123 sessions");
    expect(contentsPhrase(none)).toBe("");
  });

  it("names the congress and what goes with it", () => {
    expect(deleteCongressMessage("ASH 2026", { ...none, sessions: 812, targets: 14, meetings: 3 })).toBe(
      "This deletes ASH 2026 and its 812 sessions, 14 targets and 3 meetings. This cannot be undone.",
    );
  });

  it("says so when nothing was planned yet", () => {
    expect(deleteCongressMessage("EHA 2027", none)).toBe("This deletes EHA 2027. Nothing has been planned for it yet.");
  });

  it("still warns when the contents could not be counted", () => {
    expect(deleteCongressMessage("EHA 2027", null)).toBe(
      "This deletes EHA 2027 and everything planned for it. This cannot be undone.",
    );
  });
});
