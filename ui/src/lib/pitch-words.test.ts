// Why: the editor's live count must agree with the saved one, so these pin the TS count and time
// to the core's own test cases (pitches.rs) and a few harder tokens, then the words a pitch shows.
import { describe, expect, it } from "vitest";
import { byAudience, draftFromForm, fit, formFromPitch, liveTiming, pitchProblems, scopeText, speakingSeconds, timingText, wordCount } from "./pitch-words";
import { pitch } from "../testing/fake-goals";

describe("pitch timing, as the core counts it", () => {
  it("counts whitespace-separated tokens that hold a letter or digit", () => {
    expect(wordCount("I study MRD-guided CAR-T — in myeloma, 2.5 years.")).toBe(8);
    expect(wordCount("  \n ")).toBe(0);
    expect(wordCount("")).toBe(0);
    expect(wordCount("– — … ?! 1 é 血液 ٣")).toBe(4);
    expect(wordCount("tab\tnew\nline\u00a0nbsp\u2003em")).toBe(5);
  });

  it("rounds speaking time half up, and a zero rate reads as one word a minute", () => {
    expect(speakingSeconds(130, 130)).toBe(60);
    expect(speakingSeconds(65, 130)).toBe(30);
    expect(speakingSeconds(100, 130)).toBe(46);
    expect(speakingSeconds(1, 0)).toBe(60);
    expect(speakingSeconds(128, 130)).toBe(59);
    expect(speakingSeconds(13, 120)).toBe(7); // 6.5 rounds up
  });

  it("times a form live, falling back to 130 wpm while the rate is unreadable", () => {
    const body = Array.from({ length: 128 }, (_, i) => `w${i}`).join(" ");
    expect(liveTiming({ body, wordsPerMinute: 130 })).toEqual({ words: 128, seconds: 59 });
    expect(liveTiming({ body, wordsPerMinute: Number.NaN })).toEqual({ words: 128, seconds: 59 });
    expect(liveTiming({ body, wordsPerMinute: 160 })).toEqual({ words: 128, seconds: 48 });
  });
});

describe("what a pitch says about itself", () => {
  it("reads its timing and fit in words", () => {
    expect(timingText(128, 59, 60)).toBe("128 words · 59 s of 60 s");
    expect(timingText(1, 0, 30)).toBe("1 word · 0 s of 30 s");
    expect(fit(150, 69, 60)).toEqual({ state: "over", text: "9 s over" });
    expect(fit(130, 60, 60)).toEqual({ state: "fits", text: "Fits exactly" });
    expect(fit(128, 59, 60)).toEqual({ state: "fits", text: "Fits, 1 s to spare" });
    expect(fit(0, 0, 60)).toEqual({ state: "empty", text: "No words yet" });
  });

  it("says which congress it is for and groups by audience in a fixed order", () => {
    expect(scopeText({ congress_id: null })).toBe("Any congress");
    expect(scopeText({ congress_id: 1 })).toBe("For this congress");
    const list = [
      pitch({ id: 1, audience: "industry", title: "Booth" }),
      pitch({ id: 2, audience: "mentor", title: "b mentor" }),
      pitch({ id: 3, audience: "mentor", title: "A mentor" }),
    ];
    expect(byAudience(list).map((g) => [g.audience, g.pitches.map((p) => p.id)])).toEqual([
      ["mentor", [3, 2]],
      ["industry", [1]],
    ]);
  });

  it("turns the form into a draft: trimmed, for this congress only when asked, numbers whole", () => {
    const form = { ...formFromPitch(null), title: "  To a mentor ", body: " Hello there ", targetSeconds: 90, wordsPerMinute: 140.4 };
    expect(draftFromForm(form, 7)).toEqual({ congress_id: null, audience: "mentor", title: "To a mentor", body: "Hello there", target_seconds: 90, words_per_minute: 140 });
    expect(draftFromForm({ ...form, congressOnly: true, targetSeconds: Number.NaN }, 7)).toMatchObject({ congress_id: 7, target_seconds: 0 });
    expect(formFromPitch(pitch({ congress_id: null })).congressOnly).toBe(false);
    expect(formFromPitch(null).wordsPerMinute).toBe(130);
  });

  it("files the core's problems by field", () => {
    expect(
      pitchProblems([
        { field: "title", message: "Name it." },
        { field: "words_per_minute", message: "60 to 250." },
        { field: "congress_id", message: "Gone." },
      ]),
    ).toEqual({ title: "Name it.", words_per_minute: "60 to 250.", "": "Gone." });
  });
});
