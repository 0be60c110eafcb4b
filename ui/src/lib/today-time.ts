// Why: Today's sense of time, as pure functions of an injected "now" so they are tested without a
// clock: the countdown to the next item ("in 12 min", "tomorrow 08:00"), how far off the congress
// is, and the instants a snooze sends, all reckoned in the congress's zone, never this computer's.
import { clockIn, dayIn, formatDayLabel, offsetMinutesIn, offsetString } from "./venue-time";

const MINUTE = 60_000;
const DAY = 86_400_000;

function civilMs(day: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  return m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : null;
}

/** Calendar days from `from` to `to` ("2026-12-05" to "2026-12-08" is 3); 0 when unreadable. */
export function daysFrom(from: string, to: string): number {
  const a = civilMs(from);
  const b = civilMs(to);
  return a === null || b === null ? 0 : Math.round((b - a) / DAY);
}

/** "2026-12-05" -> "2026-12-06". */
export function nextDay(day: string): string {
  const t = civilMs(day);
  return t === null ? day : new Date(t + DAY).toISOString().slice(0, 10);
}

/** The moment `ms` as RFC 3339 with the zone's offset then: "2026-12-05T11:42:00-05:00". */
export function instantIn(zone: string, ms: number): string {
  const at = new Date(Math.floor(ms / 1000) * 1000);
  const seconds = String(at.getUTCSeconds()).padStart(2, "0");
  return `${dayIn(zone, at)}T${clockIn(zone, at)}:${seconds}${offsetString(offsetMinutesIn(zone, at))}`;
}

/**
 * The instant a clock in `zone` shows `hour`:00 on `day`. Two passes settle the offset; on the
 * night the clocks spring forward a skipped hour lands just after the jump.
 */
export function venueInstant(zone: string, day: string, hour: number): number {
  const wall = (civilMs(day) ?? 0) + hour * 60 * MINUTE;
  const first = wall - offsetMinutesIn(zone, new Date(wall)) * MINUTE;
  return wall - offsetMinutesIn(zone, new Date(first)) * MINUTE;
}

/** "07:00" */
export function hourLabel(hour: number): string {
  return `${String(hour).padStart(2, "0")}:00`;
}

export type SnoozeChoice = { until: string; label: string };

/** An hour from now. */
export function snoozeAnHour(zone: string, nowMs: number): SnoozeChoice {
  return { until: instantIn(zone, nowMs + 60 * MINUTE), label: "For an hour" };
}

/**
 * The start of the next working day at the venue: tomorrow at `dayStartHour`, or today's start
 * when it has not come yet (a snooze at 02:00 means "in the morning").
 */
export function snoozeMorning(zone: string, nowMs: number, dayStartHour: number): SnoozeChoice {
  const today = dayIn(zone, new Date(nowMs));
  const startToday = venueInstant(zone, today, dayStartHour);
  if (nowMs < startToday) return { until: instantIn(zone, startToday), label: `Until ${hourLabel(dayStartHour)}` };
  const start = venueInstant(zone, nextDay(today), dayStartHour);
  return { until: instantIn(zone, start), label: `Until tomorrow ${hourLabel(dayStartHour)}` };
}

/**
 * How long until `startsAt`, for a glance: "now", "in 12 min", "in 2 h 5 min" (the same day or
 * within three hours), "tomorrow 08:00", "in 3 days". Minutes round up, so it never says
 * "in 0 min" while something is still to come.
 */
export function countdown(startsAt: string, nowMs: number, zone: string): string {
  const start = Date.parse(startsAt);
  if (Number.isNaN(start)) return "";
  const minutes = Math.ceil((start - nowMs) / MINUTE);
  if (minutes <= 0) return "now";
  if (minutes < 60) return `in ${minutes} min`;
  const days = daysFrom(dayIn(zone, new Date(nowMs)), dayIn(zone, new Date(start)));
  if (days === 0 || minutes < 180) {
    const h = Math.floor(minutes / 60);
    const m = minutes % 60;
    return m === 0 ? `in ${h} h` : `in ${h} h ${m} min`;
  }
  if (days === 1) return `tomorrow ${clockIn(zone, new Date(start))}`;
  return `in ${days} days`;
}

/** "ends in 20 min" for what is on now; "" once it is over. */
export function endsIn(endsAt: string, nowMs: number): string {
  const minutes = Math.ceil((Date.parse(endsAt) - nowMs) / MINUTE);
  if (Number.isNaN(minutes) || minutes <= 0) return "";
  if (minutes < 60) return `ends in ${minutes} min`;
  const m = minutes % 60;
  return `ends in ${Math.floor(minutes / 60)} h${m ? ` ${m} min` : ""}`;
}

/**
 * Where the congress stands when it is not on: "ASH 2026 starts tomorrow", "… starts in 3 days",
 * "… ended on Tue 8 Dec". Null while it runs.
 */
export function congressPhase(label: string, today: string, startsOn: string, endsOn: string): string | null {
  if (today < startsOn) {
    const days = daysFrom(today, startsOn);
    return days === 1 ? `${label} starts tomorrow` : `${label} starts in ${days} days`;
  }
  if (today > endsOn) return `${label} ended on ${formatDayLabel(endsOn)}`;
  return null;
}
