// Why: the day calendar of my agenda and the program's room × time grid draw one venue day the
// same way: events at venue wall-clock time, the hours worth showing, and the venue's UTC offset
// that day (so the now line sits at venue time). What they share about that day lives here,
// down to the calendar options (15-minute slots labelled hourly, 24-hour clock, no toolbar).
import type { Calendar } from "@event-calendar/core";
import { offsetMinutesIn, offsetOf, offsetString } from "./venue-time";

/** What a day calendar needs besides its events. */
export type DayFrame = {
  /** "07:00:00": the first hour drawn. */
  slotMinTime: string;
  /** "19:00:00": the end of the last hour drawn. */
  slotMaxTime: string;
  /** The venue's UTC offset that day ("-05:00"), so the now line sits at venue time. */
  offset: string;
  hasAllDay: boolean;
};

const hhmm = (hours: number) => `${String(hours).padStart(2, "0")}:00:00`;

/** The day after `day` ("2026-12-05" → "2026-12-06"): where an all-day event ends. */
export function nextDay(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** The hours from `startHour` to `endHour`, at least one. */
export function slotTimes(startHour: number, endHour: number): Pick<DayFrame, "slotMinTime" | "slotMaxTime"> {
  return { slotMinTime: hhmm(startHour), slotMaxTime: hhmm(Math.max(endHour, startHour + 1)) };
}

/**
 * The venue's offset on `day`: read from a timed event's instant when there is one (`startsAt`),
 * else asked of `zone` at noon; an unknown zone draws the UTC wall clock, as good as any for a day
 * with nothing timed on it.
 */
export function dayOffset(startsAt: string | undefined, zone: string, day: string): string {
  if (startsAt !== undefined) return offsetOf(startsAt);
  try {
    return offsetString(offsetMinutesIn(zone, new Date(`${day}T12:00:00Z`)));
  } catch {
    return "+00:00";
  }
}

const H23: Intl.DateTimeFormatOptions = { hour: "2-digit", minute: "2-digit", hourCycle: "h23" };

/**
 * EventCalendar's options for one venue day drawn by `frame`, filling its host, with the now line:
 * `own` adds the view, the events and the hooks, and `dayHeader` says how long the day's heading
 * is ("long": "Saturday, 5 December"; "short": "Sat, 5 Dec").
 */
export function dayCalendarOptions(
  day: string,
  frame: DayFrame,
  own: Calendar.Options & { dayHeader: "long" | "short" },
): Calendar.Options {
  const { dayHeader, ...rest } = own;
  return {
    date: day,
    timeZone: frame.offset,
    headerToolbar: { start: "", center: "", end: "" },
    slotMinTime: frame.slotMinTime,
    slotMaxTime: frame.slotMaxTime,
    scrollTime: frame.slotMinTime,
    slotDuration: "00:15:00",
    slotLabelInterval: "01:00",
    slotLabelFormat: H23,
    eventTimeFormat: H23,
    dayHeaderFormat: { weekday: dayHeader, day: "numeric", month: dayHeader },
    allDaySlot: frame.hasAllDay,
    allDayContent: "All day",
    nowIndicator: true,
    height: "100%",
    ...rest,
  };
}
