// Why: the room grid draws only the rooms and hours on screen (each drawn session costs the webview
// memory); these pin which part of the day a scroll position measures, and which sessions that
// part draws, so that what the user scrolls to is always drawn.
import { describe, expect, it } from "vitest";
import { session } from "../testing/fake-backend";
import { EVERYTHING, eventsIn, gridModel, gridWindow, NOTHING, sameWindow, type GridGeometry } from "./program-grid";

const day = "2026-12-05";
/** Four rooms of 160 px after a 57 px time column; 08:00 at the top, 72 px an hour. */
const geometry = (scroll: Partial<GridGeometry>): GridGeometry => ({
  scrollLeft: 0,
  scrollTop: 0,
  width: 400,
  height: 300,
  columns: [0, 1, 2, 3].map((i) => [57 + 160 * i, 57 + 160 * (i + 1)] as const),
  top: 33,
  firstMinute: 8 * 60,
  perMinute: 72 / 60,
  ...scroll,
});

describe("gridWindow", () => {
  it("takes the rooms and hours on screen, one more room on each side and an hour's margin", () => {
    // 0..400 px across shows rooms 0-2 (the third from 377 px); 0..300 px down, the header and
    // 08:00 to 11:42. So rooms 0-3, and 07:00 (the header's height above 08:00) - 1 h to 12:00 + 1 h.
    expect(gridWindow(geometry({}))).toEqual({ rooms: [0, 3], minutes: [6 * 60, 13 * 60] });
    // Scrolled to the last room and down to 14:00-18:10.
    const w = gridWindow(geometry({ scrollLeft: 600, scrollTop: 33 + 72 * 6 }));
    expect(w).toEqual({ rooms: [2, 3], minutes: [13 * 60, 20 * 60] });
  });

  it("changes nothing for a scroll within the same rooms and hours", () => {
    expect(sameWindow(gridWindow(geometry({ scrollTop: 10 })), gridWindow(geometry({ scrollTop: 20 })))).toBe(true);
    expect(sameWindow(gridWindow(geometry({})), gridWindow(geometry({ scrollLeft: 400 })))).toBe(false);
  });

  it("draws everything where there is no layout to measure", () => {
    expect(gridWindow(geometry({ width: 0, height: 0 }))).toBe(EVERYTHING);
    expect(gridWindow(geometry({ columns: [] }))).toBe(EVERYTHING);
  });
});

describe("eventsIn", () => {
  const sessions = [
    session({ id: 1, room: "Room 1", starts_at: "2026-12-05T08:00:00-05:00", ends_at: "2026-12-05T09:00:00-05:00" }),
    session({ id: 2, room: "Room 2", starts_at: "2026-12-05T11:30:00-05:00", ends_at: "2026-12-05T13:00:00-05:00" }),
    session({ id: 3, room: "Room 3", starts_at: "2026-12-05T18:00:00-05:00", ends_at: "2026-12-05T19:00:00-05:00" }),
    session({ id: 4, room: "Room 1", starts_at: "2026-12-05T00:00:00-05:00", ends_at: "2026-12-06T00:00:00-05:00", all_day: true }),
    session({ id: 5, room: "Room 2", starts_at: "2026-12-05T23:00:00-05:00", ends_at: "2026-12-06T01:00:00-05:00" }),
  ];
  const model = gridModel(sessions, day, "America/New_York");
  const ids = (win: Parameters<typeof eventsIn>[2]) => eventsIn(model, day, win).map((e) => e.id);

  it("draws a session whose room is in the window and whose time overlaps it, and all-day ones", () => {
    expect(ids({ rooms: [0, 1], minutes: [12 * 60, 14 * 60] })).toEqual(["2", "4"]);
    expect(ids({ rooms: [0, 0], minutes: [7 * 60, 8 * 60] })).toEqual(["1", "4"]);
    expect(ids({ rooms: [2, 2], minutes: [12 * 60, 14 * 60] })).toEqual([]);
  });

  it("keeps a session running past midnight until the day's end", () => {
    expect(ids({ rooms: [1, 1], minutes: [23 * 60 + 30, 24 * 60] })).toEqual(["5"]);
  });

  it("draws nothing before the grid is measured, and everything once told to", () => {
    expect(ids(NOTHING)).toEqual([]);
    expect(ids(EVERYTHING)).toEqual(["1", "2", "3", "4", "5"]);
  });
});
