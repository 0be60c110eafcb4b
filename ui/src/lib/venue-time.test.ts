// Why: a time shown in the wrong zone or with the wrong label sends a physician to the wrong room
// at the wrong hour; these pin venue time, zone names across a clock change, and home time.
import { describe, expect, it } from "vitest";
import {
  clockOf,
  dayOf,
  daysBetween,
  floating,
  formatClock,
  formatDayLabel,
  formatLongDay,
  formatTimeRange,
  homeDiffers,
  homeTimeRange,
  offsetOf,
  zoneAbbreviation,
} from "./venue-time";

const NY = "America/New_York";

describe("reading the venue's own clock from RFC 3339", () => {
  it("takes day, clock and offset from the string, whatever this computer's zone", () => {
    const at = "2026-12-05T08:30:00-05:00";
    expect(dayOf(at)).toBe("2026-12-05");
    expect(clockOf(at)).toBe("08:30");
    expect(offsetOf(at)).toBe("-05:00");
    expect(floating(at)).toBe("2026-12-05T08:30:00");
  });
  it("reads Z and fractional seconds", () => {
    expect(offsetOf("2027-06-12T09:00:00Z")).toBe("+00:00");
    expect(floating("2027-06-12T09:00:00.250+02:00")).toBe("2027-06-12T09:00:00");
  });
});

describe("formatTimeRange", () => {
  it("shows venue time with the zone's abbreviation", () => {
    expect(formatTimeRange("2026-12-05T08:30:00-05:00", "2026-12-05T10:00:00-05:00", NY)).toBe("08:30–10:00 EST");
  });

  it("shows venue time even when the offset in the string is another zone's", () => {
    // The same instants written in UTC still read as New York wall-clock time.
    expect(formatTimeRange("2026-12-05T13:30:00Z", "2026-12-05T15:00:00Z", NY)).toBe("08:30–10:00 EST");
  });

  it("names daylight time before the clocks go back and standard time after", () => {
    // New York leaves daylight time at 02:00 on Sunday 1 November 2026.
    expect(formatTimeRange("2026-10-31T09:00:00-04:00", "2026-10-31T10:00:00-04:00", NY)).toBe("09:00–10:00 EDT");
    expect(formatTimeRange("2026-11-02T09:00:00-05:00", "2026-11-02T10:00:00-05:00", NY)).toBe("09:00–10:00 EST");
  });

  it("labels each end when a session spans the change", () => {
    // 01:30 EDT to 01:30 EST is one real hour across the repeated hour.
    expect(formatTimeRange("2026-11-01T01:30:00-04:00", "2026-11-01T01:30:00-05:00", NY)).toBe("01:30 EDT – 01:30 EST");
  });

  it("uses European zone names too", () => {
    expect(formatTimeRange("2027-06-12T09:00:00+02:00", "2027-06-12T10:30:00+02:00", "Europe/Madrid")).toBe("09:00–10:30 CEST");
    expect(zoneAbbreviation("Europe/Paris", new Date("2027-01-10T12:00:00Z"))).toBe("CET");
    expect(zoneAbbreviation("Europe/London", new Date("2027-06-10T12:00:00Z"))).toBe("BST");
  });

  it("falls back to the offset where English has no letters for the zone", () => {
    expect(formatClock("2027-06-12T09:00:00+09:00", "Asia/Tokyo")).toBe("09:00 GMT+9");
  });
});

describe("home time", () => {
  it("shows the range in the home zone, naming the home day when it differs", () => {
    const start = "2026-12-05T08:30:00-05:00";
    const end = "2026-12-05T10:00:00-05:00";
    expect(homeTimeRange(start, end, NY, "Europe/Paris")).toBe("14:30–16:00 CET");
    expect(homeTimeRange("2026-12-05T19:30:00-05:00", "2026-12-05T21:00:00-05:00", NY, "Europe/Paris")).toBe("Sun 01:30–03:00 CET");
  });

  it("adds nothing when home is the venue zone, has the same clock, or is not set", () => {
    const at = "2026-12-05T08:30:00-05:00";
    expect(homeTimeRange(at, at, NY, NY)).toBeNull();
    expect(homeTimeRange(at, at, NY, "America/Toronto")).toBeNull();
    expect(homeTimeRange(at, at, NY, null)).toBeNull();
    expect(homeDiffers(NY, "Not/AZone", new Date(at))).toBe(false);
  });
});

describe("days", () => {
  it("labels a congress day the way the tabs show it", () => {
    expect(formatDayLabel("2026-12-05")).toBe("Sat 5 Dec");
    expect(formatLongDay("2026-12-05")).toBe("Saturday 5 December");
  });

  it("lists every day from first to last, across a month end", () => {
    expect(daysBetween("2026-11-30", "2026-12-02")).toEqual(["2026-11-30", "2026-12-01", "2026-12-02"]);
    expect(daysBetween("2026-12-05", "2026-12-01")).toEqual(["2026-12-05"]);
  });
});
