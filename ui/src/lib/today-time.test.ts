// Why: the countdown and the snooze instants are what a physician acts on between sessions; an
// hour off sends them to the wrong room or hides a target all day. "Now" is always injected.
import { describe, expect, it } from "vitest";
import { congressPhase, countdown, daysFrom, endsIn, instantIn, snoozeAnHour, snoozeMorning, venueInstant } from "./today-time";

const NY = "America/New_York";
const at = (iso: string) => Date.parse(iso);

describe("countdown", () => {
  const now = at("2026-12-05T10:00:00-05:00");

  it("counts minutes within the hour, rounding up so it never says 0", () => {
    expect(countdown("2026-12-05T10:12:00-05:00", now, NY)).toBe("in 12 min");
    expect(countdown("2026-12-05T10:00:30-05:00", now, NY)).toBe("in 1 min");
    expect(countdown("2026-12-05T10:59:00-05:00", now, NY)).toBe("in 59 min");
  });

  it("counts hours and minutes later the same day", () => {
    expect(countdown("2026-12-05T12:05:00-05:00", now, NY)).toBe("in 2 h 5 min");
    expect(countdown("2026-12-05T13:00:00-05:00", now, NY)).toBe("in 3 h");
  });

  it("names tomorrow with the venue clock", () => {
    expect(countdown("2026-12-06T08:00:00-05:00", now, NY)).toBe("tomorrow 08:00");
    // The string's offset does not matter: the venue clock is used.
    expect(countdown("2026-12-06T13:00:00Z", now, NY)).toBe("tomorrow 08:00");
  });

  it("keeps counting across midnight when it is close", () => {
    expect(countdown("2026-12-06T00:30:00-05:00", at("2026-12-05T23:00:00-05:00"), NY)).toBe("in 1 h 30 min");
  });

  it("counts days further out, and says now once started", () => {
    expect(countdown("2026-12-08T08:00:00-05:00", now, NY)).toBe("in 3 days");
    expect(countdown("2026-12-05T09:59:00-05:00", now, NY)).toBe("now");
  });
});

describe("endsIn", () => {
  it("says how long what is on has left", () => {
    const now = at("2026-12-05T10:00:00-05:00");
    expect(endsIn("2026-12-05T10:20:00-05:00", now)).toBe("ends in 20 min");
    expect(endsIn("2026-12-05T11:30:00-05:00", now)).toBe("ends in 1 h 30 min");
    expect(endsIn("2026-12-05T09:30:00-05:00", now)).toBe("");
  });
});

describe("snooze instants", () => {
  it("writes an instant with the venue's offset", () => {
    expect(instantIn(NY, at("2026-12-05T15:42:10.500Z"))).toBe("2026-12-05T10:42:10-05:00");
    expect(instantIn("Europe/Madrid", at("2027-06-11T08:00:00Z"))).toBe("2027-06-11T10:00:00+02:00");
  });

  it("finds a venue wall-clock hour, on either side of a clock change", () => {
    expect(new Date(venueInstant(NY, "2026-12-06", 7)).toISOString()).toBe("2026-12-06T12:00:00.000Z");
    expect(new Date(venueInstant(NY, "2026-11-01", 7)).toISOString()).toBe("2026-11-01T12:00:00.000Z"); // EST again
    expect(new Date(venueInstant(NY, "2026-10-31", 7)).toISOString()).toBe("2026-10-31T11:00:00.000Z"); // still EDT
  });

  it("snoozes for an hour from now", () => {
    expect(snoozeAnHour(NY, at("2026-12-05T10:42:00-05:00"))).toEqual({ until: "2026-12-05T11:42:00-05:00", label: "For an hour" });
  });

  it("snoozes until the next day's start hour, or this morning's when it is still night", () => {
    expect(snoozeMorning(NY, at("2026-12-05T10:42:00-05:00"), 7)).toEqual({ until: "2026-12-06T07:00:00-05:00", label: "Until tomorrow 07:00" });
    expect(snoozeMorning(NY, at("2026-12-05T23:30:00-05:00"), 8)).toEqual({ until: "2026-12-06T08:00:00-05:00", label: "Until tomorrow 08:00" });
    expect(snoozeMorning(NY, at("2026-12-06T02:00:00-05:00"), 7)).toEqual({ until: "2026-12-06T07:00:00-05:00", label: "Until 07:00" });
  });

  it("takes the venue's tomorrow, not UTC's", () => {
    // 20:00 in New York is already the 6th in UTC; tomorrow at the venue is still the 6th.
    expect(snoozeMorning(NY, at("2026-12-06T01:00:00Z"), 7).until).toBe("2026-12-06T07:00:00-05:00");
  });
});

describe("congressPhase", () => {
  it("says how far off the congress is, or when it ended", () => {
    expect(daysFrom("2026-12-02", "2026-12-05")).toBe(3);
    expect(congressPhase("ASH 2026", "2026-12-02", "2026-12-05", "2026-12-08")).toBe("ASH 2026 starts in 3 days");
    expect(congressPhase("ASH 2026", "2026-12-04", "2026-12-05", "2026-12-08")).toBe("ASH 2026 starts tomorrow");
    expect(congressPhase("ASH 2026", "2026-12-10", "2026-12-05", "2026-12-08")).toBe("ASH 2026 ended on Tue 8 Dec");
    expect(congressPhase("ASH 2026", "2026-12-06", "2026-12-05", "2026-12-08")).toBeNull();
  });
});
