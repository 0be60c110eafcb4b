// Why: component tests talk to the same `commands` as the app, answered by this in-memory stand-in
// for the Rust side (through Tauri's own mockIPC), so no test reaches into a store's insides.
import { mockIPC } from "@tauri-apps/api/mocks";
import type {
  Clash,
  CommandError,
  Congress,
  CongressContents,
  CongressDraft,
  FieldProblem,
  ImportReport,
  Session,
  SessionDetail,
  SessionId,
  Settings,
} from "../lib/bindings";

export type FakeBackend = {
  congresses: Congress[];
  settings: Settings;
  contents: CongressContents;
  /** What validate_congress answers; a function sees the draft. */
  validate: (draft: CongressDraft) => FieldProblem[];
  /** When set, create/update fail with this error. */
  saveError: CommandError | null;
  /** The program of every congress (list_sessions filters nothing: tests use one congress). */
  sessions: Session[];
  /** What session_detail adds to a session (description, url, people…). */
  details: Record<SessionId, Partial<Omit<SessionDetail, "session">>>;
  /** search_sessions: ranked ids. By default, titles containing the query, in program order. */
  search: (query: string, sessions: Session[]) => SessionId[];
  /** agenda_clashes; null (the default) works them out from the attending sessions. */
  clashes: Clash[] | null;
  /** import_program: resolves to the report or throws a CommandError; may await the test. */
  importProgram: (path: string) => ImportReport | Promise<ImportReport>;
  /** The sessions load_sample_program adds. */
  sampleSessions: Session[];
  /** What the OS file dialog answers (null: the user closed it). */
  dialogPath: string | null;
  calls: { cmd: string; args: Record<string, unknown> }[];
};

let nextSessionId = 100;

/** A session as list_sessions returns it; times carry the venue offset (EST by default). */
export function session(overrides: Partial<Session> = {}): Session {
  const id = overrides.id ?? nextSessionId++;
  return {
    id,
    key: `key-${id}`,
    title: `Session ${id}`,
    kind: "oral",
    starts_at: "2026-12-05T08:30:00-05:00",
    ends_at: "2026-12-05T10:00:00-05:00",
    all_day: false,
    room: "Room 6A",
    track: "Myeloma",
    abstract_number: null,
    speakers: [],
    withdrawn: false,
    attendance: null,
    target_ids: [],
    sample: false,
    ...overrides,
  };
}

export function report(overrides: Partial<ImportReport> = {}): ImportReport {
  return { format: "frab_xml", added: 0, updated: 0, unchanged: 0, withdrawn: 0, people_added: 0, ...overrides };
}

/** Overlaps between attending sessions, as the backend's plan::clashes answers them. */
export function clashesOf(sessions: Session[]): Clash[] {
  const attending = sessions
    .filter((s) => s.attendance === "attending" && !s.withdrawn && !s.all_day)
    .sort((a, b) => Date.parse(a.starts_at) - Date.parse(b.starts_at));
  const out: Clash[] = [];
  attending.forEach((a, i) => {
    for (const b of attending.slice(i + 1)) {
      if (Date.parse(b.starts_at) >= Date.parse(a.ends_at)) continue;
      const ends = Date.parse(a.ends_at) < Date.parse(b.ends_at) ? a.ends_at : b.ends_at;
      out.push({
        first: { type: "session", id: a.id },
        second: { type: "session", id: b.id },
        overlap_starts_at: b.starts_at,
        overlap_ends_at: ends,
      });
    }
  });
  return out;
}

export function congress(overrides: Partial<Congress> = {}): Congress {
  return {
    id: 1,
    name: "ASH Annual Meeting 2026",
    short_name: "ASH 2026",
    series: "ash",
    starts_on: "2026-12-05",
    ends_on: "2026-12-08",
    time_zone: "America/Los_Angeles",
    city: "San Diego",
    venue: null,
    website: null,
    hashtags: ["#ASH26"],
    notes: "",
    ...overrides,
  };
}

export function installFakeBackend(init: Partial<FakeBackend> = {}): FakeBackend {
  const b: FakeBackend = {
    congresses: [],
    settings: {
      current_congress_id: null,
      home_time_zone: null,
      day_start_hour: 7,
      day_end_hour: 20,
      default_meeting_minutes: 30,
      buffer_minutes: 10,
    },
    contents: { sessions: 0, targets: 0, meetings: 0, goals: 0, pitches: 0 },
    validate: () => [],
    saveError: null,
    sessions: [],
    details: {},
    search: (query, sessions) =>
      sessions.filter((x) => x.title.toLowerCase().includes(query.toLowerCase())).map((x) => x.id),
    clashes: null,
    importProgram: () => report(),
    sampleSessions: [],
    dialogPath: null,
    calls: [],
    ...init,
  };
  const sessionById = (id: unknown): Session => {
    const found = b.sessions.find((x) => x.id === id);
    if (!found) throw { kind: "not_found", message: `no session ${String(id)}` } satisfies CommandError;
    return found;
  };
  const fromDraft = (id: number, d: CongressDraft): Congress => ({
    ...d,
    id,
    short_name: d.short_name || null,
    city: d.city || null,
    venue: d.venue || null,
    website: d.website || null,
    hashtags: d.hashtags.split(/[\s,]+/).filter(Boolean),
  });

  mockIPC((cmd, payload) => {
    const args = (payload ?? {}) as Record<string, unknown>;
    b.calls.push({ cmd, args });
    switch (cmd) {
      case "list_congresses":
        return b.congresses;
      case "get_settings":
        return b.settings;
      case "update_settings":
        b.settings = args.settings as Settings;
        return b.settings;
      case "time_zones":
        return ["America/Los_Angeles", "Europe/Paris"];
      case "app_info":
        return { version: "0.1.0", database_path: "/home/doc/.local/share/hallway/hallway.sqlite3" };
      case "validate_congress":
        return b.validate(args.draft as CongressDraft);
      case "congress_contents":
        return b.contents;
      case "create_congress":
      case "update_congress": {
        if (b.saveError) throw b.saveError;
        const id = cmd === "create_congress" ? Math.max(0, ...b.congresses.map((c) => c.id)) + 1 : (args.id as number);
        const saved = fromDraft(id, args.draft as CongressDraft);
        b.congresses = [...b.congresses.filter((c) => c.id !== id), saved];
        return saved;
      }
      case "delete_congress":
        b.congresses = b.congresses.filter((c) => c.id !== args.id);
        return null;
      case "list_sessions":
        return b.sessions;
      case "search_sessions":
        return b.search(args.query as string, b.sessions);
      case "agenda_clashes":
        return b.clashes ?? clashesOf(b.sessions);
      case "session_detail": {
        const found = sessionById(args.id);
        return { session: found, description: "", url: null, user_notes: "", people: [], ...b.details[found.id] };
      }
      case "set_attendance": {
        const saved = { ...sessionById(args.id), attendance: args.attendance as Session["attendance"] };
        b.sessions = b.sessions.map((x) => (x.id === saved.id ? saved : x));
        return saved;
      }
      case "import_program":
        return b.importProgram(args.path as string);
      case "cancel_import":
        return null;
      case "plugin:dialog|open":
        return b.dialogPath;
      case "load_sample_program":
        b.sessions = [...b.sessions, ...b.sampleSessions];
        return report({ format: "sample", added: b.sampleSessions.length });
      default:
        throw { kind: "not_found", message: `no command ${cmd}` } satisfies CommandError;
    }
  }, { shouldMockEvents: true }); // progress events: tests emit, the import store listens
  return b;
}
