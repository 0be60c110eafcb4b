// Why: what the Meetings screen says and how it groups things (kinds and statuses, the default
// title, meetings by venue day, free slots in breaks first then by day, clashes and moved targets
// in words), as pure functions, so the wording and the order are tested once and the list, the
// day view and the editor agree. Times are read from the strings' own venue clock.
import type { FieldProblem, Meeting, MeetingClash, MeetingDraft, MeetingKind, MeetingStatus, MovedTarget, Slot } from "./bindings";
import { STATUS_LABELS } from "./people-words";
import { clockOf, dayOf, floating, formatDayLabel, weekday } from "./venue-time";

export const KIND_LABELS: Record<MeetingKind, string> = {
  one_to_one: "One-to-one",
  coffee: "Coffee",
  meal: "Meal",
  reception: "Reception",
  group: "Group",
};

export const MEETING_KINDS = Object.keys(KIND_LABELS) as MeetingKind[];

export const MEETING_STATUS_LABELS: Record<MeetingStatus, string> = {
  proposed: "Proposed",
  confirmed: "Confirmed",
  done: "Done",
  cancelled: "Cancelled",
};

/** Open, filled, ticked, crossed: the status reads by shape as well as colour. */
export const MEETING_STATUS_GLYPHS: Record<MeetingStatus, string> = {
  proposed: "◌",
  confirmed: "●",
  done: "✓",
  cancelled: "✕",
};

export const MEETING_STATUSES = Object.keys(MEETING_STATUS_LABELS) as MeetingStatus[];

/** The one-tap lengths; any other goes in the number field. */
export const LENGTHS = [15, 30, 45, 60] as const;

/** The fields the backend names in its problems, and the two the form checks itself. */
export type MeetingField = "people" | "title" | "minutes" | "day" | "time";

export function isMeetingKind(value: string): value is MeetingKind {
  return value in KIND_LABELS;
}

export function isMeetingStatus(value: string): value is MeetingStatus {
  return value in MEETING_STATUS_LABELS;
}

/** "Meeting with Ana Sánchez"; empty while nobody is chosen. */
export function defaultTitle(firstName: string | null | undefined): string {
  const name = firstName?.trim();
  return name ? `Meeting with ${name}` : "";
}

/** Still the automatic title: it follows the first person until the user writes their own. */
export function isAutoTitle(title: string, firstName: string | null | undefined): boolean {
  return title.trim() === "" || title === defaultTitle(firstName);
}

/**
 * "10:30", "9:30", "930", "0930", "9.30", "9h30" -> "10:30"/"09:30"; null when it is not a clock
 * time. People type times every way; the form keeps the canonical one.
 */
export function parseClock(text: string): string | null {
  const m = /^\s*(\d{1,2})(?:\s*[:.hH]\s*|(?=\d{2}\s*$))(\d{2})\s*$/.exec(text) ?? /^\s*(\d{1,2})\s*$/.exec(text);
  if (!m) return null;
  const hours = Number(m[1]);
  const minutes = m[2] === undefined ? 0 : Number(m[2]);
  if (hours > 23 || minutes > 59) return null;
  return `${String(hours).padStart(2, "0")}:${String(minutes).padStart(2, "0")}`;
}

/** The draft's venue wall-clock start: "2026-12-06" + "10:30" -> "2026-12-06T10:30:00". */
export function startsLocal(day: string, clock: string): string {
  return `${day}T${clock}:00`;
}

/** The venue day and clock an RFC 3339 time (or a floating one) states. */
export function dayAndClock(at: string): { day: string; time: string } {
  return { day: dayOf(at), time: clockOf(at) };
}

/** The form's starting point for an existing meeting. */
export function draftFromMeeting(m: Meeting): MeetingDraft {
  return {
    congress_id: m.congress_id,
    title: m.title,
    purpose: m.purpose,
    place: m.place,
    kind: m.kind,
    status: m.status,
    starts_local: floating(m.starts_at),
    minutes: m.minutes,
    notes: m.notes,
    people: m.people.map((p) => p.id),
  };
}

/** Each problem under its field; anything the form has no field for goes under "". */
export function meetingProblems(problems: readonly FieldProblem[]): Partial<Record<MeetingField | "", string>> {
  const known: readonly string[] = ["people", "title", "minutes", "day", "time"];
  const shown: Partial<Record<MeetingField | "", string>> = {};
  for (const p of problems) {
    const key = (p.field === "starts_local" ? "time" : known.includes(p.field) ? p.field : "") as MeetingField | "";
    shown[key] = shown[key] ? `${shown[key]} ${p.message}` : p.message;
  }
  return shown;
}

