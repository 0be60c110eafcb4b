// Why: the app must open on Today exactly while the congress is on at the venue, which is not
// the same as "today" on this computer or in UTC; these pin the venue calendar at the edges.
import { describe, expect, it } from "vitest";
import { isRunning, startSection, venueDay } from "./start-section";
import { congress } from "../testing/fake-backend";

const at = (iso: string) => Date.parse(iso);

describe("isRunning", () => {
  const ash = congress({ starts_on: "2026-12-05", ends_on: "2026-12-08", time_zone: "America/New_York" });

  it("is true on every congress day, by the venue clock", () => {
    expect(isRunning(ash, at("2026-12-05T05:00:00Z"))).toBe(true); // 00:00 EST, first day
    expect(isRunning(ash, at("2026-12-08T12:00:00Z"))).toBe(true);
    expect(isRunning(ash, at("2026-12-09T04:59:00Z"))).toBe(true); // 23:59 EST, last day
  });

  it("is false the evening before and the morning after, at the venue", () => {
    expect(isRunning(ash, at("2026-12-05T04:59:00Z"))).toBe(false); // 23:59 EST on the 4th
    expect(isRunning(ash, at("2026-12-09T05:00:00Z"))).toBe(false); // 00:00 EST on the 9th
  });

  it("follows the venue's date where it differs from UTC's", () => {
    // Auckland is 13 hours ahead in December: 12:00 UTC on the 4th is already 01:00 on the 5th.
    const nz = congress({ starts_on: "2026-12-05", ends_on: "2026-12-06", time_zone: "Pacific/Auckland" });
    const noonUtc = at("2026-12-04T12:00:00Z");
    expect(new Date(noonUtc).toISOString().slice(0, 10)).toBe("2026-12-04");
    expect(venueDay("Pacific/Auckland", noonUtc)).toBe("2026-12-05");
    expect(isRunning(nz, noonUtc)).toBe(true);
    // And it is over there while UTC is still on the last day.
    expect(isRunning(nz, at("2026-12-06T12:00:00Z"))).toBe(false);
  });

  it("reads an unknown zone as UTC, as the backend does", () => {
    const odd = congress({ starts_on: "2026-12-05", ends_on: "2026-12-05", time_zone: "Mars/Olympus" });
    expect(isRunning(odd, at("2026-12-05T23:00:00Z"))).toBe(true);
    expect(isRunning(odd, at("2026-12-06T00:30:00Z"))).toBe(false);
  });
});

describe("startSection", () => {
  const eha = congress({ id: 2, starts_on: "2027-06-10", ends_on: "2027-06-13", time_zone: "Europe/Madrid" });
  const ash = congress({ id: 1, starts_on: "2026-12-05", ends_on: "2026-12-08", time_zone: "America/New_York" });
  const all = [ash, eha];

  it("opens on Today while the congress being planned runs", () => {
    expect(startSection(eha, all, at("2027-06-11T08:00:00Z"))).toBe("today");
    expect(startSection(eha, [eha], at("2027-06-13T21:00:00Z"))).toBe("today"); // 23:00 in Madrid, last day
  });

  it("opens on Keep in touch before or after it, when no congress runs", () => {
    expect(startSection(eha, all, at("2027-06-01T08:00:00Z"))).toBe("touch");
    expect(startSection(eha, all, at("2027-06-20T08:00:00Z"))).toBe("touch");
    expect(startSection(eha, all, at("2027-06-13T22:30:00Z"))).toBe("touch"); // 00:30 in Madrid, the day after
    expect(startSection(null, all, at("2027-01-15T08:00:00Z"))).toBe("touch");
    expect(startSection(null, [], at("2027-06-11T08:00:00Z"))).toBe("touch");
  });

  it("opens on Program while another congress than the one being planned runs", () => {
    // ASH is on at the venue (New York) while EHA is being planned.
    expect(startSection(eha, all, at("2026-12-06T15:00:00Z"))).toBe("program");
    expect(startSection(null, all, at("2026-12-06T15:00:00Z"))).toBe("program");
  });
});
