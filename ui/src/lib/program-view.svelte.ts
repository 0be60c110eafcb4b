// Why: how the user is looking at the program (view, day, filters, search, open session). It
// lives outside the screen so leaving Program for People and coming back keeps the place; it is
// reset when another congress is chosen. What the views draw comes from the program store, which
// asks the backend for this look (`look`): the day's rows and the counts around them.
import type { Attendance, ProgramFilter, Session, SessionId, SessionKind } from "./bindings";
import { describeError, type CommandError } from "./api";
import { congresses } from "./congresses.svelte";
import { program, type ProgramLook } from "./program.svelte";
import { dayIn } from "./venue-time";

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
  /** What is in the search field. */
  query = $state("");
  /** The search that runs (the field after a pause in typing); null when not searching. */
  searched = $state<string | null>(null);
  /** Ids of the marked sessions the search matches (the agenda while searching); null when not searching. */
  #agendaMatches = $state.raw<Set<SessionId> | null>(null);
  selectedId = $state<SessionId | null>(null);
  showHome = $state(false);
  /** The last thing that went wrong or was done, read out politely. */
  notice = $state("");
  #timer: ReturnType<typeof setTimeout> | undefined;
  #searchSeq = 0;

  /** The congress days and any day a session falls on outside them (a pre-congress satellite). */
  days: string[] = $derived(program.overview?.days.map((d) => d.day) ?? []);

  day = $derived.by(() => {
    if (this.pickedDay !== null && this.days.includes(this.pickedDay)) return this.pickedDay;
    return defaultDay(this.days, congresses.current?.time_zone ?? "UTC");
  });

  /** Rooms in use on the shown day (what decides between grid and list at first). */
  roomsOnDay = $derived(program.overview?.days.find((d) => d.day === this.day)?.rooms ?? 0);

  get view(): ProgramView {
    return this.#chosenView ?? defaultView(this.roomsOnDay, this.#narrow);
  }

  set view(view: ProgramView) {
    this.#chosenView = view;
  }

  filter: ProgramFilter = $derived({ track: this.track, kind: this.kind, room: this.room, search: this.searched });

  /** What the screen asks the program store to show. */
  look: ProgramLook = $derived({ day: this.day, filter: this.filter });

  /**
   * What the grid and the list show: the shown day under the filters and search (ranked when
   * searching). Without a search, the sessions, with the talks they hold inside them; with one, a
   * matching talk shows on its own.
   */
  visible: Session[] = $derived(program.rows);

  /** The day `visible` is of (the one asked for may still be on its way). */
  shownDay = $derived(program.rowsLook?.day ?? this.day);

  /** Whether `visible` are search results (ranked, each naming its day). */
  searching = $derived(program.rowsLook?.filter.search != null);
  /** Whether search results come best match first (false: too many matched to rank, time order). */
  bestFirst = $derived(program.overview?.best_first ?? true);

  trackOptions = $derived(program.overview?.tracks ?? []);
  kindOptions = $derived(program.overview?.kinds ?? []);
  roomOptions = $derived(program.overview?.rooms ?? []);
  /** How many sessions each day holds under the search and the other filters. */
  dayCounts = $derived(new Map((program.overview?.days ?? []).map((d) => [d.day, d.sessions])));

  /** The agenda ignores day and filters (it is the whole plan, talks marked inside sessions too) but follows the search. */
  agenda: Session[] = $derived.by(() => {
    const matches = this.#agendaMatches;
    return matches === null ? program.agenda : program.agenda.filter((s) => matches.has(s.id));
  });

  /** A search that failed says so beside the field. */
  searchError: CommandError | null = $derived(this.searched !== null ? program.error : null);

  filtersActive = $derived(this.track !== null || this.kind !== null || this.room !== null);

  /** Runs the search after a short pause in typing; an empty query ends searching at once. */
  setQuery(query: string): void {
    this.query = query;
    clearTimeout(this.#timer);
    const seq = ++this.#searchSeq;
    if (query.trim() === "") {
      this.searched = null;
      this.#agendaMatches = null;
      return;
    }
    this.#timer = setTimeout(async () => {
      const typed = query.trim();
      this.searched = typed; // the list and counts follow through `look`
      const res = await program.searchAgenda(typed);
      if (seq !== this.#searchSeq) return; // a newer keystroke owns the result
      this.#agendaMatches = new Set(res.status === "ok" ? res.data.map((s) => s.id) : []);
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
    this.searched = null;
    this.#agendaMatches = null;
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
