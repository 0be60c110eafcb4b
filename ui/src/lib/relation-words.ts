// Why: what a person's page says about keeping the relationship between congresses (how contact
// happened, how often to be in touch and where that comes from, the check-in line, where we met,
// introductions both ways, what was given) as pure functions over calendar days, so the wording is
// tested once and the page's sections, the log-contact form, Keep in touch, the target cards, Today
// and Reconnect agree. Words that can run on in a sentence ("every 3 months", "last contact 5 Dec")
// are written in lower case; a line that starts with them capitalises them where it shows them
// (sentenceCase). Days are "YYYY-MM-DD".
import type {
  Cadence,
  CadenceSetting,
  CadenceSource,
  CadenceUnit,
  CheckIn,
  CheckInState,
  Contact,
  Encounter,
  FieldProblem,
  GivenKind,
  InteractionKind,
  Introduction,
  IntroStatus,
  PersonId,
  ValueGiven,
} from "./bindings";
import { sentenceCase } from "./format";
import { KIND_LABELS as MEETING_KIND_LABELS } from "./meeting-words";
import { WHY_LABELS } from "./people-words";

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** "1 day", "9 days". */
export const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function parts(day: string): { year: number; month: number; day: number } | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  return m ? { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) } : null;
}

/** "7 Dec 2026": a day in a history that spans years. */
export function fullDay(day: string): string {
  const d = parts(day);
  return d ? `${d.day} ${MONTHS[d.month - 1] ?? ""} ${d.year}` : day;
}

/** "12 Jan" in today's year, "12 Jan 2027" in another. */
export function shortDay(day: string, today: string): string {
  const d = parts(day);
  if (!d) return day;
  return d.year === parts(today)?.year ? `${d.day} ${MONTHS[d.month - 1] ?? ""}` : fullDay(day);
}

// ── How contact happened ──────────────────────────────────────────────────────────────────────

export const INTERACTION_KIND_LABELS: Record<InteractionKind, string> = {
  note: "Note",
  met: "Met",
  email: "Email",
  call: "Call",
  video: "Video call",
  message: "Message",
};

/** The kinds a contact is logged as (a plain note is the Notes block's). */
export const CONTACT_KINDS: readonly InteractionKind[] = ["met", "email", "call", "video", "message"];

export function isContactKind(value: string): value is InteractionKind {
  return (CONTACT_KINDS as readonly string[]).includes(value);
}

/** "Logged: email on 5 Dec." after the form saved. */
export function loggedText(c: Pick<Contact, "kind" | "on_day">, today: string): string {
  const when = c.on_day === today ? "today" : `on ${shortDay(c.on_day, today)}`;
  return `Logged: ${INTERACTION_KIND_LABELS[c.kind].toLowerCase()} ${when}.`;
}

// ── Cadence ───────────────────────────────────────────────────────────────────────────────────

const UNIT_WORDS: Record<CadenceUnit, [string, string]> = {
  day: ["day", "days"],
  week: ["week", "weeks"],
  month: ["month", "months"],
};

const UNIT_LETTERS: Record<CadenceUnit, string> = { day: "d", week: "w", month: "m" };

export const CADENCE_UNITS: readonly CadenceUnit[] = ["week", "month", "day"];

/** "weeks", "months", "days": a unit as the cadence selects name it. */
export function unitName(unit: CadenceUnit): string {
  return UNIT_WORDS[unit][1];
}

export function isCadenceUnit(value: string): value is CadenceUnit {
  return value in UNIT_LETTERS;
}

/** "every 3 months", "every week", "every 90 days". */
export function cadenceText(c: Cadence): string {
  const [one, many] = UNIT_WORDS[c.unit];
  return c.every === 1 ? `every ${one}` : `every ${c.every} ${many}`;
}

/** What set_person_cadence reads: "3m", "12w", "90d". */
export function cadenceCode(c: Cadence): string {
  return `${c.every}${UNIT_LETTERS[c.unit]}`;
}

/** The usual choices of the cadence select, in its order; anything else is "Custom". */
export const CADENCE_PRESETS: readonly { code: string; label: string }[] = (
  [
    { every: 2, unit: "week" },
    { every: 1, unit: "month" },
    { every: 3, unit: "month" },
    { every: 6, unit: "month" },
    { every: 12, unit: "month" },
  ] as const
).map((c) => ({ code: cadenceCode(c), label: sentenceCase(cadenceText(c)) }));

