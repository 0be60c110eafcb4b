// Why: turns one day of sessions into what the room × time calendar draws: rooms as resources,
// sessions as events at their VENUE wall-clock time (floating, so this computer's zone never moves
// them), and the hours worth showing. Poster sessions that share a room and a slot by the hundred
// become one block, so a poster hall does not drown the grid.
import type { Session, SessionId, SessionKind } from "./bindings";
import { NONE } from "./program-filter";
import { dayOffset, nextDay, slotTimes, type DayFrame } from "./calendar-day";
import { floating, minutesOf } from "./venue-time";

/** Posters sharing room and slot are drawn as one block from this many on. */
export const POSTER_BLOCK_MIN = 4;

export type GridEvent = {
  id: string;
  resourceIds: string[];
  start: string;
  end: string;
  allDay: boolean;
  title: string;
  extendedProps: { sessionIds: SessionId[]; kind: SessionKind };
};

export type GridModel = DayFrame & {
  resources: { id: string; title: string }[];
  events: GridEvent[];
};

/** `sessions` are one day's (venue time), already filtered; `zone` is the venue's IANA zone. */
export function gridModel(sessions: readonly Session[], day: string, zone: string): GridModel {
  const rooms = new Set<string>();
  const events: GridEvent[] = [];
  const posterBlocks = new Map<string, Session[]>();
  let first = Infinity;
  let last = -Infinity;
  let hasAllDay = false;

  for (const s of sessions) {
    const room = s.room ?? NONE;
    rooms.add(room);
    if (s.all_day) {
      hasAllDay = true;
    } else {
      first = Math.min(first, minutesOf(s.starts_at));
      const endsLater = s.ends_at.slice(0, 10) > day;
      last = Math.max(last, endsLater ? 24 * 60 : Math.max(minutesOf(s.ends_at), minutesOf(s.starts_at) + 30));
    }
    if (s.kind === "poster" && !s.all_day) {
      const key = `${room}|${s.starts_at}|${s.ends_at}`;
      const block = posterBlocks.get(key);
      if (block) block.push(s);
      else posterBlocks.set(key, [s]);
      continue;
    }
    events.push(eventOf([s], room, day));
  }
  for (const block of posterBlocks.values()) {
    if (block.length >= POSTER_BLOCK_MIN) {
      events.push(eventOf(block, block[0]?.room ?? NONE, day));
    } else {
      for (const s of block) events.push(eventOf([s], s.room ?? NONE, day));
    }
  }

  const startHour = Number.isFinite(first) ? Math.floor(first / 60) : 8;
  const endHour = Number.isFinite(last) ? Math.min(24, Math.ceil(last / 60)) : 18;
  return {
    resources: [...rooms]
      .sort((a, b) => (a === NONE ? 1 : 0) - (b === NONE ? 1 : 0) || a.localeCompare(b, "en", { numeric: true }))
      .map((id) => ({ id, title: id === NONE ? "No room" : id })),
    events,
    ...slotTimes(startHour, endHour),
    offset: dayOffset(sessions.find((s) => !s.all_day)?.starts_at, zone, day),
    hasAllDay,
  };
}

function eventOf(block: Session[], room: string, day: string): GridEvent {
  const s = block[0] as Session;
  const title = block.length > 1 ? `${block.length} posters` : s.title;
  return {
    id: block.length > 1 ? `posters-${s.id}` : String(s.id),
    resourceIds: [room],
    start: s.all_day ? day : floating(s.starts_at),
    end: s.all_day ? nextDay(day) : floating(s.ends_at),
    allDay: s.all_day,
    title,
    extendedProps: { sessionIds: block.map((b) => b.id), kind: s.kind },
  };
}

/**
 * The part of the grid to draw: rooms by their index in `resources` and minutes of the day, both
 * inclusive. Every session drawn costs the webview about 100–150 KB (EventCalendar's components
 * for it, its layout and its text): the bench's day of fifteen rooms drawn whole was 40 MB more
 * than the list. So the grid draws what is on screen and a margin around it (docs/performance.md).
 */
export type GridWindow = { rooms: readonly [number, number]; minutes: readonly [number, number] };

/** Before the grid has been measured: nothing yet (the measure comes before the first paint). */
export const NOTHING: GridWindow = { rooms: [0, -1], minutes: [0, -1] };
/** The whole day: where nothing can be measured, and once the keyboard is in the grid. */
export const EVERYTHING: GridWindow = { rooms: [0, Infinity], minutes: [0, Infinity] };

/** Minutes after the day's midnight of a floating time: 0 before the day, 24 h after it. */
function minuteOfDay(floatingTime: string, day: string): number {
  const date = floatingTime.slice(0, 10);
  if (date < day) return 0;
  if (date > day) return 24 * 60;
  return minutesOf(floatingTime);
}

/** The events of `model` inside `win`: an event counts when its room is, and it overlaps the minutes. */
export function eventsIn(model: GridModel, day: string, win: GridWindow): GridEvent[] {
  if (win === EVERYTHING) return model.events;
  const roomIndex = new Map(model.resources.map((r, i) => [r.id, i]));
  const [firstRoom, lastRoom] = win.rooms;
  const [from, to] = win.minutes;
  return model.events.filter((e) => {
    const room = roomIndex.get(e.resourceIds[0] ?? "") ?? -1;
    if (room < firstRoom || room > lastRoom) return false;
    return e.allDay || (minuteOfDay(e.start, day) <= to && minuteOfDay(e.end, day) >= from);
  });
}

/** Where the grid's parts are, in its scroller's content coordinates (pixels). */
export type GridGeometry = {
  /** The scroller's visible box. */
  scrollLeft: number;
  scrollTop: number;
  width: number;
  height: number;
  /** Left and right edge of each room's column, in room order. */
  columns: readonly (readonly [number, number])[];
  /** The top of the first time slot, and its minute of the day. */
  top: number;
  firstMinute: number;
  /** Pixels per minute down the time slots. */
  perMinute: number;
};

/**
 * The rooms and minutes on screen in `g`, widened by one room on each side and to whole hours
 * with an hour's margin, so that a scroll draws the next room or hour before it comes into view
 * and small scrolls change nothing. EVERYTHING when the grid has no layout to measure.
 */
export function gridWindow(g: GridGeometry): GridWindow {
  if (g.width <= 0 || g.height <= 0 || g.perMinute <= 0 || g.columns.length === 0) return EVERYTHING;
  const left = g.scrollLeft;
  const right = g.scrollLeft + g.width;
  let first = g.columns.findIndex(([, r]) => r > left);
  if (first < 0) first = g.columns.length - 1;
  let last = first;
  while (last + 1 < g.columns.length && (g.columns[last + 1]?.[0] ?? Infinity) < right) last++;
  const minuteAt = (y: number) => g.firstMinute + (y - g.top) / g.perMinute;
  const from = Math.max(0, Math.floor(minuteAt(g.scrollTop) / 60) * 60 - 60);
  const to = Math.min(24 * 60, Math.ceil(minuteAt(g.scrollTop + g.height) / 60) * 60 + 60);
  return { rooms: [Math.max(0, first - 1), Math.min(g.columns.length - 1, last + 1)], minutes: [from, to] };
}

/** Whether two windows draw the same events (so a scroll inside a window changes nothing). */
export function sameWindow(a: GridWindow, b: GridWindow): boolean {
  return a.rooms[0] === b.rooms[0] && a.rooms[1] === b.rooms[1] && a.minutes[0] === b.minutes[0] && a.minutes[1] === b.minutes[1];
}
