// Why: every session time the user reads is venue time, labelled with its zone ("08:30–10:00 EST"),
// with home time on demand. Session times arrive as RFC 3339 strings carrying the venue offset, so
// the venue day and wall clock are read from the string itself (cheap for 10,000 sessions and
// independent of this computer's zone); zone names and home times come from Intl.

const formatters = new Map<string, Intl.DateTimeFormat>();

/** Intl formatters are costly to build and rows ask for the same few again and again. */
function formatter(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, options);
    formatters.set(key, f);
  }
  return f;
}

function part(f: Intl.DateTimeFormat, date: Date, type: Intl.DateTimeFormatPartTypes): string {
  return f.formatToParts(date).find((p) => p.type === type)?.value ?? "";
}

const RFC3339 = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/i;

/** "2026-12-05T08:30:00-05:00" -> its calendar day "2026-12-05" as the string states it. */
export function dayOf(rfc3339: string): string {
  return rfc3339.slice(0, 10);
}

/** "2026-12-05T08:30:00-05:00" -> "08:30", the wall clock the string states. */
export function clockOf(rfc3339: string): string {
  return rfc3339.slice(11, 16);
}

/** Minutes after midnight of the string's own wall clock. */
export function minutesOf(rfc3339: string): number {
  const m = RFC3339.exec(rfc3339);
  return m ? Number(m[2]) * 60 + Number(m[3]) : 0;
}

/**
 * The same moment as a floating wall-clock time ("2026-12-05T08:30:00"), for a calendar that
 * should draw venue time whatever zone this computer is in.
 */
export function floating(rfc3339: string): string {
  const m = RFC3339.exec(rfc3339);
  if (!m) return rfc3339;
  return `${m[1]}T${m[2]}:${m[3]}:${m[4] ?? "00"}`;
}

/** "-05:00" for "…-05:00", "+00:00" for "…Z". */
export function offsetOf(rfc3339: string): string {
  const zone = RFC3339.exec(rfc3339)?.[5];
  if (!zone || zone.toUpperCase() === "Z") return "+00:00";
  return zone.includes(":") ? zone : `${zone.slice(0, 3)}:${zone.slice(3)}`;
}

/**
 * The short name of `zone` at `at`: "EST", "PDT", "CET", "BST". Where English has no letters for
 * it (Asia/Tokyo) the offset is shown instead ("GMT+9"), which is still unambiguous.
 */
export function zoneAbbreviation(zone: string, at: Date): string {
  let fallback = "";
  for (const locale of ["en-US", "en-GB"]) {
    const name = part(formatter(locale, { timeZone: zone, timeZoneName: "short" }), at, "timeZoneName");
    if (name && !/^(GMT|UTC)[+-−]/.test(name)) return name;
    fallback ||= name;
  }
  return fallback || zone;
}

