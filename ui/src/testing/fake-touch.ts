// Why: the between-congresses commands for component tests (check-ins, logging a contact, the
// home, introductions owed, group cadences, reconnect and last met), kept out of the shared
// fake-backend.ts: installFakeTouch(backend) answers them over in-memory lists, logs them in
// backend.calls like every other command, refuses what the core refuses (a snooze not after today,
// a contact on a day to come, a cadence it cannot read, a tag of two words) with the field named,
// and makes a reconnected person a target in backend.targets, so the board and Today see them.
import type {
  Cadence,
  CadenceGroup,
  CheckIn,
  CommandError,
  CongressId,
  Contact,
  ContactDraft,
  Encounter,
  GroupCadence,
  Home,
  Introduction,
  IntroStatus,
  PersonId,
  Reconnect,
  Target,
} from "../lib/bindings";
import { addDays, addMonths } from "../lib/touch-words";
import { answerCommands, target, type FakeBackend } from "./fake-backend";

export type FakeTouch = {
  /** The user's day. */
  today: string;
  /** Every check-in the core would work out, upcoming ones however far off. */
  checkIns: CheckIn[];
  /** Introductions of every status; the owed list shows the owed ones. */
  intros: Introduction[];
  groups: GroupCadence[];
  /** How many people a group set here covers. */
  members: (group: CadenceGroup) => number;
  /** What get_home adds to the check-ins and the introductions. */
  home: Pick<Home, "running" | "follow_ups_owed" | "next_congress">;
  /** get_check_in_draft's text. */
  draft: (c: CheckIn) => string;
  /** list_reconnect of each congress; target ids and statuses come from backend.targets. */
  reconnect: Record<CongressId, Reconnect[]>;
  /** list_last_met of each congress; by default the reconnect rows' encounters of the congress's targets. */
  lastMet: Record<CongressId, Encounter[]>;
  contacts: Contact[];
};

const COMMANDS = [
  "list_check_ins",
  "snooze_check_in",
  "get_check_in_draft",
  "log_contact",
  "get_home",
  "list_owed_intros",
  "set_intro_status",
  "list_group_cadences",
  "set_group_cadence",
  "list_reconnect",
  "reconnect_as_target",
  "list_last_met",
];

let nextId = 8000;

