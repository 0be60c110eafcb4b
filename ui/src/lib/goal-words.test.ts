// Why: what a goal says about itself — what it counts, "2 of 3", due and overdue in venue time —
// and how the goal form becomes a draft, pinned once so the cards, Today and the form agree.
import { describe, expect, it } from "vitest";
import {
  alreadyAdopted,
  countsText,
  draftFromForm,
  dueDays,
  dueLine,
  formFromGoal,
  goalProblems,
  manualControl,
  metSummary,
  progressShare,
  progressText,
  ruleUses,
} from "./goal-words";
import { goal, starterSet } from "../testing/fake-goals";

const none = { why: null, keyword: null, session_kind: null };

describe("what a goal counts, in words", () => {
  it("names each rule with its narrowing", () => {
    expect(countsText("targets_met", { ...none, why: "mentor" })).toBe("Counts mentor targets you've met.");
    expect(countsText("targets_met", none)).toBe("Counts targets you've met.");
    expect(countsText("interactions_logged", { ...none, why: "cooperative_group" })).toBe(
      "Counts cooperative-group targets you've logged a conversation with.",
    );
    expect(countsText("interactions_logged", none)).toBe("Counts people you've logged a conversation with.");
    expect(countsText("sessions_attended", { ...none, keyword: " myeloma " })).toBe("Counts sessions you attend mentioning “myeloma”.");
    expect(countsText("sessions_attended", { ...none, session_kind: "poster" })).toBe("Counts poster sessions you attend.");
    expect(countsText("sessions_attended", { ...none, session_kind: "social", keyword: "trainee" })).toBe(
      "Counts social events you attend mentioning “trainee”.",
    );
    expect(countsText("meetings_done", none)).toBe("Counts meetings marked done.");
    expect(countsText("follow_ups_done", none)).toBe("Counts follow-ups marked done.");
    expect(countsText("manual", none)).toBe("Ticked by hand.");
  });

  it("shows the narrowings a rule reads and nothing else", () => {
    expect(ruleUses("targets_met")).toEqual({ why: true, keyword: false, kind: false });
    expect(ruleUses("sessions_attended")).toEqual({ why: false, keyword: true, kind: true });
    expect(ruleUses("manual")).toEqual({ why: false, keyword: false, kind: false });
  });
});

describe("progress and due times", () => {
  it("says 2 of 3, fills the bar no further than full, and sums up what is met", () => {
    expect(progressText({ progress: 2, target: 3 })).toBe("2 of 3");
    expect(progressShare({ progress: 2, target: 4 })).toBe(0.5);
    expect(progressShare({ progress: 7, target: 3 })).toBe(1);
    expect(metSummary([{ met: true }, { met: false }, { met: true }])).toBe("2 of 3 goals met");
    expect(metSummary([{ met: false }])).toBe("0 of 1 goal met");
  });

  it("gives manual goals a checkbox for one and a stepper for more", () => {
    expect(manualControl({ rule: "manual", target: 1 })).toBe("check");
    expect(manualControl({ rule: "manual", target: 3 })).toBe("stepper");
    expect(manualControl({ rule: "targets_met", target: 1 })).toBeNull();
  });

  it("reads the due time on the venue clock and marks it overdue only when passed and not met", () => {
    const due = "2026-12-06T18:00:00-05:00";
    const before = Date.parse("2026-12-06T12:00:00-05:00");
    const after = Date.parse("2026-12-07T09:00:00-05:00");
    expect(dueLine({ due_at: due, met: false }, "America/New_York", before)).toEqual({ text: "Due Sun 6 Dec, 18:00 EST", overdue: false });
    expect(dueLine({ due_at: due, met: false }, "America/New_York", after)).toEqual({ text: "Overdue: due Sun 6 Dec, 18:00 EST", overdue: true });
    expect(dueLine({ due_at: due, met: true }, "America/New_York", after)?.overdue).toBe(false);
    expect(dueLine({ due_at: null, met: false }, "America/New_York", after)).toBeNull();
  });
});

describe("the goal form", () => {
  it("starts from a goal and sends only the narrowings its rule reads", () => {
    const g = goal({ title: "Attend myeloma", rule: "sessions_attended", params: { why: "mentor", keyword: "myeloma", session_kind: "oral" }, target: 6, due_at: "2026-12-07T17:30:00-05:00" });
    const form = formFromGoal(g);
    expect(form).toMatchObject({ keyword: "myeloma", kind: "oral", target: "6", dueDay: "2026-12-07", dueTime: "17:30" });
    expect(draftFromForm(form, 1)).toEqual({
      draft: {
        congress_id: 1,
        title: "Attend myeloma",
        rule: "sessions_attended",
        params: { why: null, keyword: "myeloma", session_kind: "oral" },
        target: 6,
        due_local: "2026-12-07T17:30:00",
      },
    });
    expect(draftFromForm({ ...form, rule: "targets_met", why: "mentor" }, 1)).toMatchObject({ draft: { params: { why: "mentor", keyword: null, session_kind: null } } });
  });

  it("sends an unreadable number as 0 for the core to refuse, and names a bad due time itself", () => {
    const form = formFromGoal(null);
    expect(draftFromForm({ ...form, target: "2.5" }, 1)).toMatchObject({ draft: { target: 0, due_local: null } });
    expect(draftFromForm({ ...form, dueDay: "2026-12-06", dueTime: "25:00" }, 1)).toEqual({
      problem: { field: "due", message: "Give the time as HH:MM, e.g. 18:00, or choose no due day." },
    });
    expect(draftFromForm({ ...form, dueDay: "2026-12-06", dueTime: "930" }, 1)).toMatchObject({ draft: { due_local: "2026-12-06T09:30:00" } });
  });

  it("files problems by field and offers the congress days and the week after", () => {
    expect(goalProblems([{ field: "title", message: "Say it." }, { field: "target", message: "1 to 1,000." }, { field: "congress_id", message: "Stays." }])).toEqual({
      title: "Say it.",
      target: "1 to 1,000.",
      "": "Stays.",
    });
    const days = dueDays("2026-12-05", "2026-12-08", "");
    expect(days[0]).toBe("2026-12-05");
    expect(days.at(-1)).toBe("2026-12-15");
    expect(dueDays("2026-12-05", "2026-12-08", "2026-11-20")[0]).toBe("2026-11-20");
  });

  it("knows a starter already adopted by its title", () => {
    const [mentors] = starterSet();
    expect(alreadyAdopted(mentors!, [goal({ title: "Meet 3 potential mentors" })])).toBe(true);
    expect(alreadyAdopted(mentors!, [goal({ title: "Something else" })])).toBe(false);
  });
});
