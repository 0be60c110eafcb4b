// Why: what the Follow-ups screen says and how it orders things (channels, overdue / today / later,
// the due line, the done dialog's line, reminder times), as pure functions with the clock passed
// in, so wording and order are tested once and never depend on the machine's zone or the wall
// clock. Times are read from the strings' own offset, which the backend sets to the congress zone.
import type { Channel, FieldProblem, FollowUp, FollowUpStatus } from "./bindings";
import { clockOf, dayOf, formatDayLabel, offsetMinutesIn, offsetOf, offsetString } from "./venue-time";

export const CHANNEL_LABELS: Record<Channel, string> = {
  email: "Email",
  linkedin: "LinkedIn",
  x: "X",
  bluesky: "Bluesky",
  in_person: "In person",
  other: "Other",
};

export const CHANNELS = Object.keys(CHANNEL_LABELS) as Channel[];

export function isChannel(value: string): value is Channel {
  return value in CHANNEL_LABELS;
}

export const FOLLOW_UP_STATUS_LABELS: Record<FollowUpStatus, string> = {
  owed: "Owed",
  done: "Done",
  dropped: "Dropped",
};

/** Open, ticked, crossed: the status reads by shape as well as colour. */
export const FOLLOW_UP_STATUS_GLYPHS: Record<FollowUpStatus, string> = {
  owed: "◌",
  done: "✓",
  dropped: "✕",
};

export type DueGroup = "overdue" | "today" | "later";

export const DUE_GROUP_LABELS: Record<DueGroup, string> = {
  overdue: "Overdue",
  today: "Due today",
  later: "Later",
};

