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
