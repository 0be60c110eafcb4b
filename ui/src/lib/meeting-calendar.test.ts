// Why: the day view must draw sessions and meetings at the venue's clock whatever zone this
// computer is in, mark what clashes, and show the working day widened to fit everything.
import { describe, expect, it } from "vitest";
import type { Meeting, Session } from "./bindings";
import { dayAgendaModel } from "./meeting-calendar";
import { meeting } from "../testing/fake-meetings";

const talk = (id: number, starts: string, ends: string, attendance: Session["attendance"] = "attending"): Session => ({
  id,
  key: `k${id}`,
  title: `Talk ${id}`,
  kind: "oral",
  starts_at: starts,
  ends_at: ends,
  all_day: false,
  room: "Hall B",
  track: null,
  abstract_number: null,
  speakers: "",
  withdrawn: false,
  attendance,
  targets: 0,
  sample: false,
  parent_id: null,
  part_of: null,
  talks: 0,
  board: null,
});

const meet = (id: number, starts: string, ends: string, overrides: Partial<Meeting> = {}): Meeting =>
  meeting({ id, title: `Coffee ${id}`, kind: "coffee", status: "confirmed", starts_at: starts, ends_at: ends, uid: "", ...overrides });

describe("dayAgendaModel", () => {
  it("draws the day's attending sessions and standing meetings at venue time, clashes marked", () => {
    const sessions = [
      talk(1, "2026-12-05T10:00:00-05:00", "2026-12-05T11:00:00-05:00"),
      talk(2, "2026-12-05T12:00:00-05:00", "2026-12-05T13:00:00-05:00", "maybe"),
      talk(3, "2026-12-06T10:00:00-05:00", "2026-12-06T11:00:00-05:00"),
      talk(4, "2026-12-05T06:30:00-05:00", "2026-12-05T07:15:00-05:00"),
    ];
    const meetings = [
      meet(10, "2026-12-05T10:30:00-05:00", "2026-12-05T11:00:00-05:00", {
        clashes: [{ with: { type: "session", id: 1 }, title: "Talk 1", overlap_starts_at: "", overlap_ends_at: "" }],
      }),
      meet(11, "2026-12-05T19:00:00-05:00", "2026-12-05T21:30:00-05:00"),
      meet(12, "2026-12-05T15:00:00-05:00", "2026-12-05T15:30:00-05:00", { status: "cancelled" }),
    ];
    const model = dayAgendaModel(sessions, meetings, "2026-12-05", "America/New_York", { start: 8, end: 18 });
    expect(model.events.map((e) => [e.id, e.start, e.end, e.extendedProps.clashing])).toEqual([
      ["session-1", "2026-12-05T10:00:00", "2026-12-05T11:00:00", true],
      ["session-4", "2026-12-05T06:30:00", "2026-12-05T07:15:00", false],
      ["meeting-10", "2026-12-05T10:30:00", "2026-12-05T11:00:00", true],
      ["meeting-11", "2026-12-05T19:00:00", "2026-12-05T21:30:00", false],
    ]);
    expect(model.slotMinTime).toBe("06:00:00");
    expect(model.slotMaxTime).toBe("22:00:00");
    expect(model.offset).toBe("-05:00");
    expect(model.hasAllDay).toBe(false);
  });

  it("shows the working day when the day is empty, at the zone's offset that day", () => {
    const model = dayAgendaModel([], [], "2027-06-10", "Europe/Madrid", { start: 8, end: 19 }, new Set([1]));
    expect(model.events).toEqual([]);
    expect([model.slotMinTime, model.slotMaxTime, model.offset]).toEqual(["08:00:00", "19:00:00", "+02:00"]);
  });
});
