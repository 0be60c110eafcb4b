// Why: "what do I owe first" must not depend on this computer's zone or the wall clock. These pin
// overdue / today / later against a given now on the follow-up's own clock, the words of each due
// line, the order of the owed list and a congress's list, and the reminder and due instants.
import { describe, expect, it } from "vitest";
import {
  atOffset,
  dayAtOffset,
  draftedLine,
  dueGroup,
  dueLine,
  followUpProblems,
  groupOwed,
  meetingReminderAt,
  reminderMode,
  remindBeforeLabel,
  rowDueLine,
  sortForCongress,
  statusToast,
  withLine,
  zonedInstant,
} from "./follow-up-words";
import { followUp } from "../testing/fake-follow-ups";

// Monday 7 December 2026, 10:00 EST (15:00 UTC).
const NOW = Date.parse("2026-12-07T15:00:00Z");

describe("due moments", () => {
  it("reads the day on the follow-up's own clock", () => {
    expect(atOffset(NOW, "-05:00")).toBe("2026-12-07T10:00:00-05:00");
    expect(atOffset(NOW, "+09:00")).toBe("2026-12-08T00:00:00+09:00");
    expect(dayAtOffset(Date.parse("2026-12-08T03:00:00Z"), "-05:00")).toBe("2026-12-07");
  });

  it("is overdue once the moment has passed, today later on today's date, else later", () => {
    expect(dueGroup("2026-12-06T17:00:00-05:00", NOW)).toBe("overdue");
    expect(dueGroup("2026-12-07T09:59:00-05:00", NOW)).toBe("overdue");
    expect(dueGroup("2026-12-07T10:00:00-05:00", NOW)).toBe("today");
    expect(dueGroup("2026-12-07T23:30:00-05:00", NOW)).toBe("today");
    expect(dueGroup("2026-12-08T00:00:00-05:00", NOW)).toBe("later");
    // 23:30 in Los Angeles on the 7th is the 8th in UTC, but still today there.
    expect(dueGroup("2026-12-07T23:30:00-08:00", NOW)).toBe("today");
  });

  it("says when in words, overdue included", () => {
    expect(dueLine("2026-12-05T11:00:00-05:00", NOW)).toBe("Overdue · due Sat 5 Dec");
    expect(dueLine("2026-12-07T09:00:00-05:00", NOW, "EST")).toBe("Overdue · due today at 09:00 EST");
    expect(dueLine("2026-12-07T17:00:00-05:00", NOW, "EST")).toBe("Due today at 17:00 EST");
    expect(dueLine("2026-12-07T17:00:00-05:00", NOW)).toBe("Due today at 17:00");
    expect(dueLine("2026-12-09T11:00:00-05:00", NOW, "EST")).toBe("Due Wed 9 Dec");
    expect(rowDueLine(followUp({ due_at: "2026-12-05T11:00:00-05:00", status: "done" }), NOW)).toBe("Was due Sat 5 Dec");
  });
});

describe("lists", () => {
  it("groups the owed list overdue, today, later, each earliest first", () => {
    const later = followUp({ id: 1, due_at: "2026-12-10T11:00:00-05:00" });
    const today = followUp({ id: 2, due_at: "2026-12-07T16:00:00-05:00" });
    const old = followUp({ id: 3, due_at: "2026-12-05T11:00:00-05:00" });
    const older = followUp({ id: 4, due_at: "2026-12-04T11:00:00-05:00" });
    const soon = followUp({ id: 5, due_at: "2026-12-08T11:00:00-05:00" });
    const groups = groupOwed([later, today, old, older, soon], NOW);
    expect(groups.map((g) => [g.label, g.items.map((f) => f.id)])).toEqual([
      ["Overdue", [4, 3]],
      ["Due today", [2]],
      ["Later", [5, 1]],
    ]);
    expect(groupOwed([later], NOW).map((g) => g.key)).toEqual(["later"]);
  });

  it("puts a congress's owed follow-ups before the done and dropped", () => {
    const done = followUp({ id: 1, status: "done", due_at: "2026-12-04T11:00:00-05:00" });
    const owed = followUp({ id: 2, due_at: "2026-12-09T11:00:00-05:00" });
    const dropped = followUp({ id: 3, status: "dropped", due_at: "2026-12-03T11:00:00-05:00" });
    const first = followUp({ id: 4, due_at: "2026-12-08T11:00:00-05:00" });
    expect(sortForCongress([done, owed, dropped, first]).map((f) => f.id)).toEqual([4, 2, 3, 1]);
  });
});

