// Why: the relationship commands of a person's page (get_person_relations, set_person_cadence,
// log_contact, the introduction and value-given commands, get_check_in_draft) for component tests,
// kept out of the shared fake-backend.ts: installFakePersonRelations(backend) answers them over
// in-memory lists, refuses what the core refuses (a day to come, an unsafe link, the same person
// twice, an introduction owed twice) with the field named, and works out the check-in the way the
// core does, closely enough for the page's words.
import type {
  Cadence,
  CadenceSetting,
  CadenceSource,
  CheckIn,
  CommandError,
  Contact,
  ContactDraft,
  Encounter,
  GivenDraft,
  IntroDraft,
  Introduction,
  IntroStatus,
  PersonCadence,
  PersonId,
  PersonRelations,
  ValueGiven,
} from "../lib/bindings";
import { answerCommands, type FakeBackend } from "./fake-backend";

export type FakePersonRelations = {
  /** The user's day. */
  today: string;
  /** What is set on each person (their groups' when missing). */
  own: Map<PersonId, CadenceSetting>;
  /** The shortest group cadence of each person, when they have one. */
  groups: Map<PersonId, { cadence: Cadence; source: CadenceSource }>;
  /** The day a cadence started counting for a person with no contact (today when missing). */
  setOn: Map<PersonId, string>;
  contacts: Contact[];
  met: Encounter[];
  intros: Introduction[];
  given: ValueGiven[];
  /** get_check_in_draft's text. */
  draft: (name: string, offered: ValueGiven | null) => string;
};

const COMMANDS = [
  "get_person_relations",
  "set_person_cadence",
  "log_contact",
  "offer_intro",
  "record_met_through",
  "set_intro_status",
  "delete_intro",
  "add_given",
  "delete_given",
  "get_check_in_draft",
];

let nextId = 7000;

export function contact(overrides: Partial<Contact> = {}): Contact {
  return { id: nextId++, person_id: 1, kind: "email", on_day: "2026-12-05", congress_id: null, congress_name: null, meeting_id: null, note: "", ...overrides };
}

export function encounter(overrides: Partial<Encounter> = {}): Encounter {
  return {
    person_id: 1,
    on_day: "2026-12-07",
    congress_id: 1,
    congress_name: "ASH Annual Meeting 2026",
    meeting_id: null,
    meeting_kind: null,
    meeting_title: null,
    place: null,
    interaction_id: null,
    kind: "met",
    note: "",
    ...overrides,
  };
}

export function introduction(overrides: Partial<Introduction> = {}): Introduction {
  return {
    id: nextId++,
    person: { id: 1, display_name: "Person 1" },
    to: { id: 2, display_name: "Person 2" },
    through: null,
    status: "owed",
    note: "",
    congress_id: null,
    congress_name: null,
    offered_on: "2026-12-07",
    closed_on: null,
    ...overrides,
  };
}

export function given(overrides: Partial<ValueGiven> = {}): ValueGiven {
  const item = { id: nextId++, person_id: 1, kind: "article" as const, title: "A paper", url: null, on_day: "2026-12-10", note: "", ...overrides };
  // The core words the offer (relations::given::line); the fake says what it was, plainly.
  return { offer: `Offering “${item.title.trim()}”${item.url ? `: ${item.url}` : "."}`, ...item };
}

const invalid = (field: string, message: string): CommandError => ({ kind: "invalid", message: `invalid ${field}`, problems: [{ field, message }] });

function civil(day: string): Date {
  return new Date(`${day}T00:00:00Z`);
}
const iso = (d: Date) => d.toISOString().slice(0, 10);
const daysBetween = (a: string, b: string) => Math.round((civil(b).getTime() - civil(a).getTime()) / 86_400_000);

function after(day: string, c: Cadence, times = 1): string {
  const d = civil(day);
  if (c.unit === "month") d.setUTCMonth(d.getUTCMonth() + c.every * times);
  else d.setUTCDate(d.getUTCDate() + c.every * times * (c.unit === "week" ? 7 : 1));
  return iso(d);
}

