// Why: a person's page says in one line whether the relationship is kept, and the words must not
// drift: cadences ("every 3 months"), where a cadence comes from, the check-in line in each state,
// where we met, introductions seen from either side, and problems sorted by field. Keep in touch,
// the target cards, Today and Reconnect say the same words, so they are pinned here once.
import { describe, expect, it } from "vitest";
import type { CheckIn, Introduction } from "./bindings";
import {
  CADENCE_PRESETS,
  cadenceCode,
  cadenceText,
  checkInHeadline,
  checkInLine,
  customEveryProblem,
  encounterLine,
  fullDay,
  introMeta,
  introOther,
  introText,
  lastContactText,
  lastMetText,
  loggedText,
  noCadenceLine,
  problemsByField,
  settingChoice,
  shortDay,
  sourceLine,
  spanText,
  unitName,
} from "./relation-words";
import { encounter, introduction } from "../testing/fake-person-relations";

const TODAY = "2026-12-07";

const checkIn = (overrides: Partial<CheckIn> = {}): CheckIn => ({
  person_id: 1,
  display_name: "Ana Sánchez",
  institution: null,
  cadence: { every: 3, unit: "month" },
  source: { kind: "person" },
  last_contact: "2026-12-05",
  due_on: "2027-01-12",
  overdue_days: -36,
  state: "upcoming",
  snoozed_until: null,
  ...overrides,
});

describe("days", () => {
  it("drops the year only in today's year", () => {
    expect(fullDay("2026-12-07")).toBe("7 Dec 2026");
    expect(shortDay("2026-12-05", TODAY)).toBe("5 Dec");
    expect(shortDay("2027-01-12", TODAY)).toBe("12 Jan 2027");
    expect(shortDay("oops", TODAY)).toBe("oops");
    expect(fullDay("soon")).toBe("soon");
  });
});

describe("cadence", () => {
  it("says a cadence in words and in the form the core reads", () => {
    expect(cadenceText({ every: 3, unit: "month" })).toBe("every 3 months");
    expect(cadenceText({ every: 1, unit: "month" })).toBe("every month");
    expect(cadenceText({ every: 1, unit: "week" })).toBe("every week");
    expect(cadenceText({ every: 90, unit: "day" })).toBe("every 90 days");
    expect(cadenceCode({ every: 12, unit: "week" })).toBe("12w");
    expect(cadenceCode({ every: 3, unit: "month" })).toBe("3m");
    expect(cadenceCode({ every: 90, unit: "day" })).toBe("90d");
    expect(unitName("week")).toBe("weeks");
  });

  it("offers the usual cadences, each line starting with a capital", () => {
    expect(CADENCE_PRESETS).toEqual([
      { code: "2w", label: "Every 2 weeks" },
      { code: "1m", label: "Every month" },
      { code: "3m", label: "Every 3 months" },
      { code: "6m", label: "Every 6 months" },
      { code: "12m", label: "Every 12 months" },
    ]);
  });

  it("shows a person's own setting as a choice of the select", () => {
    expect(settingChoice({ kind: "group" })).toBe("group");
    expect(settingChoice({ kind: "off" })).toBe("off");
    expect(settingChoice({ kind: "every", cadence: { every: 3, unit: "month" } })).toBe("3m");
    expect(settingChoice({ kind: "every", cadence: { every: 2, unit: "week" } })).toBe("2w");
    expect(settingChoice({ kind: "every", cadence: { every: 5, unit: "week" } })).toBe("custom");
    expect(settingChoice({ kind: "every", cadence: { every: 90, unit: "day" } })).toBe("custom");
  });

  it("checks a custom number before it is sent", () => {
    expect(customEveryProblem("5")).toBeNull();
    for (const bad of ["", " ", "0", "-2", "1.5", "x"]) expect(customEveryProblem(bad)).toBe("Write how many: a whole number from 1.");
  });

  it("says where the cadence comes from", () => {
    const every3 = { every: 3, unit: "month" } as const;
    expect(sourceLine(every3, { kind: "tag", tag: "mentor" })).toBe("From their tag ‘mentor’: every 3 months");
    expect(sourceLine({ every: 6, unit: "month" }, { kind: "relationship", why: "cooperative_group" })).toBe(
      "From their relationship ‘cooperative group’: every 6 months",
    );
    expect(sourceLine(every3, { kind: "person" })).toBe("Set for them: every 3 months");
  });

  it("says why there is no check-in", () => {
    expect(noCadenceLine({ kind: "off" })).toBe("Off: no check-ins for them, whatever their groups say.");
    expect(noCadenceLine({ kind: "group" })).toMatch(/^No cadence yet: choose how often/);
  });
});

