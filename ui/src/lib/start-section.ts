// Why: the app opens where the user needs it: on the congress floor that is Today; between
// congresses it is Keep in touch (who is due a check-in, what is owed, the next congress). "On the
// floor" means today's date at the venue (not on this computer, nor in UTC) falls within the
// congress days, the same rule the backend's `today` uses.
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

/**
 * Today while the congress being planned is on; Keep in touch while no congress is on; Program
 * while another congress than the one being planned is on (the user chose to plan that one).
 */
export function startSection(
  current: Congress | null,
  all: readonly Pick<Congress, "starts_on" | "ends_on" | "time_zone">[],
  nowMs: number,
): SectionId {
  if (current && isRunning(current, nowMs)) return "today";
  return all.some((c) => isRunning(c, nowMs)) ? "program" : "touch";
}