function parseCadence(text: string): CadenceSetting | null {
  const t = text.trim().toLowerCase();
  if (t === "off" || t === "group") return { kind: t };
  const m = /^(\d+)\s*([dwmy])$/.exec(t);
  if (!m || Number(m[1]) < 1) return null;
  const n = Number(m[1]);
  const unit = m[2] === "d" ? "day" : m[2] === "w" ? "week" : "month";
  const every = m[2] === "y" ? n * 12 : n;
  const days = unit === "day" ? every : unit === "week" ? every * 7 : Math.floor((every * 61) / 2);
  return days > 5 * 366 ? null : { kind: "every", cadence: { every, unit } }; // one day to five years
}

/** Call after installFakeBackend (which it extends): its people are the ones these commands know. */
export function installFakePersonRelations(b: FakeBackend, init: Partial<FakePersonRelations> = {}): FakePersonRelations {
  const f: FakePersonRelations = {
    today: "2026-12-07",
    own: new Map(),
    groups: new Map(),
    setOn: new Map(),
    contacts: [],
    met: [],
    intros: [],
    given: [],
    draft: (name, offered) => `Subject: Catching up\n\nDear ${name},\n\nI hope you are well.${offered ? `\n\nI thought of you: ${offered.title}.` : ""}`,
    ...init,
  };
  const ref = (id: PersonId) => {
    const p = b.people.find((x) => x.id === id && !b.deletedIds.has(id));
    if (!p) throw { kind: "not_found", message: `no person ${id}` } satisfies CommandError;
    return { id: p.id, display_name: p.display_name };
  };
  const newestFirst = <T extends { on_day: string; id: number }>(list: T[]) =>
    [...list].sort((x, y) => y.on_day.localeCompare(x.on_day) || y.id - x.id);

  const cadenceOf = (personId: PersonId): PersonCadence => {
    const person = ref(personId);
    const own = f.own.get(personId) ?? { kind: "group" };
    const group = f.groups.get(personId) ?? null;
    const applied =
      own.kind === "every" ? { cadence: own.cadence, source: { kind: "person" } as CadenceSource } : own.kind === "off" ? null : group;
    if (!applied) return { person, own, cadence: null, source: null, check_in: null };
    const last = newestFirst(f.contacts.filter((c) => c.person_id === personId && c.on_day <= f.today))[0]?.on_day ?? null;
    const start = last ?? f.setOn.get(personId) ?? f.today;
    const dueOn = after(start, applied.cadence);
    const overdue = daysBetween(dueOn, f.today);
    const losing = f.today >= after(start, applied.cadence, 2);
    const check: CheckIn = {
      person_id: personId,
      display_name: person.display_name,
      institution: null,
      cadence: applied.cadence,
      source: applied.source,
      last_contact: last,
      due_on: dueOn,
      overdue_days: overdue,
      state: losing ? "losing_touch" : overdue > 0 ? "overdue" : overdue === 0 ? "due" : "upcoming",
      snoozed_until: null,
    };
    return { person, own, cadence: applied.cadence, source: applied.source, check_in: check };
  };

  const introById = (id: unknown): Introduction => {
    const found = f.intros.find((i) => i.id === id);
    if (!found) throw { kind: "not_found", message: `no introduction ${String(id)}` } satisfies CommandError;
    return found;
  };
  const congressName = (id: number | null) => (id === null ? null : (b.congresses.find((c) => c.id === id)?.name ?? null));

  answerCommands(b, COMMANDS, (cmd, args) => {
    switch (cmd) {
      case "get_person_relations": {
        const id = args.personId as PersonId;
        const relations: PersonRelations = {
          today: f.today,
          cadence: cadenceOf(id),
          contacts: newestFirst(f.contacts.filter((c) => c.person_id === id)),
          met: [...f.met.filter((e) => e.person_id === id)].sort((x, y) => y.on_day.localeCompare(x.on_day)),
          intros: f.intros.filter((i) => i.person.id === id || i.to?.id === id || i.through?.id === id),
          given: newestFirst(f.given.filter((g) => g.person_id === id)),
        };
        return relations;
      }
      case "set_person_cadence": {
        const id = args.personId as PersonId;
        ref(id);
        const setting = parseCadence(args.every as string);
        if (!setting) throw invalid("every", `“${String(args.every)}” is not a cadence: write a number and d, w or m (90d, 12w, 3m, up to 5 years), or off.`);
        f.own.set(id, setting);
        f.setOn.set(id, f.today);
        return cadenceOf(id);
      }
      case "log_contact": {
        const d = args.draft as ContactDraft;
        if (d.on_day > f.today) throw invalid("on_day", `${d.on_day} is in the future (today is ${f.today}): log a contact once it has happened.`);
        ref(d.person_id);
        const saved = contact({ ...d, congress_name: congressName(d.congress_id) });
        f.contacts = [...f.contacts, saved];
        // A contact is an interaction: the notes timeline of person_page shows it (noon that day, as the core puts it).
        const { id, person_id, congress_id, congress_name, note } = saved;
        b.interactions = [...b.interactions, { id, person_id, congress_id, congress_name, occurred_at: `${d.on_day}T12:00:00Z`, note }];
        return saved;
      }
      case "offer_intro": {
        const d = args.draft as IntroDraft;
        if (d.person_id === d.to_person_id) throw invalid("to_person_id", "Choose someone other than the person introduced.");
        const owedTwice = f.intros.some(
          (i) =>
            i.status === "owed" &&
            ((i.person.id === d.person_id && i.to?.id === d.to_person_id) || (i.person.id === d.to_person_id && i.to?.id === d.person_id)),
        );
        if (d.status === "owed" && owedTwice) throw { kind: "conflict", message: "this introduction is already owed" } satisfies CommandError;
        const saved = introduction({
          person: ref(d.person_id),
          to: ref(d.to_person_id),
          status: d.status,
          note: d.note,
          congress_id: d.congress_id,
          congress_name: congressName(d.congress_id),
          offered_on: f.today,
          closed_on: d.status === "owed" ? null : f.today,
        });
        f.intros = [saved, ...f.intros];
        return saved;
      }
      case "record_met_through": {
        const [personId, through] = [args.personId as PersonId, args.through as PersonId];
        if (personId === through) throw invalid("through_person_id", "Choose someone other than the person met.");
        const saved = introduction({
          person: ref(personId),
          to: null,
          through: ref(through),
          status: "made",
          note: args.note as string,
          congress_id: args.congressId as number | null,
          congress_name: congressName(args.congressId as number | null),
          offered_on: f.today,
          closed_on: f.today,
        });
        f.intros = [saved, ...f.intros];
        return saved;
      }
      case "set_intro_status": {
        const status = args.status as IntroStatus;
        const saved = { ...introById(args.id), status, closed_on: status === "owed" ? null : f.today };
        f.intros = f.intros.map((i) => (i.id === saved.id ? saved : i));
        return saved;
      }
      case "delete_intro":
        introById(args.id);
        f.intros = f.intros.filter((i) => i.id !== args.id);
        return null;
      case "add_given": {
        const d = args.draft as GivenDraft;
        const problems = [
          ...(d.title.trim() ? [] : [{ field: "title", message: "Say what it was, e.g. the article's title." }]),
          ...(d.url === null || /^https?:\/\/\S+$/.test(d.url) ? [] : [{ field: "url", message: `“${d.url}” is not a web address (https://…).` }]),
          ...(d.on_day > f.today ? [{ field: "on_day", message: `${d.on_day} is in the future (today is ${f.today}).` }] : []),
        ];
        if (problems.length > 0) throw { kind: "invalid", message: "invalid given", problems } satisfies CommandError;
        ref(d.person_id);
        const saved = given({ ...d, title: d.title.trim(), note: d.note.trim() });
        f.given = [...f.given, saved];
        return saved;
      }
      case "delete_given":
        if (!f.given.some((g) => g.id === args.id)) throw { kind: "not_found", message: "no value given" } satisfies CommandError;
        f.given = f.given.filter((g) => g.id !== args.id);
        return null;
      default: {
        const person = ref(args.personId as PersonId);
        const offered = args.given === null ? null : (f.given.find((g) => g.id === args.given) ?? null);
        if (args.given !== null && !offered) throw { kind: "not_found", message: "no value given" } satisfies CommandError;
        return f.draft(person.display_name, offered);
      }
    }
  });
  return f;
}