/** What the select shows for a person's own setting: "group", "off", a preset's code or "custom". */
export function settingChoice(own: CadenceSetting): string {
  if (own.kind !== "every") return own.kind;
  const code = cadenceCode(own.cadence);
  return CADENCE_PRESETS.some((p) => p.code === code) ? code : "custom";
}

/** The custom cadence's number, checked before it is sent; null when it may go. */
export function customEveryProblem(every: string): string | null {
  const n = Number(every);
  if (!every.trim() || !Number.isInteger(n) || n < 1) return "Write how many: a whole number from 1.";
  return null;
}

/** "Set for them: every 3 months", "From their tag ‘mentor’: every 3 months",
 *  "From their relationship ‘collaborator’: every 6 months". */
export function sourceLine(cadence: Cadence, source: CadenceSource): string {
  const every = cadenceText(cadence);
  switch (source.kind) {
    case "person":
      return `Set for them: ${every}`;
    case "tag":
      return `From their tag ‘${source.tag}’: ${every}`;
    case "relationship":
      return `From their relationship ‘${WHY_LABELS[source.why].toLowerCase()}’: ${every}`;
  }
}

/** Why there is no check-in: switched off for them, or no cadence anywhere. */
export function noCadenceLine(own: CadenceSetting): string {
  return own.kind === "off"
    ? "Off: no check-ins for them, whatever their groups say."
    : "No cadence yet: choose how often you want to be in touch, and Hallway says when a check-in is due.";
}

// ── The check-in ──────────────────────────────────────────────────────────────────────────────

export const CHECK_IN_GLYPHS: Record<CheckInState, string> = {
  upcoming: "○",
  due: "●",
  overdue: "⚠",
  losing_touch: "⚠",
};

/** "9 days", "3 weeks", "4 months": how long overdue, rounded down to what a glance needs. */
export function spanText(days: number): string {
  if (days < 14) return plural(days, "day");
  if (days < 63) return plural(Math.floor(days / 7), "week");
  return plural(Math.floor(days / 30.5), "month");
}

/** "Due 12 Jan", "Due today", "Overdue by 9 days", "Losing touch: no contact for twice their
 *  cadence", "Snoozed until 3 Feb". */
export function checkInHeadline(c: Pick<CheckIn, "state" | "due_on" | "overdue_days" | "snoozed_until">, today: string): string {
  if (c.snoozed_until && c.overdue_days < 0) return `Snoozed until ${shortDay(c.snoozed_until, today)}`;
  switch (c.state) {
    case "losing_touch":
      return "Losing touch: no contact for twice their cadence";
    case "overdue":
      return `Overdue by ${spanText(Math.max(1, c.overdue_days))}`;
    case "due":
      return "Due today";
    case "upcoming":
      return `Due ${shortDay(c.due_on, today)}`;
  }
}

/** "last contact 5 Dec (email)", "last contact 5 Dec", "no contact logged yet". */
export function lastContactText(day: string | null, kind: InteractionKind | null, today: string): string {
  if (!day) return "no contact logged yet";
  const how = kind && kind !== "note" ? ` (${INTERACTION_KIND_LABELS[kind].toLowerCase()})` : "";
  return `last contact ${shortDay(day, today)}${how}`;
}

/** "Due 12 Jan · last contact 5 Dec (email)". `contacts` (newest first) tell how the last one was. */
export function checkInLine(c: CheckIn, today: string, contacts: readonly Pick<Contact, "on_day" | "kind">[] = []): string {
  const kind = c.last_contact ? (contacts.find((x) => x.on_day === c.last_contact)?.kind ?? null) : null;
  return `${checkInHeadline(c, today)} · ${lastContactText(c.last_contact, kind, today)}`;
}

// ── Where we met ──────────────────────────────────────────────────────────────────────────────

/** "coffee at Café Bleu", "one-to-one", "at Hall B", "call"; null for a plain "met". */
export function encounterHow(e: Pick<Encounter, "meeting_kind" | "place" | "kind">): string | null {
  const place = e.place?.trim();
  if (e.meeting_kind) {
    const what = MEETING_KIND_LABELS[e.meeting_kind].toLowerCase();
    return place ? `${what} at ${place}` : what;
  }
  if (place) return `at ${place}`;
  return e.kind === "met" || e.kind === "note" ? null : INTERACTION_KIND_LABELS[e.kind].toLowerCase();
}

