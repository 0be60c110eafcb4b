// Why: what only the Keep in touch screen says (when a check-in is due in the list, why that
// often, the snooze choices, an introduction owed, a group's cadence, the next congress) and a
// Reconnect row's part in the program, as pure functions over calendar days, so the wording is
// tested once. The words a person's page says too (a cadence, the last contact, where we met, the
// check-in marks) are relation-words.ts's, used here as they are. Days are "YYYY-MM-DD", never instants.
import type { CadenceGroup, CadenceSource, CheckIn, Introduction, ProgramRole, Why } from "./bindings";
import { customEveryProblem, plural, spanText } from "./relation-words";
import { sentenceCase } from "./format";
import { civilDate, clockOf, dayOf, formatDayLabel, weekday } from "./venue-time";

const iso = (d: Date) => d.toISOString().slice(0, 10);

/** `n` days after `day`. */
export function addDays(day: string, n: number): string {
  const d = civilDate(day);
  return d ? iso(new Date(d.getTime() + n * 86_400_000)) : day;
}

/** `n` calendar months after `day`, clamped to the month's end (31 Jan + 1 month = 28 or 29 Feb), as the core counts. */
export function addMonths(day: string, n: number): string {
  const d = civilDate(day);
  if (!d) return day;
  const months = d.getUTCFullYear() * 12 + d.getUTCMonth() + n;
  const year = Math.floor(months / 12);
  const month = months - year * 12;
  const last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return iso(new Date(Date.UTC(year, month, Math.min(d.getUTCDate(), last))));
}

// ── Check-ins ─────────────────────────────────────────────────────────────────────────────────

/** "Overdue by 9 days", "Due today", "Due tomorrow", "Due in 5 days · Thu 18 Jun", "Snoozed until Mon 22 Jun". */
export function dueText(c: Pick<CheckIn, "due_on" | "overdue_days" | "snoozed_until">): string {
  if (c.snoozed_until && c.overdue_days < 0) return `Snoozed until ${formatDayLabel(c.snoozed_until)}`;
  if (c.overdue_days > 0) return `Overdue by ${spanText(c.overdue_days)}`;
  if (c.overdue_days === 0) return "Due today";
  if (c.overdue_days === -1) return "Due tomorrow";
  return `Due in ${plural(-c.overdue_days, "day")} · ${formatDayLabel(c.due_on)}`;
}

/** The people a relationship names, as a group: "mentors", "cooperative group contacts". */
export const WHY_GROUP_LABELS: Record<Why, string> = {
  mentor: "mentors",
  collaborator: "collaborators",
  peer: "peers",
  industry: "industry contacts",
  cooperative_group: "cooperative group contacts",
  speaker: "speakers",
  other: "other targets",
};

/** Where a cadence comes from, or a group with a cadence: "set for them", "all mentors", "tag “collaborator”". */
export function sourceText(s: CadenceSource | CadenceGroup): string {
  switch (s.kind) {
    case "person":
      return "set for them";
    case "relationship":
      return `all ${WHY_GROUP_LABELS[s.why]}`;
    case "tag":
      return `tag “${s.tag}”`;
  }
}

export type CheckInGroup = { key: "due" | "upcoming"; label: string; items: CheckIn[] };

/** Due now (overdue and losing touch included, most overdue first as the core sends them), then coming up. */
export function groupCheckIns(list: readonly CheckIn[]): CheckInGroup[] {
  const due = list.filter((c) => c.state !== "upcoming");
  const upcoming = list.filter((c) => c.state === "upcoming").sort((a, b) => a.due_on.localeCompare(b.due_on));
  const groups: CheckInGroup[] = [];
  if (due.length > 0) groups.push({ key: "due", label: "Due now", items: due });
  if (upcoming.length > 0) groups.push({ key: "upcoming", label: "Coming up in the next two weeks", items: upcoming });
  return groups;
}

