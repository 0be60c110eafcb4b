// Why: component tests talk to the same `commands` as the app, answered by this in-memory stand-in
// for the Rust side (through Tauri's own mockIPC), so no test reaches into a store's insides.
import { mockIPC } from "@tauri-apps/api/mocks";
import { applyFilter, dayCounts, facetOptions, matching, programDays, type DayFilter } from "../lib/program-filter";
import { dayOf, daysBetween } from "../lib/venue-time";
import type {
  Clash,
  CommandError,
  Congress,
  CongressContents,
  CongressDraft,
  FieldProblem,
  ImportReport,
  Interaction,
  InteractionDraft,
  Person,
  PersonDraft,
  PersonId,
  PersonSession,
  PersonSummary,
  ProgramFilter,
  ProgramOverview,
  Session,
  SessionId,
  SessionPage,
  Settings,
  Target,
  TargetDraft,
  TargetStatus,
} from "../lib/bindings";

/** As the backend: past this many matches a search lists in time order (people: by name). */
const RANKED_AT_MOST = 500;

export type FakeBackend = {
  congresses: Congress[];
  settings: Settings;
  contents: CongressContents;
  /** What validate_congress answers; a function sees the draft. */
  validate: (draft: CongressDraft) => FieldProblem[];
  /** When set, create/update fail with this error. */
  saveError: CommandError | null;
  /**
   * The program (tests use one congress), in program order. How many talks a session holds and
   * the title of the session a talk is in are worked out from `parent_id` when answering.
   */
  sessions: Session[];
  /** What session_detail adds to a session (description, url, people…). */
  details: Record<SessionId, Partial<Omit<SessionPage, "session">>>;
  /** The search behind every command that takes one: ranked ids. By default, titles containing the query, in program order. */
  search: (query: string, sessions: Session[]) => SessionId[];
  /** agenda_clashes; null (the default) works them out from the attending sessions. */
  clashes: Clash[] | null;
  /** import_program: resolves to the report or throws a CommandError; may await the test. */
  importProgram: (path: string) => ImportReport | Promise<ImportReport>;
  /** The sessions load_sample_program adds. */
  sampleSessions: Session[];
  /** What the OS file dialog answers (null: the user closed it). */
  dialogPath: string | null;
  /** Everyone, deleted or not; list_people answers the live ones alphabetically. */
  people: Person[];
  /** Hidden by delete_person (or merged away); restore_person brings back the deleted. */
  deletedIds: Set<PersonId>;
  /** Targets of every congress. */
  targets: Target[];
  interactions: Interaction[];
  /** person_page's sessions of each person. */
  personSessions: Record<PersonId, PersonSession[]>;
  /** What create/update_person refuse; by default, a draft without a name. */
  personProblems: (draft: PersonDraft) => FieldProblem[];
  /** search_people: by default, live people whose name or institution contains the query. */
  searchPeople: (query: string, live: Person[]) => Person[];
  calls: { cmd: string; args: Record<string, unknown> }[];
};

let nextSessionId = 100;

/** A session row as the program commands return it; times carry the venue offset (EST by default). */
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
    speakers: "",
    withdrawn: false,
    attendance: null,
    targets: 0,
    sample: false,
    parent_id: null,
    part_of: null,
    talks: 0,
    board: null,
    ...overrides,
  };
}

let nextPersonId = 1000;

/** A person as person_page returns them. */
export function person(overrides: Partial<Person> = {}): Person {
  const id = overrides.id ?? nextPersonId++;
  return {
    id,
    display_name: `Person ${id}`,
    given_name: null,
    middle_name: null,
    family_name: null,
    honorific: null,
    credentials: null,
    institution: null,
    position: null,
    city: null,
    country: null,
    email: null,
    emails: [],
    phone: null,
    linkedin_url: null,
    x_handle: null,
    bluesky_handle: null,
    orcid: null,
    tags: "",
    notes: "",
    source: "manual",
    ...overrides,
  };
}

export function summaryOf(p: Person): PersonSummary {
  const { id, display_name, institution, position, city, country, email, tags } = p;
  return { id, display_name, institution, position, city, country, email, tags };
}

let nextTargetId = 500;

/** A target as list_targets returns it (congress 1, an idea worth meeting by default). */
export function target(overrides: Partial<Target> = {}): Target {
  const id = overrides.id ?? nextTargetId++;
  return {
    id,
    congress_id: 1,
    person_id: 1,
    display_name: `Person ${overrides.person_id ?? 1}`,
    institution: null,
    priority: "should",
    why: "peer",
    status: "idea",
    reason: "",
    next_talk: null,
    poster: null,
    snoozed_until: null,
    pitch_id: null,
    ...overrides,
  };
}

