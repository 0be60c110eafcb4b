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
  Interaction,
  InteractionDraft,
  Person,
  PersonDraft,
  PersonId,
  PersonSession,
  PersonSummary,
  Session,
  SessionDetail,
  SessionId,
  Settings,
  Target,
  TargetDraft,
  TargetStatus,
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

let nextPersonId = 1000;

/** A person as person_page returns them. */
export function person(overrides: Partial<Person> = {}): Person {
  const id = overrides.id ?? nextPersonId++;
  return {
    id,
    display_name: `Person ${id}`,
    given_name: null,
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
    snoozed_until: null,
    pitch_id: null,
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
      case "list_people": {
        const all = live().sort((x, y) => x.display_name.localeCompare(y.display_name) || x.id - y.id);
        const offset = args.offset as number;
        return { total: all.length, offset, people: all.slice(offset, offset + (args.limit as number)).map(summaryOf) };
      }
      case "search_people":
        return b.searchPeople(args.query as string, live()).slice(0, 200).map(summaryOf);
      case "person_page": {
        const p = personById(args.id);
        return {
          person: p,
          targets: b.targets.filter((t) => t.person_id === p.id),
          sessions: b.personSessions[p.id] ?? [],
          interactions: b.interactions
            .filter((i) => i.person_id === p.id)
            .sort((x, y) => Date.parse(y.occurred_at) - Date.parse(x.occurred_at) || y.id - x.id),
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
  return { file: "/home/doc/Connections.csv", format: "linkedin_csv", new: 0, merged: 0, skipped: 0, matches: [], problems: [], new_names: [], ...overrides };
}

export function contactReport(overrides: Partial<ContactImportReport> = {}): ContactImportReport {
  return { format: "linkedin_csv", added: 0, merged: 0, skipped: 0, ...overrides };
}

type TauriInvoke = (cmd: string, args?: unknown, options?: unknown) => Promise<unknown>;

/** Call after installFakeBackend (which it extends); by default the preview and the import are empty. */
export function installFakeContacts(b: FakeBackend, init: Partial<FakeContacts> = {}): FakeContacts {
  const c: FakeContacts = { preview: () => contactPreview(), importContacts: () => contactReport(), ...init };
  const internals = (window as unknown as { __TAURI_INTERNALS__: { invoke: TauriInvoke } }).__TAURI_INTERNALS__;
  const next = internals.invoke;
  internals.invoke = async (cmd, payload, options) => {
    if (cmd !== "preview_contacts" && cmd !== "import_contacts") return next(cmd, payload, options);
    const args = (payload ?? {}) as Record<string, unknown>;
    b.calls.push({ cmd, args });
    return cmd === "preview_contacts" ? c.preview(args.path as string) : c.importContacts(args.path as string);
  };
  return c;
}
// ─────────────────────────────────────────── end of contacts import ───────────────────────────

// ───────────────────────────────────────────────────────────────────────────────────────────────
// Meetings (list/get/create/update/set_meeting_status/delete_meeting, meeting_clashes,
// free_slots), for meetings.svelte.ts and the Meetings screen. Like the contacts block it sits on
// top of installFakeBackend and leaves the shared switch alone: installFakeMeetings(backend)
// answers these commands, logs them in backend.calls, and moves backend.targets along as the core
// does (booked → scheduled, done → met, cancelled or deleted → back to contacted).
// ───────────────────────────────────────────────────────────────────────────────────────────────
import type { Meeting, MeetingClash, MeetingDraft, MeetingStatus, MovedTarget, Slot, SlotQuery, StatusChange } from "../lib/bindings";
import { offsetMinutesIn, offsetString } from "../lib/venue-time";

export type FakeMeetings = {
  /** Every meeting (clashes and target statuses are worked out when answered). */
  meetings: Meeting[];
  /** free_slots: by default none; a function sees the query. */
  slots: (query: SlotQuery) => Slot[];
  /** What create/update refuse; by default the core's rules (title, minutes, people). */
  problems: (draft: MeetingDraft) => FieldProblem[];
};

let nextMeetingId = 700;

/** A meeting as list_meetings returns it (congress 1, Saturday 10:30 EST, 30 minutes). */
export function meeting(overrides: Partial<Meeting> = {}): Meeting {
  const id = overrides.id ?? nextMeetingId++;
  return {
    id,
    congress_id: 1,
    title: `Meeting ${id}`,
    purpose: "",
    place: "",
    kind: "one_to_one",
    status: "proposed",
    starts_at: "2026-12-05T10:30:00-05:00",
    ends_at: "2026-12-05T11:00:00-05:00",
    minutes: 30,
    notes: "",
    people: [],
    clashes: [],
    uid: `meeting-${id}@hallway`,
    sequence: 0,
    ...overrides,
  };
}

/** A slot as free_slots returns it. */
export function slot(startsAt: string, minutes: number, inBreak: string | null = null): Slot {
  const end = new Date(Date.parse(startsAt) + minutes * 60_000);
  const offset = startsAt.slice(19);
  const shifted = new Date(end.getTime() + offsetMinutes(offset) * 60_000).toISOString().slice(0, 19);
  return { starts_at: startsAt, ends_at: `${shifted}${offset}`, in_break: inBreak };
}

function offsetMinutes(offset: string): number {
  const m = /^([+-])(\d{2}):(\d{2})$/.exec(offset);
  return m ? (m[1] === "-" ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : 0;
}

/** Call after installFakeBackend (which it extends). */
export function installFakeMeetings(b: FakeBackend, init: Partial<FakeMeetings> = {}): FakeMeetings {
  const f: FakeMeetings = {
    meetings: [],
    slots: () => [],
    problems: (d) => {
      const problems: FieldProblem[] = [];
      if (!d.title.trim()) problems.push({ field: "title", message: "Give the meeting a title, e.g. “Coffee with Dr Ødegård”." });
      if (d.minutes < 5 || d.minutes > 480) problems.push({ field: "minutes", message: "A meeting lasts between 5 minutes and 8 hours." });
      if (d.people.length === 0) problems.push({ field: "people", message: "Choose who you are meeting." });
      return problems;
    },
    ...init,
  };
  const notFound = (what: string): CommandError => ({ kind: "not_found", message: `no ${what}` });
  const zoneOf = (congressId: number) => b.congresses.find((c) => c.id === congressId)?.time_zone ?? "America/New_York";
  /** "2026-12-05T10:30:00" in the congress zone -> "2026-12-05T10:30:00-05:00" (and its end). */
  const instants = (local: string, minutes: number, congressId: number) => {
    const offset = offsetString(offsetMinutesIn(zoneOf(congressId), new Date(`${local}Z`)));
    const starts_at = `${local}${offset}`;
    return { starts_at, ends_at: slot(starts_at, minutes).ends_at };
  };
  const overlap = (a: { starts_at: string; ends_at: string }, s: string, e: string) =>
    Date.parse(a.starts_at) < Date.parse(e) && Date.parse(s) < Date.parse(a.ends_at);
  const later = (x: string, y: string) => (Date.parse(x) >= Date.parse(y) ? x : y);
  const sooner = (x: string, y: string) => (Date.parse(x) <= Date.parse(y) ? x : y);
  const standing = (m: Meeting) => m.status === "proposed" || m.status === "confirmed";

  /** What [s, e) overlaps on the agenda: attending sessions and other meetings still on. */
  const clashesOf = (congressId: number, s: string, e: string, except: number | null): MeetingClash[] => [
    ...b.sessions
      .filter((x) => x.attendance === "attending" && !x.withdrawn && !x.all_day && overlap(x, s, e))
      .map((x) => ({ with: { type: "session" as const, id: x.id }, title: x.title, overlap_starts_at: later(x.starts_at, s), overlap_ends_at: sooner(x.ends_at, e) })),
    ...f.meetings
      .filter((m) => m.congress_id === congressId && m.id !== except && m.status !== "cancelled" && overlap(m, s, e))
      .map((m) => ({ with: { type: "meeting" as const, id: m.id }, title: m.title, overlap_starts_at: later(m.starts_at, s), overlap_ends_at: sooner(m.ends_at, e) })),
  ];
  /** A meeting as the commands answer it: clashes and target statuses as of now. */
  const answer = (m: Meeting): Meeting => ({
    ...m,
    clashes: m.status === "cancelled" ? [] : clashesOf(m.congress_id, m.starts_at, m.ends_at, m.id),
    people: m.people.map((p) => ({ ...p, target_status: b.targets.find((t) => t.congress_id === m.congress_id && t.person_id === p.id)?.status ?? null })),
  });
  const byId = (id: unknown): Meeting => {
    const found = f.meetings.find((m) => m.id === id);
    if (!found) throw notFound(`meeting ${String(id)}`);
    return found;
  };
  /** Moves the targets of `m`'s people from one of `from` to `to`; returns who moved. */
  const move = (m: Meeting, from: string[], to: TargetStatus, unless?: (personId: number) => boolean): MovedTarget[] => {
    const moved: MovedTarget[] = [];
    b.targets = b.targets.map((t) => {
      if (t.congress_id !== m.congress_id || !m.people.some((p) => p.id === t.person_id) || !from.includes(t.status)) return t;
      if (unless?.(t.person_id)) return t;
      moved.push({ person_id: t.person_id, display_name: t.display_name, from: t.status, to });
      return { ...t, status: to };
    });
    return moved;
  };
  const afterStatus = (m: Meeting): MovedTarget[] => {
    if (standing(m)) return move(m, ["idea", "contacted"], "scheduled");
    if (m.status === "done") return move(m, ["idea", "contacted", "scheduled"], "met");
    return freed(m);
  };
  /** Scheduled targets with no other meeting still on go back to contacted. */
  const freed = (m: Meeting): MovedTarget[] =>
    move(m, ["scheduled"], "contacted", (personId) =>
      f.meetings.some((o) => o.id !== m.id && o.congress_id === m.congress_id && standing(o) && o.people.some((p) => p.id === personId)),
    );
  const save = (id: number, d: MeetingDraft, old: Meeting | null): StatusChange => {
    const problems = f.problems(d);
    if (problems.length > 0) throw { kind: "invalid", message: "invalid meeting", problems } satisfies CommandError;
    const people = d.people.map((pid) => {
      const p = b.people.find((x) => x.id === pid && !b.deletedIds.has(pid));
      if (!p) throw notFound(`person ${pid}`);
      return { id: p.id, display_name: p.display_name, institution: p.institution, target_status: null };
    });
    const { starts_local, people: _ids, ...rest } = d;
    const saved = meeting({ ...old, ...rest, ...instants(starts_local, d.minutes, d.congress_id), id, people, sequence: old ? old.sequence + 1 : 0 });
    f.meetings = [...f.meetings.filter((m) => m.id !== id), saved];
    return { meeting: answer(saved), moved: afterStatus(saved), follow_ups: [] };
  };

  const internals = (window as unknown as { __TAURI_INTERNALS__: { invoke: TauriInvoke } }).__TAURI_INTERNALS__;
  const next = internals.invoke;
  const handled = ["list_meetings", "get_meeting", "create_meeting", "update_meeting", "set_meeting_status", "delete_meeting", "meeting_clashes", "free_slots"];
  internals.invoke = async (cmd, payload, options) => {
    if (!handled.includes(cmd)) return next(cmd, payload, options);
    const args = (payload ?? {}) as Record<string, unknown>;
    b.calls.push({ cmd, args });
    switch (cmd) {
      case "list_meetings":
        return f.meetings
          .filter((m) => m.congress_id === args.congressId)
          .sort((x, y) => Date.parse(x.starts_at) - Date.parse(y.starts_at) || x.id - y.id)
          .map(answer);
      case "get_meeting":
        return answer(byId(args.id));
      case "create_meeting":
        return save(Math.max(nextMeetingId++, ...f.meetings.map((m) => m.id + 1)), args.draft as MeetingDraft, null);
      case "update_meeting":
        return save(args.id as number, args.draft as MeetingDraft, byId(args.id));
      case "set_meeting_status": {
        const saved = { ...byId(args.id), status: args.status as MeetingStatus };
        f.meetings = f.meetings.map((m) => (m.id === saved.id ? saved : m));
        const moved = afterStatus(saved);
        return { meeting: answer(saved), moved, follow_ups: [] };
      }
      case "delete_meeting": {
        const gone = byId(args.id);
        f.meetings = f.meetings.filter((m) => m.id !== gone.id);
        return freed(gone);
      }
      case "meeting_clashes": {
        const congressId = args.congressId as number;
        const at = instants(args.startsLocal as string, args.minutes as number, congressId);
        return clashesOf(congressId, at.starts_at, at.ends_at, (args.except as number | null) ?? null);
      }
      default:
        return f.slots(args.query as SlotQuery);
    }
  };
  return f;
}
// ─────────────────────────────────────────── end of meetings ──────────────────────────────────

// ───────────────────────────────────────────────────────────────────────────────────────────────
// Today (today, met_someone, snooze_target) and the settings rules, for today.svelte.ts, the Today
// screen and Settings. Like the blocks above it sits on top of installFakeBackend and leaves the
// shared switch alone. installFakeToday answers `today` from `view` with the targets worked out
// from backend.targets (open and not snoozed at view.now), so a snooze or a "met" shows on the
// next fetch; installFakeSettingsRules makes update_settings refuse what the core refuses.
// ───────────────────────────────────────────────────────────────────────────────────────────────
import type { DayItem, DayProgress, MetResult, MetSomeone, Today } from "../lib/bindings";

/** An agenda item as `today` returns it: by default an oral session, Saturday 10:30–11:30 EST. */
export function dayItem(overrides: Partial<DayItem> = {}): DayItem {
  return {
    item: { type: "session", id: 1 },
    title: "Session",
    place: "Room 6A",
    starts_at: "2026-12-05T10:30:00-05:00",
    ends_at: "2026-12-05T11:30:00-05:00",
    people: [],
    purpose: "",
    meeting_status: null,
    session_kind: "oral",
    clashes_with: [],
    pitch: null,
    ...overrides,
  };
}

/** A meeting as an agenda item (confirmed, with one person). */
export function meetingItem(id: number, overrides: Partial<DayItem> = {}): DayItem {
  return dayItem({ item: { type: "meeting", id }, title: `Meeting ${id}`, place: "Café Bleu", people: ["Ana Sánchez"], meeting_status: "confirmed", session_kind: null, ...overrides });
}

export function dayProgress(overrides: Partial<DayProgress> = {}): DayProgress {
  return { meetings_today: 0, meetings_done_today: 0, sessions_today: 0, people_met_today: 0, targets_met: 0, targets_total: 0, ...overrides };
}

/** The day as `today` returns it: Saturday 5 Dec 2026, 10:00 EST, congress 1 running, nothing on. */
export function todayView(overrides: Partial<Today> = {}): Today {
  return {
    congress_id: 1,
    now: "2026-12-05T10:00:00-05:00",
    day: "2026-12-05",
    running: true,
    current: [],
    next: null,
    later: [],
    targets_left: [],
    snoozed: 0,
    progress: dayProgress(),
    goals: [],
    ...overrides,
  };
}

export type FakeToday = {
  /** The day; targets_left, snoozed and the target counts come from backend.targets. */
  view: Today;
  /** What `today` answers; by default `view` with the targets worked out. */
  today: (congressId: number) => Today;
};

const OPEN_STATUSES: TargetStatus[] = ["idea", "contacted", "scheduled"];

/** Call after installFakeBackend (and installFakeMeetings, when used), which it extends. */
export function installFakeToday(b: FakeBackend, init: Partial<FakeToday> = {}): FakeToday {
  const f: FakeToday = {
    view: todayView(),
    today: (congressId) => {
      const now = Date.parse(f.view.now);
      const mine = b.targets.filter((t) => t.congress_id === congressId && !b.deletedIds.has(t.person_id));
      const open = mine.filter((t) => OPEN_STATUSES.includes(t.status));
      const asleep = (t: Target) => t.snoozed_until !== null && Date.parse(t.snoozed_until) > now;
      const rank = { must: 0, should: 1, nice: 2 };
      return {
        ...f.view,
        congress_id: congressId,
        targets_left: open.filter((t) => !asleep(t)).sort((x, y) => rank[x.priority] - rank[y.priority]),
        snoozed: open.filter(asleep).length,
        progress: {
          ...f.view.progress,
          targets_met: mine.filter((t) => t.status === "met" || t.status === "followed_up").length,
          targets_total: mine.length,
        },
      };
    },
    ...init,
  };
  const internals = (window as unknown as { __TAURI_INTERNALS__: { invoke: TauriInvoke } }).__TAURI_INTERNALS__;
  const next = internals.invoke;
  internals.invoke = async (cmd, payload, options) => {
    if (cmd !== "today" && cmd !== "met_someone" && cmd !== "snooze_target") return next(cmd, payload, options);
    const args = (payload ?? {}) as Record<string, unknown>;
    b.calls.push({ cmd, args });
    if (cmd === "today") {
      if (!b.congresses.some((c) => c.id === args.congressId)) throw { kind: "not_found", message: "no congress" } satisfies CommandError;
      return f.today(args.congressId as number);
    }
    if (cmd === "snooze_target") {
      const found = b.targets.find((t) => t.id === args.id);
      if (!found) throw { kind: "not_found", message: `no target ${String(args.id)}` } satisfies CommandError;
      const saved = { ...found, snoozed_until: args.until as string | null };
      b.targets = b.targets.map((t) => (t.id === saved.id ? saved : t));
      return saved;
    }
    const met = args.met as MetSomeone;
    let who: Person;
    if (met.person.type === "known") {
      const id = met.person.id;
      const found = b.people.find((p) => p.id === id && !b.deletedIds.has(p.id));
      if (!found) throw { kind: "not_found", message: `no person ${id}` } satisfies CommandError;
      who = found;
    } else {
      if (!met.person.display_name.trim()) {
        throw { kind: "invalid", message: "invalid", problems: [{ field: "display_name", message: "Type their name." }] } satisfies CommandError;
      }
      who = person({ id: Math.max(0, ...b.people.map((p) => p.id)) + 1, display_name: met.person.display_name.trim(), institution: met.person.institution.trim() || null });
      b.people = [...b.people, who];
    }
    const interaction: Interaction = {
      id: Math.max(0, ...b.interactions.map((i) => i.id)) + 1,
      person_id: who.id,
      congress_id: met.congress_id,
      congress_name: b.congresses.find((c) => c.id === met.congress_id)?.name ?? null,
      occurred_at: f.view.now,
      note: met.note.trim() || "Met at the congress",
    };
    b.interactions = [...b.interactions, interaction];
    let found = b.targets.find((t) => t.congress_id === met.congress_id && t.person_id === who.id) ?? null;
    if (found && OPEN_STATUSES.includes(found.status)) {
      const moved: Target = { ...found, status: "met" };
      b.targets = b.targets.map((t) => (t.id === moved.id ? moved : t));
      found = moved;
    }
    return { person_id: who.id, display_name: who.display_name, interaction_id: interaction.id, target: found } satisfies MetResult;
  };
  return f;
}

/** The core's settings rules, in its words (settings.rs), for update_settings. */
export function settingsProblems(s: Settings): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const zone = s.home_time_zone?.trim();
  if (zone && !["America/Los_Angeles", "America/New_York", "Europe/Paris", "Europe/Madrid"].includes(zone)) {
    problems.push({ field: "home_time_zone", message: `“${zone}” is not a known time zone; pick one from the list.` });
  }
  if (s.day_start_hour > 23 || s.day_end_hour > 24 || s.day_start_hour >= s.day_end_hour) {
    problems.push({ field: "day_end_hour", message: "The day must end after it starts (hours 0–24)." });
  }
  if (s.default_meeting_minutes < 5 || s.default_meeting_minutes > 480) {
    problems.push({ field: "default_meeting_minutes", message: "A meeting lasts 5 to 480 minutes." });
  }
  if (s.buffer_minutes > 120) problems.push({ field: "buffer_minutes", message: "Keep the buffer under two hours." });
  return problems;
}

/** Call after installFakeBackend: update_settings then refuses what `rules` find (the core's by default). */
export function installFakeSettingsRules(b: FakeBackend, rules: (s: Settings) => FieldProblem[] = settingsProblems): void {
  const internals = (window as unknown as { __TAURI_INTERNALS__: { invoke: TauriInvoke } }).__TAURI_INTERNALS__;
  const next = internals.invoke;
  internals.invoke = async (cmd, payload, options) => {
    if (cmd !== "update_settings") return next(cmd, payload, options);
    const problems = rules((payload as { settings: Settings }).settings);
    if (problems.length === 0) return next(cmd, payload, options); // logged and stored there
    b.calls.push({ cmd, args: (payload ?? {}) as Record<string, unknown> });
    throw { kind: "invalid", message: "invalid settings", problems } satisfies CommandError;
  };
}
// ─────────────────────────────────────────── end of today ─────────────────────────────────────
