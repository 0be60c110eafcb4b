// Why: the program of the congress being planned, as much of it as the screen shows: the rows of
// the day on screen (under the filters and search), the overview around them (days, filter options
// and their counts), the agenda (what I marked, every day: small) and its clashes. The whole
// program (9,000 sessions at congress scale) never comes to the page: it cost the webview ~25 MB
// (docs/performance.md). Every call to the session commands lives here.
import {
  commands,
  events,
  type Attendance,
  type Clash,
  type CongressId,
  type ProgramFilter,
  type ProgramOverview,
  type Session,
  type SessionId,
  type SessionPage,
} from "./bindings";
import { settle, type CommandError, type Result } from "./api";
import { clashesBySession } from "./clashes";
import { markStartup } from "./first-paint";

/** What the user looks at: a venue day ("2026-12-05"; null before the days are known) and the filters. */
export type ProgramLook = { day: string | null; filter: ProgramFilter };

export const UNFILTERED: ProgramFilter = { track: null, kind: null, room: null, search: null };

export function sameLook(a: ProgramLook, b: ProgramLook): boolean {
  const f = a.filter;
  const g = b.filter;
  return a.day === b.day && f.track === g.track && f.kind === g.kind && f.room === g.room && f.search === g.search;
}

/** The agenda's order: by time, then title (as the backend sends it). */
function byTime(a: Session, b: Session): number {
  return Date.parse(a.starts_at) - Date.parse(b.starts_at) || a.title.localeCompare(b.title) || a.id - b.id;
}

class ProgramStore {
  congressId = $state<CongressId | null>(null);
  /** Days, filter options and counts under the look last asked for. */
  overview = $state.raw<ProgramOverview | null>(null);
  /** What the list and grid draw: the rows of `rowsLook` (the old day's stay until a new day arrives). */
  rows = $state.raw<Session[]>([]);
  rowsLook = $state.raw<ProgramLook | null>(null);
  /** The sessions marked attending or maybe, every day, in time order. */
  agenda = $state.raw<Session[]>([]);
  clashes = $state.raw<Clash[]>([]);
  /** The overview has arrived (so whether there is a program at all is known). */
  loaded = $state(false);
  /** Counts loads: an import or refresh may have changed anything (what reads import state follows it). */
  version = $state(0);
  error = $state<CommandError | null>(null);
  clashMap = $derived(clashesBySession(this.clashes));
  agendaById = $derived(new Map(this.agenda.map((s) => [s.id, s])));
  /** Rows marked since they were read (a talk in the detail, a palette result): one per click. */
  #saved = $state.raw(new Map<SessionId, Session>());
  /** The look asked for last (its answer may be on the way). */
  #look: ProgramLook = { day: null, filter: UNFILTERED };
  /** Answers to an older load (the user switched congress meanwhile) are dropped. */
  #generation = 0;
  /** Answers to a look no longer wanted (the user switched day again) are dropped. */
  #lookRequest = 0;
  /** Marks made in quick succession ask for clashes in turn; only the latest answer counts. */
  #clashRequest = 0;
  #following = false;

