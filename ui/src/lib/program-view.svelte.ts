// Why: how the user is looking at the program (view, day, filters, search, open session). It
// lives outside the screen so leaving Program for People and coming back keeps the place; it is
// reset when another congress is chosen. The derived lists here are what every view draws.
import type { Attendance, Session, SessionId, SessionKind } from "./bindings";
import { describeError, type CommandError } from "./api";
import { congresses } from "./congresses.svelte";
import { program } from "./program.svelte";
import { applyFilter, dayCounts, facetOptions, matching, programDays, type ProgramFilter } from "./program-filter";
import { dayIn, dayOf, daysBetween } from "./venue-time";

export type ProgramView = "grid" | "list" | "agenda";

/** How long typing may pause before the search runs (fast enough to feel live). */
export const SEARCH_DEBOUNCE_MS = 120;

/** From this many rooms in a day on, the program opens on the list rather than the grid. */
export const GRID_MAX_ROOMS = 12;

/**
 * The view the program opens on. Phone-sized windows start on the list: a room grid needs width.
 * So does a congress-scale day: 60 rooms make a grid 60 columns wide that is read by scrolling
 * sideways, and drawing it held ~60 MB in the webview (docs/performance.md); the list with its
 * filters is the better start there, and the grid stays one click away.
 */
export function defaultView(rooms = 0, narrow = isNarrow()): ProgramView {
  return narrow || rooms > GRID_MAX_ROOMS ? "list" : "grid";
}

function isNarrow(): boolean {
  return typeof window.matchMedia === "function" && window.matchMedia("(max-width: 599.98px)").matches;
}

/** Today when the congress is running (by its own clock), else its first day. */
export function defaultDay(days: readonly string[], zone: string, now = new Date()): string | null {
  let today = "";
  try {
    today = dayIn(zone, now);
  } catch {
    // an unknown zone: fall back to the first day
  }
  return days.includes(today) ? today : (days[0] ?? null);
}

class ProgramViewState {
  /** The congress this look belongs to; another one starts afresh. */
  congressId: number | null = null;
  /** The view the user picked; until then it follows defaultView for the shown day. */
  #chosenView = $state<ProgramView | null>(null);
  /** Whether the window was phone-sized when this look started. */
  #narrow = $state(isNarrow());
  /** The day the user picked; `day` below falls back to the default when it is not a program day. */
  pickedDay = $state<string | null>(null);
  track = $state<string | null>(null);
  kind = $state<SessionKind | null>(null);
  room = $state<string | null>(null);
  query = $state("");
  /** Ranked ids of the last finished search; null when not searching. */
  ranked = $state.raw<SessionId[] | null>(null);
  searchError = $state<CommandError | null>(null);
  selectedId = $state<SessionId | null>(null);
  showHome = $state(false);
  /** The last thing that went wrong or was done, read out politely. */
  notice = $state("");
  #timer: ReturnType<typeof setTimeout> | undefined;
  #searchSeq = 0;

  days = $derived.by(() => {
    const c = congresses.current;
    return programDays(c ? daysBetween(c.starts_on, c.ends_on) : [], program.sessions);
  });

  day = $derived.by(() => {
    if (this.pickedDay !== null && this.days.includes(this.pickedDay)) return this.pickedDay;
    return defaultDay(this.days, congresses.current?.time_zone ?? "UTC");
  });

  /** Rooms in use on the shown day (what decides between grid and list at first). */
  roomsOnDay = $derived.by(() => {
    const rooms = new Set<string | null>();
    for (const s of program.sessions) if (dayOf(s.starts_at) === this.day) rooms.add(s.room);
    return rooms.size;
  });

  get view(): ProgramView {
    return this.#chosenView ?? defaultView(this.roomsOnDay, this.#narrow);
  }

  set view(view: ProgramView) {
    this.#chosenView = view;
  }

  filter: ProgramFilter = $derived({ day: this.day, track: this.track, kind: this.kind, room: this.room });

  /**
   * What the grid and the list offer: the sessions, with the talks they hold inside them (opened in
   * a session's detail), except when searching, where a matching talk shows on its own.
   */
  #browsable: Session[] = $derived(this.ranked === null ? program.sessions.filter((s) => s.parent_id === null) : program.sessions);

  /** What the grid and the list show: the chosen day, filters and search (ranked when searching). */
  visible: Session[] = $derived(applyFilter(this.#browsable, this.filter, this.ranked));

  /** Sessions left by the search alone: what the facet counts and day counts are taken from. */
  #searched: Session[] = $derived(matching(this.#browsable, this.ranked));
  trackOptions = $derived(facetOptions(this.#searched, this.filter, "track"));
  kindOptions = $derived(facetOptions(this.#searched, this.filter, "kind"));
  roomOptions = $derived(facetOptions(this.#searched, this.filter, "room"));
  dayCounts = $derived(dayCounts(this.#searched, this.filter));

  /** The agenda ignores day and filters (it is the whole plan, talks marked inside sessions too) but follows the search. */
  agenda: Session[] = $derived(matching(program.sessions, this.ranked).filter((s) => s.attendance !== null));

  filtersActive = $derived(this.track !== null || this.kind !== null || this.room !== null);

  /** Runs the search after a short pause in typing; an empty query ends searching at once. */
  setQuery(query: string): void {
    this.query = query;
    clearTimeout(this.#timer);
    const seq = ++this.#searchSeq;
    if (query.trim() === "") {
      this.ranked = null;
      this.searchError = null;
      return;
    }
    this.#timer = setTimeout(async () => {
      const res = await program.search(query.trim());
      if (seq !== this.#searchSeq) return; // a newer keystroke owns the result
      if (res.status === "ok") {
        this.ranked = res.data;
        this.searchError = null;
      } else {
        this.searchError = res.error;
      }
    }, SEARCH_DEBOUNCE_MS);
  }

  clearFilters(): void {
    this.track = this.kind = this.room = null;
  }

  /** Back to a fresh look: another congress was chosen (or a test starts). */
  reset(congressId: number | null = null): void {
    this.congressId = congressId;
    clearTimeout(this.#timer);
    this.#searchSeq++;
    this.#chosenView = null;
    this.#narrow = isNarrow();
    this.pickedDay = null;
    this.clearFilters();
    this.query = "";
    this.ranked = null;
    this.searchError = null;
    this.selectedId = null;
    this.showHome = false;
    this.notice = "";
  }
}

export const programView = new ProgramViewState();

/** Attend / Maybe (buttons and the `a` / `m` keys): toggles the mark, saying so if it fails. */
export async function markAttendance(session: Session, mark: Attendance): Promise<void> {
  const res = await program.toggle(session, mark);
  programView.notice = res.status === "ok" ? "" : `Could not mark “${session.title}”: ${describeError(res.error)}`;
}