/** "ASH 2026 · coffee at Café Bleu · 7 Dec 2026"; `congressName` is the short name when known. */
export function encounterLine(e: Pick<Encounter, "meeting_kind" | "place" | "kind" | "on_day">, congressName: string | null): string {
  return [congressName, encounterHow(e), fullDay(e.on_day)].filter(Boolean).join(" · ");
}

/** "Last met: EHA 2025 · coffee at Café Bleu · 14 Jun 2025", on target cards, Today and Reconnect. */
export function lastMetText(e: Pick<Encounter, "congress_name" | "meeting_kind" | "place" | "kind" | "on_day">): string {
  return `Last met: ${encounterLine(e, e.congress_name)}`;
}

// ── Introductions ─────────────────────────────────────────────────────────────────────────────

export const INTRO_STATUS_LABELS: Record<IntroStatus, string> = {
  owed: "Owed",
  made: "Made",
  declined: "Declined",
};

/** Open, ticked, crossed: the status reads by shape as well as colour. */
export const INTRO_STATUS_GLYPHS: Record<IntroStatus, string> = {
  owed: "◌",
  made: "✓",
  declined: "✕",
};

/**
 * One introduction as the page of person `pageId` says it: "You owe: introduce Ana to Ben",
 * "Introduced Ana to Ben", "Declined: introduce Ana to Ben", "Met through Carl" (on Ana's page),
 * "Introduced you to Ana" (on Carl's).
 */
export function introText(i: Pick<Introduction, "person" | "to" | "through" | "status">, pageId: PersonId): string {
  if (i.through) {
    return i.person.id === pageId ? `Met through ${i.through.display_name}` : `Introduced you to ${i.person.display_name}`;
  }
  const pair = `${i.person.display_name} to ${i.to?.display_name ?? "someone"}`;
  switch (i.status) {
    case "owed":
      return `You owe: introduce ${pair}`;
    case "made":
      return `Introduced ${pair}`;
    case "declined":
      return `Declined: introduce ${pair}`;
  }
}

/** "Offered 3 Jan · ASH 2026 · made 9 Jan": when, where, and when it closed. */
export function introMeta(i: Pick<Introduction, "through" | "offered_on" | "closed_on" | "status">, congressName: string | null, today: string): string {
  const first = `${i.through ? "Noted" : "Offered"} ${shortDay(i.offered_on, today)}`;
  const closed = !i.through && i.closed_on && i.status !== "owed" ? `${i.status} ${shortDay(i.closed_on, today)}` : null;
  return [first, congressName, closed].filter(Boolean).join(" · ");
}

/** The other person of an introduction, seen from `pageId`'s page. */
export function introOther(i: Pick<Introduction, "person" | "to" | "through">, pageId: PersonId): string {
  const other = i.person.id === pageId ? (i.to ?? i.through) : i.person;
  return other?.display_name ?? "someone";
}

// ── Value given ───────────────────────────────────────────────────────────────────────────────

export const GIVEN_KIND_LABELS: Record<GivenKind, string> = {
  article: "Article",
  abstract: "Abstract",
  dataset: "Dataset",
  recommendation: "Recommendation",
  invitation: "Invitation",
  other: "Other",
};

export const GIVEN_KINDS = Object.keys(GIVEN_KIND_LABELS) as GivenKind[];

export function isGivenKind(value: string): value is GivenKind {
  return value in GIVEN_KIND_LABELS;
}


// ── Problems ──────────────────────────────────────────────────────────────────────────────────

/** Problems by field (`known` ones); any other goes under "" (said once for the form). */
export function problemsByField<F extends string>(problems: readonly FieldProblem[], known: readonly F[]): Partial<Record<F | "", string>> {
  const out: Partial<Record<F | "", string>> = {};
  for (const p of problems) {
    const key = ((known as readonly string[]).includes(p.field) ? p.field : "") as F | "";
    out[key] = out[key] ? `${out[key]} ${p.message}` : p.message;
  }
  return out;
}