/** 1 week, 2 weeks, 1 month from `today` (the user's day), as the snooze menu offers them. */
export function snoozeChoices(today: string): { label: string; until: string; testid: string }[] {
  const choice = (label: string, until: string, testid: string) => ({ label: `${label} · until ${formatDayLabel(until)}`, until, testid });
  return [
    choice("1 week", addDays(today, 7), "check-in-snooze-week"),
    choice("2 weeks", addDays(today, 14), "check-in-snooze-two-weeks"),
    choice("1 month", addMonths(today, 1), "check-in-snooze-month"),
  ];
}

// ── Introductions ─────────────────────────────────────────────────────────────────────────────

/** "Introduce Ana Sánchez to Ben Okafor". */
export function introLine(i: Pick<Introduction, "person" | "to">): string {
  return i.to ? `Introduce ${i.person.display_name} to ${i.to.display_name}` : `Introduce ${i.person.display_name}`;
}

// ── Group cadences ────────────────────────────────────────────────────────────────────────────

/** A stable key for a group (a tag case aside, as the core compares). */
export function groupKey(g: CadenceGroup): string {
  return g.kind === "relationship" ? `why:${g.why}` : `tag:${g.tag.trim().toLowerCase()}`;
}

/** "12 people", "1 person", "nobody yet". */
export function membersText(n: number): string {
  if (n === 0) return "nobody yet";
  return n === 1 ? "1 person" : `${n.toLocaleString("en-US")} people`;
}

export type GroupCadenceField = "every" | "tag";

/** The fields of the group form the core may name in its problems. */
export const GROUP_CADENCE_FIELDS: readonly GroupCadenceField[] = ["every", "tag"];

/** What is wrong with the form before it is sent, in words; null when it can go. */
export function groupCadenceFormProblem(every: string, kind: CadenceGroup["kind"], tag: string): { field: GroupCadenceField; message: string } | null {
  if (kind === "tag") {
    const t = tag.trim();
    if (!t) return { field: "tag", message: "Type the tag, as on people's pages (collaborator)." };
    if (/\s/.test(t)) return { field: "tag", message: `“${t}” is not a tag: a tag is one word, as on people's pages.` };
  }
  const wrong = customEveryProblem(every);
  return wrong ? { field: "every", message: wrong } : null;
}

// ── Their part in the program (Reconnect) ─────────────────────────────────────────────────────

const ROLE_VERBS: Record<string, string> = { speaker: "Speaks", chair: "Chairs", author: "Author" };

/** "Speaks Sat 10:30 · Room 6A", "Chairs Sun 08:00 · Hall B", "Poster I-123 · Sat 18:00 · Hall G" (venue time). */
export function roleLine(r: Pick<ProgramRole, "role" | "starts_at" | "room" | "board">): string {
  const when = `${weekday(dayOf(r.starts_at))} ${clockOf(r.starts_at)}`;
  const board = r.board?.trim();
  const room = r.room?.trim();
  if (board) return [`Poster ${board}`, when, room].filter(Boolean).join(" · ");
  const verb = ROLE_VERBS[r.role] ?? (r.role ? sentenceCase(r.role) : "In the program");
  return [`${verb} ${when}`, room].filter(Boolean).join(" · ");
}

// ── The next congress ─────────────────────────────────────────────────────────────────────────

/** "starts today", "starts tomorrow", "in 12 days". */
export function daysToGoText(days: number): string {
  if (days <= 0) return "starts today";
  if (days === 1) return "starts tomorrow";
  return `in ${days} days`;
}

/** "3 of 12 targets not contacted yet", "All 12 targets contacted", "No targets yet". */
export function notContactedText(notContacted: number, total: number): string {
  if (total === 0) return "No targets yet";
  if (notContacted === 0) return total === 1 ? "Your target is contacted" : `All ${total} targets contacted`;
  return `${notContacted} of ${plural(total, "target")} not contacted yet`;
}