/** "08:30" for the moment `at` as a clock in `zone` shows it (24-hour). */
export function clockIn(zone: string, at: Date): string {
  const f = formatter("en-GB", { timeZone: zone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
  return `${part(f, at, "hour")}:${part(f, at, "minute")}`;
}

/** "2026-12-05": the calendar day of `at` in `zone`. */
export function dayIn(zone: string, at: Date): string {
  const f = formatter("en-US", { timeZone: zone, year: "numeric", month: "2-digit", day: "2-digit" });
  return `${part(f, at, "year")}-${part(f, at, "month")}-${part(f, at, "day")}`;
}

/** The UTC offset of `zone` at `at` in minutes (-300 for EST). */
export function offsetMinutesIn(zone: string, at: Date): number {
  const f = formatter("en-US", {
    timeZone: zone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
    hourCycle: "h23",
  });
  const n = (t: Intl.DateTimeFormatPartTypes) => Number(part(f, at, t));
  const asUtc = Date.UTC(n("year"), n("month") - 1, n("day"), n("hour"), n("minute"), n("second"));
  return Math.round((asUtc - Math.floor(at.getTime() / 1000) * 1000) / 60000);
}

/** "-05:00" for -300 minutes. */
export function offsetString(minutes: number): string {
  const sign = minutes < 0 ? "-" : "+";
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, "0")}:${String(abs % 60).padStart(2, "0")}`;
}

/**
 * "08:30–10:00 EST" in `zone`; "01:30 EDT – 01:30 EST" when the clocks change in between, so
 * the label is never wrong for either end.
 */
export function formatTimeRange(startsAt: string, endsAt: string, zone: string): string {
  const start = new Date(startsAt);
  const end = new Date(endsAt);
  if (Number.isNaN(start.getTime())) return startsAt;
  if (Number.isNaN(end.getTime()) || end.getTime() === start.getTime()) {
    return `${clockIn(zone, start)} ${zoneAbbreviation(zone, start)}`;
  }
  const a = zoneAbbreviation(zone, start);
  const b = zoneAbbreviation(zone, end);
  if (a !== b) return `${clockIn(zone, start)} ${a} – ${clockIn(zone, end)} ${b}`;
  return `${clockIn(zone, start)}–${clockIn(zone, end)} ${a}`;
}

/** "08:30 EST": one moment with its zone. */
export function formatClock(at: string, zone: string): string {
  const d = new Date(at);
  if (Number.isNaN(d.getTime())) return at;
  return `${clockIn(zone, d)} ${zoneAbbreviation(zone, d)}`;
}

/**
 * Whether showing `home` next to `venue` adds anything: a different zone whose clock differs at
 * `at` (Europe/Paris and Europe/Berlin agree, so showing both would be noise).
 */
export function homeDiffers(venue: string, home: string | null | undefined, at: Date): home is string {
  if (!home || home === venue) return false;
  try {
    return offsetMinutesIn(venue, at) !== offsetMinutesIn(home, at);
  } catch {
    return false; // an unknown zone name: show venue time only
  }
}

/**
 * The range in home time, "14:30–16:00 CET", prefixed with the home weekday when it falls on
 * another day than in the venue ("Sun 01:30–03:00 CET"). Null when home time adds nothing.
 */
export function homeTimeRange(startsAt: string, endsAt: string, venue: string, home: string | null | undefined): string | null {
  const start = new Date(startsAt);
  if (Number.isNaN(start.getTime()) || !homeDiffers(venue, home, start)) return null;
  const range = formatTimeRange(startsAt, endsAt, home);
  const homeDay = dayIn(home, start);
  return homeDay === dayIn(venue, start) ? range : `${weekday(homeDay)} ${range}`;
}

const WEEKDAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** A calendar day as UTC midnight (no zone can move it), or null when unreadable. */
export function civilDate(day: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) return null;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return Number.isNaN(d.getTime()) ? null : d;
}

/** "2026-12-05" -> "Sat". */
export function weekday(day: string): string {
  const d = civilDate(day);
  return d ? (WEEKDAYS[d.getUTCDay()] ?? "") : day;
}

/** "2026-12-05" -> "Sat 5 Dec". */
export function formatDayLabel(day: string): string {
  const d = civilDate(day);
  if (!d) return day;
  return `${WEEKDAYS[d.getUTCDay()]} ${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]}`;
}

/** "2026-12-05" -> "Saturday 5 December", for headings and screen readers. */
export function formatLongDay(day: string): string {
  const d = civilDate(day);
  if (!d) return day;
  const f = formatter("en-GB", { timeZone: "UTC", weekday: "long", day: "numeric", month: "long" });
  return f.format(d).replace(",", "");
}

/** Every day from `first` to `last` inclusive ("YYYY-MM-DD"); at most a year, never endless. */
export function daysBetween(first: string, last: string): string[] {
  const a = civilDate(first);
  const b = civilDate(last);
  if (!a || !b || b < a) return a ? [first] : [];
  const days: string[] = [];
  for (let t = a.getTime(); t <= b.getTime() && days.length < 366; t += 86_400_000) {
    days.push(new Date(t).toISOString().slice(0, 10));
  }
  return days;
}