export type MeetingDay = { day: string; meetings: Meeting[] };

/** Meetings by venue day, days and meetings in time order. */
export function meetingsByDay(meetings: readonly Meeting[]): MeetingDay[] {
  const sorted = [...meetings].sort(
    (a, b) => Date.parse(a.starts_at) - Date.parse(b.starts_at) || a.title.localeCompare(b.title) || a.id - b.id,
  );
  const days: MeetingDay[] = [];
  for (const m of sorted) {
    const day = dayOf(m.starts_at);
    const last = days[days.length - 1];
    if (last && last.day === day) last.meetings.push(m);
    else days.push({ day, meetings: [m] });
  }
  return days;
}

/** How many meetings fall on each venue day (the day tabs' counts); cancelled ones do not count. */
export function meetingCounts(meetings: readonly Meeting[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const m of meetings) {
    if (m.status === "cancelled") continue;
    const day = dayOf(m.starts_at);
    counts.set(day, (counts.get(day) ?? 0) + 1);
  }
  return counts;
}

/** "Ana Sánchez, Ben Okafor" */
export function peopleNames(m: Pick<Meeting, "people">): string {
  return m.people.map((p) => p.display_name).join(", ");
}

/** "⚠ Clashes with Menin inhibitors 10:00–10:30" without the sign: the overlap in venue time. */
export function clashText(c: MeetingClash): string {
  return `Clashes with ${c.title} ${clockOf(c.overlap_starts_at)}–${clockOf(c.overlap_ends_at)}`;
}

/** "Ana Sánchez → scheduled, Ben Okafor → scheduled"; empty when nobody moved. */
export function movedText(moved: readonly MovedTarget[]): string {
  return moved.map((m) => `${m.display_name} → ${STATUS_LABELS[m.to].toLowerCase()}`).join(", ");
}

/** "Sat 5 Dec at 10:30": when a meeting starts, for confirmations and toasts. */
export function whenText(m: Pick<Meeting, "starts_at">): string {
  return `${formatDayLabel(dayOf(m.starts_at))} at ${clockOf(m.starts_at)}`;
}

/** The toast after a save: what happened and which targets moved. */
export function savedText(m: Pick<Meeting, "title" | "starts_at">, isNew: boolean, moved: readonly MovedTarget[]): string {
  const did = isNew ? `Booked “${m.title}” on ${whenText(m)}.` : `Saved “${m.title}”.`;
  const who = movedText(moved);
  return who ? `${did} ${who}.` : did;
}

/** When the finder finds nothing: what to try next. */
export function noSlotText(minutes: number, name: string | null | undefined): string {
  const who = name?.trim() ? ` with ${name.trim()}` : "";
  return `No free slot for ${minutes} minutes${who}: try a shorter meeting or free a session.`;
}

export type SlotGroup = {
  /** "breaks" or the venue day. */
  key: string;
  label: string;
  slots: Slot[];
};

/**
 * The finder's answer as the panel shows it: slots inside a break first (in the order the
 * finder ranked them), then the rest by venue day. Slots that already started are left out.
 */
export function slotGroups(slots: readonly Slot[], now: Date): SlotGroup[] {
  const future = slots.filter((s) => Date.parse(s.starts_at) >= now.getTime());
  const groups: SlotGroup[] = [];
  const breaks = future.filter((s) => s.in_break !== null);
  if (breaks.length > 0) groups.push({ key: "breaks", label: "In breaks", slots: breaks });
  const byDay = new Map<string, Slot[]>();
  for (const s of future.filter((x) => x.in_break === null).sort((a, b) => Date.parse(a.starts_at) - Date.parse(b.starts_at))) {
    const day = dayOf(s.starts_at);
    const list = byDay.get(day);
    if (list) list.push(s);
    else byDay.set(day, [s]);
  }
  for (const [day, list] of byDay) groups.push({ key: day, label: formatDayLabel(day), slots: list });
  return groups;
}

/** A slot button's words: "Sat 10:00–10:30 · Coffee break" in the breaks group, "10:00" in a day. */
export function slotLabel(slot: Slot, inBreaksGroup: boolean): string {
  if (!inBreaksGroup) return clockOf(slot.starts_at);
  const when = `${weekday(dayOf(slot.starts_at))} ${clockOf(slot.starts_at)}–${clockOf(slot.ends_at)}`;
  return slot.in_break ? `${when} · ${slot.in_break}` : when;
}

/** "1 meeting", "3 meetings" */
export function meetingCount(n: number): string {
  return `${n.toLocaleString("en-US")} ${n === 1 ? "meeting" : "meetings"}`;
}