export function report(overrides: Partial<ImportReport> = {}): ImportReport {
  return {
    format: "frab_xml",
    added: 0,
    updated: 0,
    unchanged: 0,
    withdrawn: 0,
    people_added: 0,
    inferred_parents: 0,
    skipped: 0,
    skipped_items: [],
    notes: [],
    ...overrides,
  };
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
      follow_up_days: 2,
      alarm_minutes: 15,
      my_card: { name: "", credentials: "", institution: "", position: "", email: "", phone: "", x_handle: "", bluesky: "", linkedin: "", orcid: "", website: "" },
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
    people: [],
    deletedIds: new Set(),
    targets: [],
    interactions: [],
    personSessions: {},
    personProblems: (draft) => (draft.display_name.trim() ? [] : [{ field: "display_name", message: "Give the person a name." }]),
    searchPeople: (query, live) => {
      // Like the FTS5 index: case and accents ignored ("sanchez" finds "Sánchez").
      const fold = (s: string) => s.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
      const q = fold(query);
      return live.filter((p) => fold(`${p.display_name} ${p.institution ?? ""}`).includes(q));
    },
    calls: [],
    ...init,
  };
  const live = () => b.people.filter((p) => !b.deletedIds.has(p.id));
  const personById = (id: unknown): Person => {
    const found = live().find((p) => p.id === id);
    if (!found) throw { kind: "not_found", message: `no person ${String(id)}` } satisfies CommandError;
    return found;
  };
  const targetById = (id: unknown): Target => {
    const found = b.targets.find((t) => t.id === id);
    if (!found) throw { kind: "not_found", message: `no target ${String(id)}` } satisfies CommandError;
    return found;
  };
  const savePerson = (id: PersonId, d: PersonDraft): Person => {
    const problems = b.personProblems(d);
    if (problems.length > 0) throw { kind: "invalid", message: "invalid person", problems } satisfies CommandError;
    const emails = d.emails.split(/[\s,;]+/).filter(Boolean);
    const text = (v: string) => v.trim() || null;
    const saved = person({
      ...b.people.find((p) => p.id === id),
      ...Object.fromEntries(Object.entries(d).map(([k, v]) => [k, text(v)])),
      id,
      display_name: d.display_name.trim(),
      emails,
      email: emails[0] ?? null,
      tags: d.tags.trim(),
      notes: d.notes.trim(),
    });
    b.people = [...b.people.filter((p) => p.id !== id), saved];
    b.targets = b.targets.map((t) => (t.person_id === id ? { ...t, display_name: saved.display_name, institution: saved.institution } : t));
    return saved;
  };
  const setTarget = (congressId: number, personId: PersonId, d: TargetDraft): Target => {
    const p = personById(personId);
    const old = b.targets.find((t) => t.congress_id === congressId && t.person_id === personId);
    const saved = target({ ...old, ...d, id: old?.id, congress_id: congressId, person_id: personId, display_name: p.display_name, institution: p.institution });
    b.targets = old ? b.targets.map((t) => (t.id === old.id ? saved : t)) : [...b.targets, saved];
    return saved;
  };
  const sessionById = (id: unknown): Session => {
    const found = b.sessions.find((x) => x.id === id);
    if (!found) throw { kind: "not_found", message: `no session ${String(id)}` } satisfies CommandError;
    return found;
  };
  // The program commands, by the rules of lib/program-filter.ts (which the core's filter follows).
  const rowOf = (s: Session): Session => ({
    ...s,
    talks: b.sessions.filter((t) => t.parent_id === s.id).length,
    part_of: s.parent_id === null ? null : (b.sessions.find((p) => p.id === s.parent_id)?.title ?? null),
  });
  const congressOf = (id: unknown): Congress => {
    const found = b.congresses.find((c) => c.id === id);
    if (!found) throw { kind: "not_found", message: `no congress ${String(id)}` } satisfies CommandError;
    return found;
  };
  const checkDay = (day: unknown): string | null => {
    if (day === null) return null;
    if (typeof day !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(day)) {
      throw { kind: "invalid", message: "bad day", problems: [{ field: "day", message: "Give the day as YYYY-MM-DD." }] } satisfies CommandError;
    }
    return day;
  };
  const rankedFor = (typed: string | null): SessionId[] | null => (typed?.trim() ? b.search(typed.trim(), b.sessions) : null);
  /** Sessions of their own, or every matching item while searching. */
  const browsable = (ranked: SessionId[] | null) => (ranked === null ? b.sessions.filter((s) => s.parent_id === null) : b.sessions);
  const rulesOf = (day: string | null, f: ProgramFilter): DayFilter => ({ day, track: f.track, kind: f.kind, room: f.room });
  const overview = (congressId: unknown, day: string | null, f: ProgramFilter): ProgramOverview => {
    const c = congressOf(congressId);
    const ranked = rankedFor(f.search);
    const searched = matching(browsable(ranked), ranked);
    const rules = rulesOf(day, f);
    const counts = dayCounts(searched, rules);
    return {
      sessions: b.sessions.length,
      days: programDays(daysBetween(c.starts_on, c.ends_on), b.sessions).map((d) => ({
        day: d,
        sessions: counts.get(d) ?? 0,
        rooms: new Set(b.sessions.filter((s) => dayOf(s.starts_at) === d).map((s) => s.room)).size,
      })),
      tracks: facetOptions(searched, rules, "track"),
      kinds: facetOptions(searched, rules, "kind"),
      rooms: facetOptions(searched, rules, "room"),
      best_first: ranked !== null && ranked.length <= RANKED_AT_MOST,
    };
  };
  const byTime = (x: Session, y: Session) => Date.parse(x.starts_at) - Date.parse(y.starts_at) || x.title.localeCompare(y.title);

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
      case "get_program_overview":
        return overview(args.congressId, checkDay(args.day), args.filter as ProgramFilter);
      case "list_program_day": {
        congressOf(args.congressId);
        const f = args.filter as ProgramFilter;
        const ranked = rankedFor(f.search);
        return applyFilter(browsable(ranked), rulesOf(checkDay(args.day), f), ranked).map(rowOf);
      }
      case "list_agenda_sessions": {
        congressOf(args.congressId);
        const ranked = rankedFor(args.search as string | null);
        return matching(b.sessions, ranked)
          .filter((s) => s.attendance !== null)
          .sort(byTime)
          .map(rowOf);
      }
      case "search_session_rows":
        return b
          .search(args.query as string, b.sessions)
          .slice(0, args.limit as number)
          .flatMap((id) => b.sessions.filter((s) => s.id === id))
          .map(rowOf);
      case "agenda_clashes":
        return b.clashes ?? clashesOf(b.sessions);
      case "session_detail": {
        const found = sessionById(args.id);
        const talks = b.sessions.filter((s) => s.parent_id === found.id).map(rowOf);
        return { session: rowOf(found), description: "", url: null, user_notes: "", people: [], talks, ...b.details[found.id] };
      }
      case "set_attendance": {
        const saved = { ...sessionById(args.id), attendance: args.attendance as Session["attendance"] };
        b.sessions = b.sessions.map((x) => (x.id === saved.id ? saved : x));
        return rowOf(saved);
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
      case "list_people": {
        const all = live().sort((x, y) => x.display_name.localeCompare(y.display_name) || x.id - y.id);
        const offset = args.offset as number;
        return { total: all.length, offset, people: all.slice(offset, offset + (args.limit as number)).map(summaryOf) };
      }
      case "search_people": {
        const found = b.searchPeople(args.query as string, live());
        return { people: found.slice(0, 200).map(summaryOf), best_first: found.length <= RANKED_AT_MOST };
      }
      case "person_page": {
        const p = personById(args.id);
        return {
          person: p,
          targets: b.targets.filter((t) => t.person_id === p.id),
          sessions: b.personSessions[p.id] ?? [],
          interactions: b.interactions
            .filter((i) => i.person_id === p.id)
            .sort((x, y) => Date.parse(y.occurred_at) - Date.parse(x.occurred_at) || y.id - x.id),
          follow_ups: [], // installFakeFollowUps fills these in
        };
      }
      case "create_person":
        return savePerson(Math.max(0, ...b.people.map((p) => p.id)) + 1, args.draft as PersonDraft);
      case "update_person":
        personById(args.id);
        return savePerson(args.id as number, args.draft as PersonDraft);
      case "delete_person":
        personById(args.id);
        b.deletedIds = new Set([...b.deletedIds, args.id as number]);
        return null;
      case "restore_person": {
        const id = args.id as number;
        if (!b.deletedIds.has(id)) throw { kind: "not_found", message: `no deleted person ${id}` } satisfies CommandError;
        b.deletedIds = new Set([...b.deletedIds].filter((x) => x !== id));
        return personById(id);
      }
      case "merge_people": {
        const keep = personById(args.keep);
        const absorb = personById(args.absorb);
        b.targets = b.targets
          .filter((t) => !(t.person_id === keep.id && b.targets.some((o) => o.person_id === absorb.id && o.congress_id === t.congress_id)))
          .map((t) => (t.person_id === absorb.id ? { ...t, person_id: keep.id, display_name: keep.display_name } : t));
        b.interactions = b.interactions.map((i) => (i.person_id === absorb.id ? { ...i, person_id: keep.id } : i));
        b.deletedIds = new Set([...b.deletedIds, absorb.id]);
        return keep;
      }
      case "add_interaction": {
        const d = args.draft as InteractionDraft;
        personById(d.person_id);
        if (!d.note.trim()) {
          throw { kind: "invalid", message: "invalid note", problems: [{ field: "note", message: "Write what happened, even briefly." }] } satisfies CommandError;
        }
        const saved: Interaction = {
          id: Math.max(0, ...b.interactions.map((i) => i.id)) + 1,
          person_id: d.person_id,
          congress_id: d.congress_id,
          congress_name: b.congresses.find((c) => c.id === d.congress_id)?.name ?? null,
          occurred_at: d.occurred_at ?? new Date().toISOString(),
          note: d.note.trim(),
        };
        b.interactions = [...b.interactions, saved];
        return saved;
      }
      case "delete_interaction":
        b.interactions = b.interactions.filter((i) => i.id !== args.id);
        return null;
      case "list_targets":
        return b.targets.filter((t) => t.congress_id === args.congressId && !b.deletedIds.has(t.person_id));
      case "set_target":
        return setTarget(args.congressId as number, args.personId as number, args.draft as TargetDraft);
      case "set_target_status": {
        const saved = { ...targetById(args.id), status: args.status as TargetStatus };
        b.targets = b.targets.map((t) => (t.id === saved.id ? saved : t));
        return saved;
      }
      case "remove_target":
        targetById(args.id);
        b.targets = b.targets.filter((t) => t.id !== args.id);
        return null;
      default:
        throw { kind: "not_found", message: `no command ${cmd}` } satisfies CommandError;
    }
  }, { shouldMockEvents: true }); // progress events: tests emit, the import store listens
  return b;
}