describe("words", () => {
  it("names the person and the due day in the done dialog and toasts", () => {
    const f = followUp({ display_name: "Ana Sánchez", due_at: "2026-12-07T11:00:00-05:00" });
    expect(draftedLine(f)).toBe("Follow-up drafted for Ana Sánchez, due Mon 7 Dec");
    expect(statusToast(f, "done")).toBe("Followed up with Ana Sánchez.");
    expect(statusToast(f, "dropped")).toBe("Dropped the follow-up to Ana Sánchez.");
    expect(statusToast(f, "owed")).toBe("The follow-up to Ana Sánchez is owed again.");
  });

  it("puts the backend's problems under their fields", () => {
    expect(
      followUpProblems([
        { field: "draft", message: "Keep the message under 20,000 characters." },
        { field: "sequence", message: "Odd." },
      ]),
    ).toEqual({ draft: "Keep the message under 20,000 characters.", "": "Odd." });
  });
});

describe("reminders and instants", () => {
  it("reads a stored reminder as none, at the due time, or its own", () => {
    const due = "2026-12-07T11:00:00-05:00";
    expect(reminderMode(null, due)).toBe("none");
    expect(reminderMode("2026-12-07T16:00:00Z", due)).toBe("due");
    expect(reminderMode("2026-12-07T09:00:00-05:00", due)).toBe("custom");
  });

  it("reminds minutes before a meeting on the meeting's clock", () => {
    expect(meetingReminderAt("2026-12-05T10:30:00-05:00", 10)).toBe("2026-12-05T10:20:00-05:00");
    expect(meetingReminderAt("2026-12-05T00:05:00-05:00", 15)).toBe("2026-12-04T23:50:00-05:00");
    expect(remindBeforeLabel(5)).toBe("5 minutes before");
    expect(remindBeforeLabel(60)).toBe("1 hour before");
  });

  it("turns a congress wall-clock time into an instant with that day's offset", () => {
    expect(zonedInstant("2026-12-07", "11:00", "America/New_York")).toBe("2026-12-07T11:00:00-05:00");
    expect(zonedInstant("2026-06-14", "09:30", "Europe/Madrid")).toBe("2026-06-14T09:30:00+02:00");
    expect(zonedInstant("2026-12-07", "23:30", "Asia/Tokyo")).toBe("2026-12-07T23:30:00+09:00");
    // Either side of a change of clocks.
    expect(zonedInstant("2026-11-01", "00:30", "America/New_York")).toBe("2026-11-01T00:30:00-04:00");
    expect(zonedInstant("2026-11-01", "03:00", "America/New_York")).toBe("2026-11-01T03:00:00-05:00");
  });
});

describe("withLine", () => {
  const line = "I came across “MRD in myeloma” and thought of your work.";
  it("puts the line before the sign-off of a letter", () => {
    const draft = "Subject: Hello\n\nDear Ana,\n\nThank you for the talk.\n\nWith best regards,\nBen";
    expect(withLine(draft, line)).toBe(`Subject: Hello\n\nDear Ana,\n\nThank you for the talk.\n\n${line}\n\nWith best regards,\nBen`);
  });
  it("adds it at the end of a short message, or is the whole of an empty one", () => {
    expect(withLine("Great to meet you, Ana!\n", line)).toBe(`Great to meet you, Ana!\n\n${line}`);
    expect(withLine("  ", line)).toBe(line);
  });
});
