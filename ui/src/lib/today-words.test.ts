// Why: the few words Today shows about people and the day, pinned once so cards and toasts agree.
import { describe, expect, it } from "vitest";
import { clashLine, metToast, posterLine, progressLines, talkLine, withWhom } from "./today-words";
import { target } from "../testing/fake-backend";
import { dayItem, dayProgress } from "../testing/fake-today";

describe("today's words", () => {
  it("says when and where a target speaks, naming the day only when it is not today", () => {
    const talk = { session_id: 9, title: "Menin inhibitors", starts_at: "2026-12-05T14:00:00-05:00", room: "Room 6A" };
    expect(talkLine(talk, "2026-12-05")).toBe("Speaks 14:00 · Room 6A");
    expect(talkLine(talk, "2026-12-04")).toBe("Speaks Sat 14:00 · Room 6A");
    expect(talkLine({ ...talk, room: null }, "2026-12-05")).toBe("Speaks 14:00");
  });

  it("says where and when a target stands at their poster, naming the day only when it is not today", () => {
    const poster = { session_id: 2, title: "MRD", board: "I-123", starts_at: "2026-12-05T18:00:00-05:00", ends_at: "2026-12-05T19:00:00-05:00", room: "Hall G" };
    expect(posterLine(poster, "2026-12-05")).toBe("Poster I-123, 18:00–19:00 · Hall G");
    expect(posterLine({ ...poster, board: null, room: null }, "2026-12-04")).toBe("Poster, Sat 18:00–19:00");
  });

  it("names who and what clashes", () => {
    expect(withWhom(["Ana Sánchez", "Ben Okafor"])).toBe("with Ana Sánchez and Ben Okafor");
    expect(withWhom([])).toBe("");
    expect(clashLine(dayItem({ clashes_with: ["Plenary"] }))).toBe("Clashes with Plenary");
  });

  it("announces a target moved to met only when they were still to meet", () => {
    const result = { person_id: 1, display_name: "Ana Sánchez", interaction_id: 3, target: target({ status: "met" }) };
    expect(metToast(result, true)).toBe("Logged: met Ana Sánchez — target now met");
    expect(metToast(result, false)).toBe("Logged: met Ana Sánchez");
    expect(metToast({ ...result, target: null }, false)).toBe("Logged: met Ana Sánchez");
  });

  it("lists the day's numbers", () => {
    const lines = progressLines(dayProgress({ meetings_today: 3, meetings_done_today: 1, sessions_today: 4, people_met_today: 2, targets_met: 5, targets_total: 12 }));
    expect(lines.map((l) => `${l.label} ${l.value}`)).toEqual(["Meetings done 1/3", "Sessions today 4", "People met today 2", "Targets met 5/12"]);
  });
});