/** Days from `a` to `b` (calendar days). */
export function daysFrom(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

function after(cadence: Cadence, day: string): string {
  if (cadence.unit === "month") return addMonths(day, cadence.every);
  return addDays(day, cadence.every * (cadence.unit === "week" ? 7 : 1));
}

/** A check-in as list_check_ins returns it: Ana Sánchez, a mentor every 3 months, due today (17 Jun 2026). */
export function checkIn(overrides: Partial<CheckIn> = {}): CheckIn {
  return {
    person_id: 1,
    display_name: "Ana Sánchez",
    institution: "Hospital Clínic",
    cadence: { every: 3, unit: "month" },
    source: { kind: "relationship", why: "mentor" },
    last_contact: "2026-03-17",
    due_on: "2026-06-17",
    overdue_days: 0,
    state: "due",
    snoozed_until: null,
    ...overrides,
  };
}

export function introduction(overrides: Partial<Introduction> = {}): Introduction {
  return {
    id: nextId++,
    person: { id: 1, display_name: "Ana Sánchez" },
    to: { id: 2, display_name: "Ben Okafor" },
    through: null,
    status: "owed",
    note: "",
    congress_id: null,
    congress_name: null,
    offered_on: "2026-06-01",
    closed_on: null,
    ...overrides,
  };
}

/** Where we met: coffee at EHA 2025 (congress 9), 14 June 2025. */
export function encounter(overrides: Partial<Encounter> = {}): Encounter {
  return {
    person_id: 1,
    on_day: "2025-06-14",
    congress_id: 9,
    congress_name: "EHA 2025",
    meeting_id: 40,
    meeting_kind: "coffee",
    meeting_title: "Coffee with Ana",
    place: "Café Bleu",
    interaction_id: null,
    kind: "met",
    note: "",
    ...overrides,
  };
}

export function reconnectRow(overrides: Partial<Reconnect> = {}): Reconnect {
  const person_id = overrides.person_id ?? 1;
  return {
    person_id,
    display_name: `Person ${person_id}`,
    institution: null,
    last_met: encounter({ person_id }),
    roles: [],
    target_id: null,
    target_status: null,
    ...overrides,
  };
}

const invalid = (field: string, message: string): CommandError => ({ kind: "invalid", message: "invalid", problems: [{ field, message }] });

/** The core's reading of "3m", "12w", "90d" (up to five years). */
function parseCadence(text: string): Cadence | null {
  const m = /^(\d+)\s*([dwm])$/.exec(text.trim().toLowerCase());
  if (!m) return null;
  const every = Number(m[1]);
  const unit = m[2] === "d" ? "day" : m[2] === "w" ? "week" : "month";
  const days = unit === "day" ? every : unit === "week" ? every * 7 : every * 30.5;
  return every > 0 && days <= 5 * 366 ? { every, unit } : null;
}

const sameGroup = (a: CadenceGroup, b: CadenceGroup) =>
  a.kind === "tag" && b.kind === "tag" ? a.tag.toLowerCase() === b.tag.toLowerCase() : a.kind === "relationship" && b.kind === "relationship" && a.why === b.why;

/** Call after installFakeBackend, which it extends. */
export function installFakeTouch(b: FakeBackend, init: Partial<FakeTouch> = {}): FakeTouch {
  const f: FakeTouch = {
    today: "2026-06-17",
    checkIns: [],
    intros: [],
    groups: [],
    members: () => 3,
    home: { running: null, follow_ups_owed: [], next_congress: null },
    draft: (c) => `Dear ${c.display_name},\n\nIt has been a while since we last spoke. How are you?\n\nBest wishes,`,
    reconnect: {},
    lastMet: {},
    contacts: [],
    ...init,
  };
  /** Before a snooze, so waking puts the check-in back as it was. */
  const unsnoozed = new Map<PersonId, CheckIn>();
  const byOverdue = (list: CheckIn[]) => [...list].sort((x, y) => y.overdue_days - x.overdue_days || x.person_id - y.person_id);
  const due = () => byOverdue(f.checkIns.filter((c) => c.state !== "upcoming"));
  const targetOf = (congressId: CongressId, personId: PersonId): Target | undefined =>
    b.targets.find((t) => t.congress_id === congressId && t.person_id === personId);

  answerCommands(b, COMMANDS, (cmd, args) => {
    switch (cmd) {
      case "list_check_ins": {
        const within = args.withinDays as number;
        return byOverdue(f.checkIns.filter((c) => c.state !== "upcoming" || -c.overdue_days <= within));
      }
      case "snooze_check_in": {
        const id = args.personId as PersonId;
        const until = args.until as string | null;
        const found = f.checkIns.find((c) => c.person_id === id);
        if (!found) throw { kind: "not_found", message: `no check-in for ${id}` } satisfies CommandError;
        if (until === null) {
          const back = unsnoozed.get(id) ?? found;
          f.checkIns = f.checkIns.map((c) => (c.person_id === id ? back : c));
          return back;
        }
        if (until <= f.today) throw invalid("until", `${until} is not after today (${f.today}): snooze to a later day.`);
        if (!unsnoozed.has(id)) unsnoozed.set(id, found);
        const saved: CheckIn = { ...found, due_on: until, overdue_days: -daysFrom(f.today, until), state: "upcoming", snoozed_until: until };
        f.checkIns = f.checkIns.map((c) => (c.person_id === id ? saved : c));
        return saved;
      }
      case "get_check_in_draft": {
        const found = f.checkIns.find((c) => c.person_id === args.personId);
        if (!found) throw { kind: "not_found", message: `no person ${String(args.personId)}` } satisfies CommandError;
        return f.draft(found);
      }
      case "log_contact": {
        const d = args.draft as ContactDraft;
        if (d.on_day > f.today) throw invalid("on_day", `${d.on_day} is after today: a contact is logged on the day it happened.`);
        const saved: Contact = {
          id: nextId++,
          person_id: d.person_id,
          kind: d.kind,
          on_day: d.on_day,
          congress_id: d.congress_id,
          congress_name: b.congresses.find((c) => c.id === d.congress_id)?.name ?? null,
          meeting_id: null,
          note: d.note,
        };
        f.contacts = [...f.contacts, saved];
        // The contact resets the check-in: due one cadence after it, the snooze gone.
        f.checkIns = f.checkIns.map((c) => {
          if (c.person_id !== d.person_id) return c;
          const dueOn = after(c.cadence, d.on_day);
          const overdue = daysFrom(dueOn, f.today);
          return { ...c, last_contact: d.on_day, due_on: dueOn, overdue_days: overdue, state: overdue > 0 ? "overdue" : overdue === 0 ? "due" : "upcoming", snoozed_until: null };
        });
        unsnoozed.delete(d.person_id);
        return saved;
      }
      case "get_home":
        return {
          today: f.today,
          running: f.home.running,
          check_ins: due(),
          intros_owed: f.intros.filter((i) => i.status === "owed"),
          follow_ups_owed: f.home.follow_ups_owed,
          next_congress: f.home.next_congress,
        } satisfies Home;
      case "list_owed_intros":
        return f.intros.filter((i) => i.status === "owed" && (args.congressId == null || i.congress_id === args.congressId));
      case "set_intro_status": {
        const found = f.intros.find((i) => i.id === args.id);
        if (!found) throw { kind: "not_found", message: `no introduction ${String(args.id)}` } satisfies CommandError;
        const status = args.status as IntroStatus;
        const saved: Introduction = { ...found, status, closed_on: status === "owed" ? null : f.today };
        f.intros = f.intros.map((i) => (i.id === saved.id ? saved : i));
        return saved;
      }
      case "list_group_cadences":
        return f.groups;
      case "set_group_cadence": {
        const group = args.group as CadenceGroup;
        const every = args.every as string | null;
        if (group.kind === "tag" && (!group.tag.trim() || /\s/.test(group.tag.trim()))) {
          throw invalid("tag", `“${group.tag.trim()}” is not a tag: a tag is one word, as on the person's page.`);
        }
        let cadence: Cadence | null = null;
        if (every !== null && every.trim() !== "") {
          cadence = parseCadence(every);
          if (!cadence) {
            throw invalid("every", `“${every.trim()}” is not a cadence: write a number and d, w or m (90d, 12w, 3m, up to 5 years), or off.`);
          }
        }
        f.groups = f.groups.filter((g) => !sameGroup(g.group, group));
        if (!cadence) return null;
        const saved: GroupCadence = { group, cadence, set_on: f.today, members: f.members(group) };
        f.groups = [...f.groups, saved];
        return saved;
      }
      case "list_reconnect": {
        const congressId = args.congressId as CongressId;
        if (!b.congresses.some((c) => c.id === congressId)) throw { kind: "not_found", message: "no congress" } satisfies CommandError;
        const rows = (f.reconnect[congressId] ?? []).map((r) => {
          const t = targetOf(congressId, r.person_id);
          return { ...r, target_id: t?.id ?? null, target_status: t?.status ?? null };
        });
        return rows.sort((x, y) => Number(x.target_id !== null) - Number(y.target_id !== null) || y.last_met.on_day.localeCompare(x.last_met.on_day));
      }
      case "reconnect_as_target": {
        const congressId = args.congressId as CongressId;
        const personId = args.personId as PersonId;
        const existing = targetOf(congressId, personId);
        if (existing) return existing;
        const row = (f.reconnect[congressId] ?? []).find((r) => r.person_id === personId);
        if (!row) throw { kind: "not_found", message: `no one to reconnect with: ${personId}` } satisfies CommandError;
        const place = row.last_met.congress_name ?? row.last_met.on_day;
        const made = target({
          congress_id: congressId,
          person_id: personId,
          display_name: row.display_name,
          institution: row.institution,
          priority: "should",
          why: "other",
          status: "idea",
          reason: row.last_met.note ? `Met at ${place}: ${row.last_met.note}` : `Met at ${place}`,
        });
        b.targets = [...b.targets, made];
        return made;
      }
      case "list_last_met": {
        // As the core: the last encounter of each target; by default the reconnect rows' of those who are targets.
        const congressId = args.congressId as CongressId;
        const given = f.lastMet[congressId];
        if (given) return given;
        return (f.reconnect[congressId] ?? []).filter((r) => targetOf(congressId, r.person_id)).map((r) => r.last_met);
      }
      default:
        throw { kind: "not_found", message: `no command ${cmd}` } satisfies CommandError;
    }
  });
  return f;
}
