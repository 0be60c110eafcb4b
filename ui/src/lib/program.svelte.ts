// Why: the program of the congress being planned (every session, in time order) and the clashes
// on the agenda, shared by the grid, the list, the agenda and the detail panel. Every call to the
// session commands lives here. The session array is raw state: 10,000 sessions are replaced, not
// deeply proxied, so filtering them stays cheap.
import { commands, events, type Attendance, type Clash, type CongressId, type Session, type SessionDetail, type SessionId } from "./bindings";
import { settle, type CommandError, type Result } from "./api";
import { clashesBySession } from "./clashes";
import { markStartup } from "./first-paint";

class ProgramStore {
  congressId = $state<CongressId | null>(null);
  sessions = $state.raw<Session[]>([]);
  clashes = $state.raw<Clash[]>([]);
  loaded = $state(false);
  error = $state<CommandError | null>(null);
  byId = $derived(new Map(this.sessions.map((s) => [s.id, s])));
  /** The talks (or posters) each session holds, in program order. */
  talksOf = $derived(talksBySession(this.sessions));
  clashMap = $derived(clashesBySession(this.clashes));
  /** Answers to an older load (the user switched congress meanwhile) are dropped. */
  #generation = 0;
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

  /** Loads (or reloads) the sessions and clashes of `congressId`. */
  async load(congressId: CongressId): Promise<Result<Session[], CommandError>> {
    const generation = ++this.#generation;
    if (this.congressId !== congressId) {
      this.congressId = congressId;
      this.sessions = [];
      this.clashes = [];
      this.loaded = false;
    }
    const [sessions, clashes] = await Promise.all([
      settle(() => commands.listSessions(congressId)),
      settle(() => commands.agendaClashes(congressId)),
    ]);
    if (generation !== this.#generation) return sessions;
    if (sessions.status === "ok") {
      markStartup("data-loaded");
      this.sessions = sessions.data;
      this.loaded = true;
    }
    if (clashes.status === "ok") this.clashes = clashes.data;
    this.error = sessions.status === "error" ? sessions.error : clashes.status === "error" ? clashes.error : null;
    return sessions;
  }

  /** Forgets the loaded program (its congress was deleted, or a test starts afresh). */
  reset(): void {
    this.#generation++;
    this.congressId = null;
    this.sessions = [];
    this.clashes = [];
    this.loaded = false;
    this.error = null;
  }

  /** Session ids matching `query`, best first; the caller decides what an empty query means. */
  search(query: string): Promise<Result<SessionId[], CommandError>> {
    const id = this.congressId;
    if (id === null) return Promise.resolve({ status: "ok", data: [] });
    return settle(() => commands.searchSessions(id, query));
  }

  detail(id: SessionId): Promise<Result<SessionDetail, CommandError>> {
    return settle(() => commands.sessionDetail(id));
  }

  /** Marks a session and refreshes the clashes, which depend on every mark. */
  async setAttendance(id: SessionId, attendance: Attendance | null): Promise<Result<Session, CommandError>> {
    const res = await settle(() => commands.setAttendance(id, attendance));
    if (res.status === "ok") {
      const saved = res.data;
      this.sessions = this.sessions.map((s) => (s.id === saved.id ? saved : s));
      void this.refreshClashes(); // the marks show at once; clash marks follow
    } else if (res.error.kind === "not_found" && this.congressId !== null) {
      await this.load(this.congressId);
    }
    return res;
  }

  /** Attending <-> not, or maybe <-> not: what the Attend and Maybe buttons (and `a`/`m`) do. */
  toggle(session: Session, mark: Attendance): Promise<Result<Session, CommandError>> {
    const current = this.byId.get(session.id) ?? session; // the row may hold an older copy
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

/** The items each session holds (`parent_id`), in the order given. */
export function talksBySession(sessions: readonly Session[]): Map<SessionId, Session[]> {
  const out = new Map<SessionId, Session[]>();
  for (const s of sessions) {
    if (s.parent_id === null) continue;
    const talks = out.get(s.parent_id);
    if (talks) talks.push(s);
    else out.set(s.parent_id, [s]);
  }
  return out;
}