// ───────────────────────────────────────────────────────────────────────────────────────────────
// Contacts import (preview_contacts, import_contacts), for contact-import.svelte.ts and
// ContactImport.svelte. Kept in its own block, installed on top of installFakeBackend, so it never
// touches the shared switch above: installFakeContacts(backend) answers these two commands, logs
// them in backend.calls like every other command, and hands anything else to installFakeBackend.
// ───────────────────────────────────────────────────────────────────────────────────────────────
import type { ContactImportReport, ContactPreview } from "../lib/bindings";

export type FakeContacts = {
  /** preview_contacts: resolves to the preview or throws a CommandError; may await the test. */
  preview: (path: string) => ContactPreview | Promise<ContactPreview>;
  /** import_contacts: resolves to the report or throws a CommandError; may await the test. */
  importContacts: (path: string) => ContactImportReport | Promise<ContactImportReport>;
};

export function contactPreview(overrides: Partial<ContactPreview> = {}): ContactPreview {
  return { file: "/home/doc/Connections.csv", format: "linkedin_csv", new: 0, merged: 0, skipped: 0, matches: [], problems: [], problem_count: 0, new_names: [], ...overrides };
}

export function contactReport(overrides: Partial<ContactImportReport> = {}): ContactImportReport {
  return { format: "linkedin_csv", added: 0, merged: 0, skipped: 0, ...overrides };
}