describe("the check-in line", () => {
  it("says when it is due and the last contact, with how it was", () => {
    const contacts = [{ on_day: "2026-12-05", kind: "email" as const }];
    expect(checkInLine(checkIn(), TODAY, contacts)).toBe("Due 12 Jan 2027 · last contact 5 Dec (email)");
    expect(checkInLine(checkIn({ due_on: "2026-12-20" }), TODAY, contacts)).toBe("Due 20 Dec · last contact 5 Dec (email)");
    // A done meeting or follow-up is contact too, but not in the list: no kind is said.
    expect(checkInLine(checkIn({ last_contact: "2026-11-02" }), TODAY, contacts)).toBe("Due 12 Jan 2027 · last contact 2 Nov");
    expect(checkInLine(checkIn({ last_contact: null }), TODAY)).toBe("Due 12 Jan 2027 · no contact logged yet");
  });

  it("words each state", () => {
    expect(checkInHeadline(checkIn({ state: "due", overdue_days: 0, due_on: TODAY }), TODAY)).toBe("Due today");
    expect(checkInHeadline(checkIn({ state: "overdue", overdue_days: 9 }), TODAY)).toBe("Overdue by 9 days");
    expect(checkInHeadline(checkIn({ state: "overdue", overdue_days: 1 }), TODAY)).toBe("Overdue by 1 day");
    expect(checkInHeadline(checkIn({ state: "overdue", overdue_days: 30 }), TODAY)).toBe("Overdue by 4 weeks");
    expect(checkInHeadline(checkIn({ state: "losing_touch", overdue_days: 200 }), TODAY)).toBe(
      "Losing touch: no contact for twice their cadence",
    );
    expect(checkInHeadline(checkIn({ snoozed_until: "2027-01-05", overdue_days: -29 }), TODAY)).toBe("Snoozed until 5 Jan 2027");
  });

  it("rounds how long down to what a glance needs", () => {
    expect(spanText(13)).toBe("13 days");
    expect(spanText(14)).toBe("2 weeks");
    expect(spanText(62)).toBe("8 weeks");
    expect(spanText(63)).toBe("2 months");
    expect(spanText(400)).toBe("13 months");
  });

  it("names a note's contact without a kind", () => {
    expect(lastContactText("2026-12-05", "note", TODAY)).toBe("last contact 5 Dec");
    expect(lastContactText("2026-12-05", "video", TODAY)).toBe("last contact 5 Dec (video call)");
  });

  it("names the last contact without its kind when it is not known, and its year when not this one", () => {
    expect(lastContactText("2025-03-17", null, TODAY)).toBe("last contact 17 Mar 2025");
    expect(lastContactText(null, null, TODAY)).toBe("no contact logged yet");
  });

  it("says what was logged", () => {
    expect(loggedText({ kind: "email", on_day: TODAY }, TODAY)).toBe("Logged: email today.");
    expect(loggedText({ kind: "video", on_day: "2026-12-05" }, TODAY)).toBe("Logged: video call on 5 Dec.");
  });
});

