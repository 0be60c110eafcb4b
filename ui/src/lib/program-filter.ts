// Why: the rules by which the Program narrows a congress (day, track, kind, room, search) and counts
// what each choice would leave. The backend applies them (program::filter, rows::day, overview) so
// the page never holds the whole program; these pure functions state the same rules for the UI's
// tests and the fake backend that answers them, plus the list's time groups and the agenda's days.
import type { Session, SessionId, SessionKind } from "./bindings";
import { dayOf } from "./venue-time";

/** The option value that stands for "no room" / "no track" (sessions without one). */
export const NONE = "__none__";

export type Facet = "track" | "kind" | "room";

export type DayFilter = {
  /** "YYYY-MM-DD" in venue time, or null for every day. */
  day: string | null;
  track: string | null;
  kind: SessionKind | null;
  room: string | null;
};

export const NO_FILTER: DayFilter = { day: null, track: null, kind: null, room: null };

function facetValue(s: Session, facet: Facet): string {
  if (facet === "kind") return s.kind;
  return s[facet] ?? NONE;
}

function passes(s: Session, f: DayFilter, except?: Facet | "day"): boolean {
  if (except !== "day" && f.day !== null && dayOf(s.starts_at) !== f.day) return false;
  if (except !== "track" && f.track !== null && facetValue(s, "track") !== f.track) return false;
  if (except !== "kind" && f.kind !== null && s.kind !== f.kind) return false;
  if (except !== "room" && f.room !== null && facetValue(s, "room") !== f.room) return false;
  return true;
}

/**
 * The sessions the filter lets through. Without a search they keep the program's time order;
 * with one (`ranked`, best first, from searchSessions) they keep the search's order, so the best
 * match stays on top of the list.
 */
export function applyFilter(sessions: readonly Session[], f: DayFilter, ranked: readonly SessionId[] | null): Session[] {
  if (ranked === null) return sessions.filter((s) => passes(s, f));
  const byId = new Map<SessionId, Session>();
  for (const s of sessions) if (passes(s, f)) byId.set(s.id, s);
  const out: Session[] = [];
  for (const id of ranked) {
    const s = byId.get(id);
    if (s) {
      out.push(s);
      byId.delete(id); // a ranked list with a repeated id still shows the session once
    }
  }
  return out;
}

/** Only the sessions a search matched (all of them when there is no search). */
export function matching(sessions: readonly Session[], ranked: readonly SessionId[] | null): Session[] {
  if (ranked === null) return sessions.slice();
  const ids = new Set(ranked);
  return sessions.filter((s) => ids.has(s.id));
}

export type FacetOption = { value: string; count: number };

/**
 * The values of one facet with how many sessions each would show, counted under the other
 * filters (so choosing a kind shows how many of it each room has), most common first.
 */
export function facetOptions(sessions: readonly Session[], f: DayFilter, facet: Facet): FacetOption[] {
  const counts = new Map<string, number>();
  for (const s of sessions) {
    if (!passes(s, f, facet)) continue;
    const v = facetValue(s, facet);
    counts.set(v, (counts.get(v) ?? 0) + 1);
  }
  // The chosen value stays offered even when nothing is left under the other filters.
  const chosen = f[facet];
  if (chosen !== null && !counts.has(chosen)) counts.set(chosen, 0);
  return [...counts]
    .map(([value, count]) => ({ value, count }))
    .sort((a, b) => (a.value === NONE ? 1 : 0) - (b.value === NONE ? 1 : 0) || a.value.localeCompare(b.value, "en", { numeric: true }));
}

/** How many sessions each day holds under the other filters (search included by the caller). */
export function dayCounts(sessions: readonly Session[], f: DayFilter): Map<string, number> {
  const counts = new Map<string, number>();
  for (const s of sessions) {
    if (!passes(s, f, "day")) continue;
    const d = dayOf(s.starts_at);
    counts.set(d, (counts.get(d) ?? 0) + 1);
  }
  return counts;
}

/** The days the program covers: the congress days plus any session outside them (a pre-day satellite). */
export function programDays(congressDays: readonly string[], sessions: readonly Session[]): string[] {
  const days = new Set(congressDays);
  for (const s of sessions) days.add(dayOf(s.starts_at));
  return [...days].sort();
}

/** One row of the list: a session, and whether it opens a new start-time group. */
export type ListRow = { session: Session; groupStart: boolean };

/**
 * Rows grouped by start time: the first session of each start time carries the group heading.
 * `grouped` is false for ranked search results, where order is relevance, not time.
 */
export function listRows(sessions: readonly Session[], grouped: boolean): ListRow[] {
  let previous = "";
  return sessions.map((session) => {
    const groupStart = grouped && session.starts_at !== previous;
    previous = session.starts_at;
    return { session, groupStart };
  });
}

/** The agenda: attending and maybe sessions, by day then time. */
export function agendaDays(sessions: readonly Session[]): { day: string; sessions: Session[] }[] {
  const days = new Map<string, Session[]>();
  for (const s of sessions) {
    if (s.attendance === null) continue;
    const d = dayOf(s.starts_at);
    let list = days.get(d);
    if (!list) days.set(d, (list = []));
    list.push(s);
  }
  return [...days]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([day, list]) => ({ day, sessions: list.sort(byTime) }));
}

function byTime(a: Session, b: Session): number {
  return Date.parse(a.starts_at) - Date.parse(b.starts_at) || a.title.localeCompare(b.title);
}
