// Why: the app opens where the user needs it: on the congress floor that is Today, at home while
// planning it is Program. "On the floor" means today's date at the venue (not on this computer,
// nor in UTC) falls within the congress days, the same rule the backend's `today` uses.
import type { Congress } from "./bindings";
import type { SectionId } from "./sections";
import { dayIn } from "./venue-time";

/** The venue's calendar day at `nowMs`; an unknown zone counts as UTC, as the backend does. */
export function venueDay(timeZone: string, nowMs: number): string {
  const at = new Date(nowMs);
  try {
    return dayIn(timeZone, at);
  } catch {
    return at.toISOString().slice(0, 10);
  }
}

/** Whether `nowMs` falls on one of the congress days, by the venue's calendar. */
export function isRunning(congress: Pick<Congress, "starts_on" | "ends_on" | "time_zone">, nowMs: number): boolean {
  const day = venueDay(congress.time_zone, nowMs);
  return congress.starts_on <= day && day <= congress.ends_on;
}

/** Today while the congress being planned is on; otherwise Program. */
export function startSection(congress: Congress | null, nowMs: number): SectionId {
  return congress && isRunning(congress, nowMs) ? "today" : "program";
}