describe("where we met", () => {
  it("reads congress, how and where, and the day", () => {
    const coffee = encounter({ meeting_kind: "coffee", place: "Café Bleu", meeting_id: 3 });
    expect(encounterLine(coffee, "ASH 2026")).toBe("ASH 2026 · coffee at Café Bleu · 7 Dec 2026");
    expect(encounterLine(encounter({ meeting_kind: "one_to_one", meeting_id: 3 }), "ASH 2026")).toBe("ASH 2026 · one-to-one · 7 Dec 2026");
    expect(encounterLine(encounter({ on_day: "2025-06-14" }), "EHA 2025")).toBe("EHA 2025 · 14 Jun 2025");
    expect(encounterLine(encounter({ congress_id: null, congress_name: null, kind: "met", on_day: "2026-03-02" }), null)).toBe("2 Mar 2026");
    expect(encounterLine(encounter({ kind: "call" }), "ASH 2026")).toBe("ASH 2026 · call · 7 Dec 2026");
    expect(encounterLine(encounter({ kind: "video", place: "Hall B" }), null)).toBe("at Hall B · 7 Dec 2026");
  });

  it("writes the last encounter as target cards, Today and Reconnect show it", () => {
    const coffee = encounter({ congress_name: "EHA 2025", on_day: "2025-06-14", meeting_kind: "coffee", place: "Café Bleu", meeting_id: 40 });
    expect(lastMetText(coffee)).toBe("Last met: EHA 2025 · coffee at Café Bleu · 14 Jun 2025");
    expect(lastMetText({ ...coffee, place: null })).toBe("Last met: EHA 2025 · coffee · 14 Jun 2025");
    expect(lastMetText(encounter({ congress_name: null, congress_id: null, kind: "video", on_day: "2025-06-14" }))).toBe("Last met: video call · 14 Jun 2025");
  });
});

describe("introductions", () => {
  const ana = { id: 1, display_name: "Ana Sánchez" };
  const ben = { id: 2, display_name: "Ben Okafor" };
  const carl = { id: 3, display_name: "Carl Weiss" };
  const mine = (status: Introduction["status"]) => introduction({ person: ana, to: ben, status });

  it("says mine the same from both people's pages, by status", () => {
    expect(introText(mine("owed"), 1)).toBe("You owe: introduce Ana Sánchez to Ben Okafor");
    expect(introText(mine("owed"), 2)).toBe("You owe: introduce Ana Sánchez to Ben Okafor");
    expect(introText(mine("made"), 1)).toBe("Introduced Ana Sánchez to Ben Okafor");
    expect(introText(mine("declined"), 1)).toBe("Declined: introduce Ana Sánchez to Ben Okafor");
    expect(introOther(mine("owed"), 1)).toBe("Ben Okafor");
    expect(introOther(mine("owed"), 2)).toBe("Ana Sánchez");
  });

  it("says a met-through from the person met and from who introduced us", () => {
    const through = introduction({ person: ana, to: null, through: carl, status: "made" });
    expect(introText(through, 1)).toBe("Met through Carl Weiss");
    expect(introText(through, 3)).toBe("Introduced you to Ana Sánchez");
    expect(introOther(through, 1)).toBe("Carl Weiss");
  });

  it("says when and where, and when it closed", () => {
    expect(introMeta(mine("owed"), "ASH 2026", TODAY)).toBe("Offered 7 Dec · ASH 2026");
    expect(introMeta({ ...mine("made"), closed_on: "2026-12-09" }, null, "2026-12-10")).toBe("Offered 7 Dec · made 9 Dec");
    expect(introMeta(introduction({ through: carl, to: null, status: "made", closed_on: TODAY }), null, TODAY)).toBe("Noted 7 Dec");
    expect(introMeta(introduction({ offered_on: "2025-06-13" }), "EHA 2025", TODAY)).toBe("Offered 13 Jun 2025 · EHA 2025");
  });
});

describe("problems by field", () => {
  it("puts each known field's problems under it and the rest under the form", () => {
    const found = problemsByField(
      [
        { field: "title", message: "Say what it was." },
        { field: "on_day", message: "In the future." },
        { field: "title", message: "Too long." },
        { field: "given_id", message: "Someone else's." },
      ],
      ["title", "on_day", "url"] as const,
    );
    expect(found).toEqual({ title: "Say what it was. Too long.", on_day: "In the future.", "": "Someone else's." });
  });
});
