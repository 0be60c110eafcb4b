// Why: the words the People screen shows are promises to the user (what "→ Contacted" does, what a
// merge moves), so their exact text and order are pinned here once.
import { describe, expect, it } from "vitest";
import { mergeMessage, nextStatus, nextTalkText, noNameLine, noteDate, peopleCount, placeLine, posterText, roleLine, titleLine } from "./people-words";

describe("people words", () => {
  it("moves a target one step along the way, and not past its ends", () => {
    expect(nextStatus("idea")).toBe("contacted");
    expect(nextStatus("contacted")).toBe("scheduled");
    expect(nextStatus("scheduled")).toBe("met");
    expect(nextStatus("met")).toBe("followed_up");
    expect(nextStatus("followed_up")).toBeNull();
    expect(nextStatus("declined")).toBeNull();
  });

  it("says a next talk as venue weekday and clock, room and title", () => {
    const talk = { session_id: 1, title: "Menin inhibitors in NPM1 AML", starts_at: "2026-12-05T10:30:00-05:00", room: "Room 6A" };
    expect(nextTalkText(talk)).toBe("Sat 10:30 · Room 6A · Menin inhibitors in NPM1 AML");
    expect(nextTalkText({ ...talk, room: null })).toBe("Sat 10:30 · Menin inhibitors in NPM1 AML");
  });

  it("says a poster by its board and the hour the presenter stands at it", () => {
    const poster = { session_id: 2, title: "MRD after CAR-T", board: "I-123", starts_at: "2026-12-06T18:00:00-05:00", ends_at: "2026-12-06T19:00:00-05:00", room: "Hall G" };
    expect(posterText(poster)).toBe("Board I-123 · Sun 18:00–19:00 · Hall G · MRD after CAR-T");
    expect(posterText({ ...poster, board: " ", room: null })).toBe("Sun 18:00–19:00 · MRD after CAR-T");
  });

  it("joins only the parts that are known", () => {
    expect(roleLine({ position: "Head of Myeloma Unit", institution: "Hospital Clínic" })).toBe("Head of Myeloma Unit · Hospital Clínic");
    expect(roleLine({ position: " ", institution: "IFM" })).toBe("IFM");
    expect(placeLine({ city: "Barcelona", country: "Spain" })).toBe("Barcelona, Spain");
    expect(placeLine({ city: null, country: null })).toBe("");
    expect(titleLine({ honorific: "Prof.", credentials: "MD, PhD" })).toBe("Prof. · MD, PhD");
  });

  it("says when an email address stands in for a name", () => {
    const nameless = { display_name: "no.name@example.org", given_name: null, family_name: null };
    expect(noNameLine(nameless)).toBe("No name yet: their email address stands in. Edit to add one.");
    expect(noNameLine({ ...nameless, display_name: "Ana Sánchez" })).toBe("");
    expect(noNameLine({ ...nameless, family_name: "Name" })).toBe("");
  });

  it("counts people in words", () => {
    expect(peopleCount(1)).toBe("1 person");
    expect(peopleCount(50000)).toBe("50,000 people");
  });

  it("names both people in the merge warning, told apart by institution, and what moves", () => {
    const text = mergeMessage(
      { display_name: "Ana Sánchez", institution: "Hospital Clínic" },
      { display_name: "Ana Sanchez", institution: null },
    );
    expect(text).toBe(
      "Everything of Ana Sanchez moves to Ana Sánchez (Hospital Clínic): talks, targets, notes, meetings, follow-ups and email addresses. " +
        "Details Ana Sánchez (Hospital Clínic) lacks are taken from Ana Sanchez, and Ana Sanchez leaves the list.",
    );
  });

  it("dates a note by its day", () => {
    expect(noteDate("2025-06-13T12:00:00Z")).toBe("13 Jun 2025");
    expect(noteDate("not a date")).toBe("not a date");
  });
});
