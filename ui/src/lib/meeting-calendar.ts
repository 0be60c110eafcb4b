// Why: turns one venue day of my agenda (the sessions I attend and my meetings) into what the
// day calendar draws: events at their VENUE wall-clock time (floating, as the program grid does,
// so this computer's zone never moves them), which of them clash, and the hours worth showing.
import type { Meeting, MeetingId, Session, SessionId } from "./bindings";
import { dayOffset, nextDay, slotTimes, type DayFrame } from "./calendar-day";
import { dayOf, floating, minutesOf } from "./venue-time";

export type AgendaEvent = {
  id: string;
  start: string;
  end: string;
  allDay: boolean;
  title: string;
  extendedProps: { type: "session"; id: SessionId; clashing: boolean } | { type: "meeting"; id: MeetingId; clashing: boolean };
};

export type DayAgendaModel = DayFrame & { events: AgendaEvent[] };

/**
 * `sessions` and `meetings` may be the whole congress: only `day`'s attending sessions and its
 * meetings that still stand (not cancelled) are drawn. Sessions a meeting overlaps, or that
 * overlap each other (`sessionClashes`), are marked. The hours shown are the working day
 * (`hours`, from settings) widened to fit everything on it.
 */
export function dayAgendaModel(
  sessions: readonly Session[],
  meetings: readonly Meeting[],
  day: string,
  zone: string,
  hours: { start: number; end: number },
  sessionClashes: ReadonlySet<SessionId> = new Set(),
): DayAgendaModel {
  const attending = sessions.filter((s) => s.attendance === "attending" && dayOf(s.starts_at) === day);
  const standing = meetings.filter((m) => m.status !== "cancelled" && dayOf(m.starts_at) === day);
  const clashingSessions = new Set(sessionClashes);
  for (const m of standing) {
    for (const c of m.clashes) if (c.with.type === "session") clashingSessions.add(c.with.id);
  }

  let first = hours.start * 60;
  let last = hours.end * 60;
  const widen = (startsAt: string, endsAt: string) => {
    first = Math.min(first, minutesOf(startsAt));
    last = dayOf(endsAt) > day ? 24 * 60 : Math.max(last, minutesOf(endsAt));
  };

  const events: AgendaEvent[] = [];
  for (const s of attending) {
    if (!s.all_day) widen(s.starts_at, s.ends_at);
    events.push({
      id: `session-${s.id}`,
      start: s.all_day ? day : floating(s.starts_at),
      end: s.all_day ? nextDay(day) : floating(s.ends_at),
      allDay: s.all_day,
      title: s.title,
      extendedProps: { type: "session", id: s.id, clashing: clashingSessions.has(s.id) },
    });
  }
  for (const m of standing) {
    widen(m.starts_at, m.ends_at);
    events.push({
      id: `meeting-${m.id}`,
      start: floating(m.starts_at),
      end: floating(m.ends_at),
      allDay: false,
      title: m.title,
      extendedProps: { type: "meeting", id: m.id, clashing: m.clashes.length > 0 },
    });
  }

  const timed = [...standing, ...attending.filter((s) => !s.all_day)][0];
  return {
    events,
    ...slotTimes(Math.max(0, Math.floor(first / 60)), Math.min(24, Math.ceil(last / 60))),
    offset: dayOffset(timed?.starts_at, zone, day),
    hasAllDay: events.some((e) => e.allDay),
  };
}
