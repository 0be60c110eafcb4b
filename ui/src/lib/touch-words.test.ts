// Why: Keep in touch speaks in days and cadences, where an off-by-one or a month's end reads
// wrong at once ("Overdue by 1 days", a snooze to 31 February); these pin the words and the
// calendar sums the screens and the core must agree on. The words a person's page shares (a
// cadence, the last contact, where we met) are pinned in relation-words.test.ts.
import { describe, expect, it } from "vitest";
import { problemsByField } from "./relation-words";
import {
  addDays,
  addMonths,
  daysToGoText,
  dueText,
  GROUP_CADENCE_FIELDS,
  groupCadenceFormProblem,
  groupCheckIns,
  introLine,
  membersText,
  notContactedText,
  roleLine,
  snoozeChoices,
  sourceText,
} from "./touch-words";
import { checkIn, introduction } from "../testing/fake-touch";

describe("calendar days", () => {
  it("adds days across months and years", () => {
    expect(addDays("2026-06-17", 7)).toBe("2026-06-24");
    expect(addDays("2026-12-28", 7)).toBe("2027-01-04");
  });

  it("adds months clamped to the month's end, as the core does", () => {
    expect(addMonths("2026-01-31", 1)).toBe("2026-02-28");
    expect(addMonths("2028-01-31", 1)).toBe("2028-02-29");
    expect(addMonths("2026-12-15", 1)).toBe("2027-01-15");
    expect(addMonths("2028-02-29", 12)).toBe("2029-02-28");
    expect(addDays("soon", 7)).toBe("soon");
  });
});

describe("check-ins", () => {
  it("says when one is due, overdue in days then weeks, or snoozed", () => {
    expect(dueText(checkIn({ overdue_days: 9 }))).toBe("Overdue by 9 days");
    expect(dueText(checkIn({ overdue_days: 1 }))).toBe("Overdue by 1 day");
    expect(dueText(checkIn({ overdue_days: 30 }))).toBe("Overdue by 4 weeks");
    expect(dueText(checkIn({ overdue_days: 0 }))).toBe("Due today");
    expect(dueText(checkIn({ overdue_days: -1, due_on: "2026-06-18" }))).toBe("Due tomorrow");
    expect(dueText(checkIn({ overdue_days: -5, due_on: "2026-06-22" }))).toBe("Due in 5 days · Mon 22 Jun");
    expect(dueText(checkIn({ overdue_days: -7, due_on: "2026-06-24", snoozed_until: "2026-06-24" }))).toBe("Snoozed until Wed 24 Jun");
  });

  it("says where the cadence comes from, in words that run on in a sentence", () => {
    expect(sourceText({ kind: "person" })).toBe("set for them");
    expect(sourceText({ kind: "relationship", why: "mentor" })).toBe("all mentors");
    expect(sourceText({ kind: "relationship", why: "cooperative_group" })).toBe("all cooperative group contacts");
    expect(sourceText({ kind: "tag", tag: "collaborator" })).toBe("tag “collaborator”");
  });

  it("groups due now (as the core orders them) before those coming up (soonest first)", () => {
    const late = checkIn({ person_id: 1, state: "losing_touch", overdue_days: 40 });
    const today = checkIn({ person_id: 2, state: "due" });
    const later = checkIn({ person_id: 3, state: "upcoming", due_on: "2026-06-28", overdue_days: -11 });
    const sooner = checkIn({ person_id: 4, state: "upcoming", due_on: "2026-06-20", overdue_days: -3 });
    const groups = groupCheckIns([late, today, later, sooner]);
    expect(groups.map((g) => [g.key, g.label, g.items.map((c) => c.person_id)])).toEqual([
      ["due", "Due now", [1, 2]],
      ["upcoming", "Coming up in the next two weeks", [4, 3]],
    ]);
    expect(groupCheckIns([])).toEqual([]);
  });

  it("offers 1 week, 2 weeks and 1 month from the user's day", () => {
    expect(snoozeChoices("2026-01-31").map((c) => [c.until, c.label])).toEqual([
      ["2026-02-07", "1 week · until Sat 7 Feb"],
      ["2026-02-14", "2 weeks · until Sat 14 Feb"],
      ["2026-02-28", "1 month · until Sat 28 Feb"],
    ]);
  });
});

describe("introductions and groups", () => {
  it("says who to introduce to whom", () => {
    expect(introLine(introduction())).toBe("Introduce Ana Sánchez to Ben Okafor");
    expect(introLine(introduction({ to: null }))).toBe("Introduce Ana Sánchez");
  });

  it("names groups as a cadence's source does, and counts their people", () => {
    expect(sourceText({ kind: "relationship", why: "mentor" })).toBe("all mentors");
    expect(sourceText({ kind: "tag", tag: "collaborator" })).toBe("tag “collaborator”");
    expect(membersText(0)).toBe("nobody yet");
    expect(membersText(1)).toBe("1 person");
    expect(membersText(1200)).toBe("1,200 people");
  });

  it("says what is wrong with the group form before it is sent, and sorts the core's problems by field", () => {
    expect(groupCadenceFormProblem("3", "relationship", "")).toBeNull();
    expect(groupCadenceFormProblem("0", "relationship", "")).toEqual({ field: "every", message: "Write how many: a whole number from 1." });
    expect(groupCadenceFormProblem("2.5", "relationship", "")?.field).toBe("every");
    expect(groupCadenceFormProblem("3", "tag", " ")).toEqual({ field: "tag", message: "Type the tag, as on people's pages (collaborator)." });
    expect(groupCadenceFormProblem("3", "tag", "two words")?.message).toBe("“two words” is not a tag: a tag is one word, as on people's pages.");
    expect(
      problemsByField(
        [
          { field: "every", message: "Too long." },
          { field: "group", message: "Odd." },
        ],
        GROUP_CADENCE_FIELDS,
      ),
    ).toEqual({ every: "Too long.", "": "Odd." });
  });
});

describe("the program, and the next congress", () => {
  it("writes a part in the program with its venue time, room and board", () => {
    const at = { starts_at: "2026-12-05T10:30:00-05:00", room: "Room 6A", board: null };
    expect(roleLine({ ...at, role: "speaker" })).toBe("Speaks Sat 10:30 · Room 6A");
    expect(roleLine({ ...at, role: "chair", room: null })).toBe("Chairs Sat 10:30");
    expect(roleLine({ ...at, role: "author", board: "I-123", room: "Hall G" })).toBe("Poster I-123 · Sat 10:30 · Hall G");
    expect(roleLine({ ...at, role: "moderator" })).toBe("Moderator Sat 10:30 · Room 6A");
  });

  it("counts down to the next congress and its targets", () => {
    expect(daysToGoText(0)).toBe("starts today");
    expect(daysToGoText(1)).toBe("starts tomorrow");
    expect(daysToGoText(12)).toBe("in 12 days");
    expect(notContactedText(3, 12)).toBe("3 of 12 targets not contacted yet");
    expect(notContactedText(1, 1)).toBe("1 of 1 target not contacted yet");
    expect(notContactedText(0, 12)).toBe("All 12 targets contacted");
    expect(notContactedText(0, 0)).toBe("No targets yet");
  });
});