  /**
   * Reloads the program shown when a subscribed program it came from changed in a refresh the
   * user did not start (at app start). Listens once, for the life of the window.
   */
  followRefreshes(): void {
    if (this.#following) return;
    this.#following = true;
    events.programRefreshed
      .listen((e) => {
        if (e.payload === this.congressId) void this.load(e.payload);
      })
      .catch(() => (this.#following = false)); // no backend events (UI tests): nothing to follow
  }

  /** Loads (or reloads) the overview, the shown day, the agenda and the clashes of `congressId`. */
  async load(congressId: CongressId): Promise<Result<ProgramOverview, CommandError>> {
    if (this.congressId !== congressId) {
      this.#forget();
      this.congressId = congressId;
    }
    const generation = ++this.#generation;
    const look = this.#look;
    const request = ++this.#lookRequest;
    const [overview, rows, agenda, clashes] = await Promise.all([
      settle(() => commands.getProgramOverview(congressId, look.day, look.filter)),
      look.day === null ? null : this.#day(congressId, look.day, look.filter),
      settle(() => commands.listAgendaSessions(congressId, null)),
      settle(() => commands.agendaClashes(congressId)),
    ]);
    if (generation !== this.#generation) return overview;
    if (request === this.#lookRequest) this.#apply(look, overview, rows);
    if (agenda.status === "ok") {
      this.agenda = agenda.data;
      this.#saved = new Map();
    }
    if (clashes.status === "ok") this.clashes = clashes.data;
    this.loaded ||= overview.status === "ok";
    const failed = [overview, rows, agenda, clashes].find((r) => r?.status === "error");
    this.error = failed?.status === "error" ? failed.error : null;
    this.version++;
    return overview;
  }

  /**
   * Shows `look`: its day's rows and the counts under its filters and search. The rows on screen
   * stay until the new ones arrive, so switching day never blanks the list.
   */
  async show(look: ProgramLook): Promise<void> {
    const id = this.congressId;
    if (id === null || sameLook(look, this.#look)) return;
    this.#look = look;
    const generation = this.#generation;
    const request = ++this.#lookRequest;
    const [overview, rows] = await Promise.all([
      settle(() => commands.getProgramOverview(id, look.day, look.filter)),
      look.day === null ? null : this.#day(id, look.day, look.filter),
    ]);
    if (generation !== this.#generation || request !== this.#lookRequest) return; // an answer for a look no longer shown
    this.#apply(look, overview, rows);
    const failed = overview.status === "error" ? overview : rows?.status === "error" ? rows : null;
    this.error = failed?.status === "error" ? failed.error : null;
  }

  #day(id: CongressId, day: string, filter: ProgramFilter): Promise<Result<Session[], CommandError>> {
    return settle(() => commands.listProgramDay(id, day, filter));
  }

  #apply(look: ProgramLook, overview: Result<ProgramOverview, CommandError>, rows: Result<Session[], CommandError> | null): void {
    if (overview.status === "ok") this.overview = overview.data;
    if (rows?.status === "ok") {
      markStartup("data-loaded");
      this.rows = rows.data;
      this.rowsLook = look;
    } else if (rows === null && overview.status === "ok" && overview.data.sessions === 0) {
      markStartup("data-loaded"); // nothing to show: the empty state is the data
    }
  }

  #forget(): void {
    this.#generation++;
    this.#lookRequest++;
    this.#look = { day: null, filter: UNFILTERED };
    this.congressId = null;
    this.overview = null;
    this.rows = [];
    this.rowsLook = null;
    this.agenda = [];
    this.clashes = [];
    this.#saved = new Map();
    this.loaded = false;
    this.error = null;
  }

  /** Forgets the loaded program (its congress was deleted, or a test starts afresh). */
  reset(): void {
    this.#forget();
  }

  /** The newest copy of a row read earlier (a mark may have changed it since). */
  latest(row: Session): Session {
    return this.#saved.get(row.id) ?? row;
  }

  /** The title of a session the page knows of (its day or the agenda), for clash notes. */
  titleOf(id: SessionId): string | null {
    return this.agendaById.get(id)?.title ?? this.rows.find((s) => s.id === id)?.title ?? this.#saved.get(id)?.title ?? null;
  }

  /** The best matches on any day of `congressId`, as rows (the command palette). */
  searchRows(congressId: CongressId, query: string, limit: number): Promise<Result<Session[], CommandError>> {
    return settle(() => commands.searchSessionRows(congressId, query, limit));
  }

  /** The marked sessions a search matches (the agenda while searching). */
  searchAgenda(query: string): Promise<Result<Session[], CommandError>> {
    const id = this.congressId;
    if (id === null) return Promise.resolve({ status: "ok", data: [] });
    return settle(() => commands.listAgendaSessions(id, query));
  }

  detail(id: SessionId): Promise<Result<SessionPage, CommandError>> {
    return settle(() => commands.sessionDetail(id));
  }

  /** Marks a session: its row changes in place, the agenda follows, then the clashes. */
  async setAttendance(id: SessionId, attendance: Attendance | null): Promise<Result<Session, CommandError>> {
    const res = await settle(() => commands.setAttendance(id, attendance));
    if (res.status === "ok") {
      const saved = res.data;
      if (this.rows.some((s) => s.id === saved.id)) this.rows = this.rows.map((s) => (s.id === saved.id ? saved : s));
      const others = this.agenda.filter((s) => s.id !== saved.id);
      this.agenda = saved.attendance === null ? others : [...others, saved].sort(byTime);
      this.#saved = new Map(this.#saved).set(saved.id, saved);
      void this.refreshClashes(); // the marks show at once; clash marks follow
    } else if (res.error.kind === "not_found" && this.congressId !== null) {
      await this.load(this.congressId);
    }
    return res;
  }

  /** Attending <-> not, or maybe <-> not: what the Attend and Maybe buttons (and `a`/`m`) do. */
  toggle(session: Session, mark: Attendance): Promise<Result<Session, CommandError>> {
    const current = this.latest(session); // the row may hold an older copy
    return this.setAttendance(session.id, current.attendance === mark ? null : mark);
  }

  async refreshClashes(): Promise<void> {
    const id = this.congressId;
    if (id === null) return;
    const request = ++this.#clashRequest;
    const res = await settle(() => commands.agendaClashes(id));
    if (res.status === "ok" && id === this.congressId && request === this.#clashRequest) this.clashes = res.data;
  }
}

export const program = new ProgramStore();
