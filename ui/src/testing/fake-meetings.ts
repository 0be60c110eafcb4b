// Why: the meetings part of the test stand-in for the Rust side, kept apart from fake-backend.ts so
// each fake stays readable; it layers on installFakeBackend like the other fake-* files.
import type { CommandError, FieldProblem, TargetStatus } from "../lib/bindings";
import { answerCommands, type FakeBackend } from "./fake-backend";
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

  answerCommands(b, ["list_meetings", "get_meeting", "create_meeting", "update_meeting", "set_meeting_status", "delete_meeting", "meeting_clashes", "free_slots"], (cmd, args) => {
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
  });
  return f;
}
// ─────────────────────────────────────────── end of meetings ──────────────────────────────────
