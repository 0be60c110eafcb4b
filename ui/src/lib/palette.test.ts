// Why: what the command palette offers for a query is the palette; these pin the matching
// (accent-blind, word starts, any order), the order of what is offered, and the recent list.
import { describe, expect, it } from "vitest";
import type { PersonSummary } from "./bindings";
import { goal } from "../testing/fake-goals";
import { meeting } from "../testing/fake-meetings";
import { session } from "../testing/fake-backend";
import {
  actionEntries,
  fold,
  goalEntries,
  matches,
  meetingEntries,
  parseRecent,
  personEntries,
  remember,
  RECENT_LIMIT,
  screenEntries,
  sessionEntries,
} from "./palette";

const ana: PersonSummary = {
  id: 7,
  display_name: "Ana Sánchez",
  institution: "Hospital Clínic",
  position: null,
  city: "Barcelona",
  country: null,
  email: null,
  tags: "",
};

describe("matching", () => {
  it("ignores accents, case and word order, and matches word starts", () => {
    expect(fold("Søren Ødegård")).toBe("soren odegard");
    expect(matches("Søren Ødegård", "odeg sor")).toBe(true);
    expect(matches("Ana Sánchez", "SANCH")).toBe(true);
    expect(matches("Ana Sánchez", "nchez")).toBe(false);
    expect(matches("Follow-ups", "ups")).toBe(true);
  });
});

describe("entries", () => {
  it("offers every screen and action for an empty query, and only matching ones otherwise", () => {
    expect(screenEntries("").length).toBe(10);
    expect(screenEntries("foll").map((e) => e.label)).toEqual(["Follow-ups"]);
    expect(actionEntries("").map((e) => e.label)).toContain("Met someone");
    expect(actionEntries("export").map((e) => e.label)).toEqual(["Export calendar…"]);
    expect(actionEntries("ics").map((e) => e.label)).toEqual(["Export calendar…", "Import program…"]);
  });

  it("books a meeting with the first people found, and names where they work", () => {
    const entries = actionEntries("ana", [ana]);
    expect(entries[0]).toMatchObject({ label: "New meeting with Ana Sánchez", detail: "Hospital Clínic, Barcelona", target: { kind: "book", id: 7 } });
    expect(personEntries([ana])[0]).toMatchObject({ label: "Ana Sánchez", detail: "Hospital Clínic, Barcelona" });
  });

  it("opens sessions in the search's order and offers to mark the first unmarked ones attending", () => {
    const marked = session({ id: 1, title: "Marked", attendance: "attending" });
    const open = session({ id: 2, title: "Open", room: "Hall B", starts_at: "2026-12-05T09:00:00-05:00" });
    const gone = session({ id: 3, title: "Gone", withdrawn: true });
    const entries = sessionEntries([marked, open, gone]);
    expect(entries.map((e) => e.label)).toEqual(["Mark attending: Open", "Marked", "Open", "Gone"]);
    expect(entries[0]?.detail).toBe("Sat 5 Dec 09:00 · Hall B");
  });

  it("finds meetings by title, place or person and goals by title", () => {
    const coffee = meeting({ id: 4, title: "Coffee", place: "Café Ødegård", people: [] });
    expect(meetingEntries([coffee], "odegard").map((e) => e.key)).toEqual(["meeting:4"]);
    expect(meetingEntries([coffee], "lunch")).toEqual([]);
    expect(goalEntries([goal({ id: 5, title: "Meet three mentors" })], "mentor").map((e) => e.key)).toEqual(["goal:5"]);
  });
});

describe("recent choices", () => {
  it("puts the last choice first, once, and keeps a few", () => {
    let recent = remember([], personEntries([ana])[0]!);
    recent = remember(recent, screenEntries("goals")[0]!);
    recent = remember(recent, personEntries([ana])[0]!);
    expect(recent.map((e) => e.key)).toEqual(["person:7", "screen:goals"]);
    expect(recent.every((e) => e.group === "Recent")).toBe(true);
    for (const s of screenEntries("")) recent = remember(recent, s);
    expect(recent.length).toBe(RECENT_LIMIT);
  });

  it("reads back what was stored and drops anything malformed", () => {
    const stored = JSON.stringify([...remember([], personEntries([ana])[0]!), { key: 1 }, "junk"]);
    expect(parseRecent(stored).map((e) => e.key)).toEqual(["person:7"]);
    expect(parseRecent("{not json")).toEqual([]);
    expect(parseRecent(null)).toEqual([]);
  });
});