function offsetMinutes(offset: string): number {
  const m = /^([+-])(\d{2}):(\d{2})$/.exec(offset);
  return m ? (m[1] === "-" ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : 0;
}

/** The instant `ms` written with `offset`: (…, "-05:00") -> "2026-12-07T11:00:00-05:00". */
export function atOffset(ms: number, offset: string): string {
  const local = new Date(ms + offsetMinutes(offset) * 60_000).toISOString().slice(0, 19);
  return `${local}${offset}`;
}

/** The calendar day of the instant `ms` on a clock at `offset`. */
export function dayAtOffset(ms: number, offset: string): string {
  return atOffset(ms, offset).slice(0, 10);
}

/** Overdue once the due moment has passed; today when due later on today's date (its own clock). */
export function dueGroup(dueAt: string, now: number): DueGroup {
  const due = Date.parse(dueAt);
  if (due < now) return "overdue";
  return dayOf(dueAt) === dayAtOffset(now, offsetOf(dueAt)) ? "today" : "later";
}

/**
 * "Overdue · due Mon 7 Dec", "Overdue · due today at 09:00", "Due today at 17:00 EST",
 * "Due Wed 9 Dec". `zoneName` labels clock times ("EST"); empty when unknown.
 */
export function dueLine(dueAt: string, now: number, zoneName = ""): string {
  const day = dayOf(dueAt);
  const clock = `${clockOf(dueAt)}${zoneName ? ` ${zoneName}` : ""}`;
  const today = dayAtOffset(now, offsetOf(dueAt));
  switch (dueGroup(dueAt, now)) {
    case "overdue":
      return day === today ? `Overdue · due today at ${clock}` : `Overdue · due ${formatDayLabel(day)}`;
    case "today":
      return `Due today at ${clock}`;
    case "later":
      return `Due ${formatDayLabel(day)}`;
  }
}

/** The row's due line: dueLine while owed; "Was due Mon 7 Dec" once done or dropped. */
export function rowDueLine(f: FollowUp, now: number, zoneName = ""): string {
  return f.status === "owed" ? dueLine(f.due_at, now, zoneName) : `Was due ${formatDayLabel(dayOf(f.due_at))}`;
}

export type FollowUpGroup = { key: DueGroup; label: string; items: FollowUp[] };

/** Owed follow-ups as overdue, due today, later; each by due moment (earliest first). */
export function groupOwed(list: readonly FollowUp[], now: number): FollowUpGroup[] {
  const sorted = [...list].sort((a, b) => Date.parse(a.due_at) - Date.parse(b.due_at) || a.id - b.id);
  const groups: FollowUpGroup[] = (["overdue", "today", "later"] as const).map((key) => ({ key, label: DUE_GROUP_LABELS[key], items: [] }));
  for (const f of sorted) groups.find((g) => g.key === dueGroup(f.due_at, now))?.items.push(f);
  return groups.filter((g) => g.items.length > 0);
}

/** One congress's follow-ups: owed first, then done and dropped, each by due moment. */
export function sortForCongress(list: readonly FollowUp[]): FollowUp[] {
  const rank = (f: FollowUp) => (f.status === "owed" ? 0 : 1);
  return [...list].sort((a, b) => rank(a) - rank(b) || Date.parse(a.due_at) - Date.parse(b.due_at) || a.id - b.id);
}

/** "Follow-up drafted for Ana Sánchez, due Mon 7 Dec" (the done dialog). */
export function draftedLine(f: FollowUp): string {
  return `Follow-up drafted for ${f.display_name}, due ${formatDayLabel(dayOf(f.due_at))}`;
}

/**
 * A wall-clock time in `zone` as RFC 3339 with that zone's offset at that moment:
 * ("2026-12-07", "11:00", "America/New_York") -> "2026-12-07T11:00:00-05:00". A time the clocks
 * skip or repeat gets one of the two offsets: an hour either way is fine for a due date.
 */
export function zonedInstant(day: string, clock: string, zone: string): string {
  const wall = Date.parse(`${day}T${clock}:00Z`);
  let offset = offsetMinutesIn(zone, new Date(wall));
  const second = offsetMinutesIn(zone, new Date(wall - offset * 60_000));
  if (second !== offset) offset = second;
  return `${day}T${clock}:00${offsetString(offset)}`;
}

export type ReminderMode = "none" | "due" | "custom";

/** How a stored reminder reads in the form: none, at the due moment, or a time of its own. */
export function reminderMode(remindAt: string | null, dueAt: string): ReminderMode {
  if (remindAt === null) return "none";
  return Date.parse(remindAt) === Date.parse(dueAt) ? "due" : "custom";
}

/** The minutes-before choices of a meeting reminder. */
export const REMIND_BEFORE = [5, 10, 15, 30, 60] as const;

/** When to remind `minutes` before a meeting starting at `startsAt`, on the meeting's clock. */
export function meetingReminderAt(startsAt: string, minutes: number): string {
  return atOffset(Date.parse(startsAt) - minutes * 60_000, offsetOf(startsAt));
}

/** "5 minutes before", "1 hour before". */
export function remindBeforeLabel(minutes: number): string {
  return minutes === 60 ? "1 hour before" : `${minutes} minutes before`;
}

export type FollowUpField = "due_at" | "remind_at" | "draft" | "channel";

/** Each problem under its field; anything the form has no field for goes under "". */
export function followUpProblems(problems: readonly FieldProblem[]): Partial<Record<FollowUpField | "", string>> {
  const known: readonly string[] = ["due_at", "remind_at", "draft", "channel"];
  const shown: Partial<Record<FollowUpField | "", string>> = {};
  for (const p of problems) {
    const key = (known.includes(p.field) ? p.field : "") as FollowUpField | "";
    shown[key] = shown[key] ? `${shown[key]} ${p.message}` : p.message;
  }
  return shown;
}

/** "Dropped the follow-up to Ana Sánchez." and the like, for toasts. */
export function statusToast(f: FollowUp, status: FollowUpStatus): string {
  switch (status) {
    case "done":
      return `Followed up with ${f.display_name}.`;
    case "dropped":
      return `Dropped the follow-up to ${f.display_name}.`;
    case "owed":
      return `The follow-up to ${f.display_name} is owed again.`;
  }
}

/** `draft` with `line` as a paragraph of its own: before the sign-off ("With best regards,") when
 *  the draft has a greeting, a body and a sign-off, else at the end. */
export function withLine(draft: string, line: string): string {
  const text = draft.trimEnd();
  if (!text) return line;
  const paragraphs = text.split(/\n\s*\n/);
  if (paragraphs.length < 3) return `${text}\n\n${line}`;
  return [...paragraphs.slice(0, -1), line, paragraphs[paragraphs.length - 1]].join("\n\n");
}