export type TauriInvoke = (cmd: string, args?: unknown, options?: unknown) => Promise<unknown>;

/** Puts `wrap` around the invoke installed so far (the fake backend, or a fake on top of it). */
export function wrapInvoke(wrap: (next: TauriInvoke) => TauriInvoke): void {
  const internals = (window as unknown as { __TAURI_INTERNALS__: { invoke: TauriInvoke } }).__TAURI_INTERNALS__;
  internals.invoke = wrap(internals.invoke);
}

/**
 * How each fake answers its own commands on top of installFakeBackend: a call to one of `commands`
 * is logged in `b.calls` like every other command and answered by `answer` (what it throws is the
 * command's error); any other command goes on to what was installed before.
 */
export function answerCommands(b: FakeBackend, commands: Iterable<string>, answer: (cmd: string, args: Record<string, unknown>) => unknown): void {
  const handled = new Set(commands);
  wrapInvoke((next) => async (cmd, payload, options) => {
    if (!handled.has(cmd)) return next(cmd, payload, options);
    const args = (payload ?? {}) as Record<string, unknown>;
    b.calls.push({ cmd, args });
    return answer(cmd, args);
  });
}

/** Call after installFakeBackend (which it extends); by default the preview and the import are empty. */
export function installFakeContacts(b: FakeBackend, init: Partial<FakeContacts> = {}): FakeContacts {
  const c: FakeContacts = { preview: () => contactPreview(), importContacts: () => contactReport(), ...init };
  answerCommands(b, ["preview_contacts", "import_contacts"], (cmd, args) =>
    cmd === "preview_contacts" ? c.preview(args.path as string) : c.importContacts(args.path as string),
  );
  return c;
}
// ─────────────────────────────────────────── end of contacts import ───────────────────────────
