// Why: what the People screen says about people and targets (priority, why, status, the next step,
// a target's next talk, the merge warning) as pure functions, so the wording and the order are
// tested once and the list, the board and the person page agree.
import type { NextTalk, PosterSpot, Priority, TargetStatus, Why } from "./bindings";
import { clockOf, dayOf, weekday } from "./venue-time";

export const PRIORITIES: readonly Priority[] = ["must", "should", "nice"];

export const PRIORITY_LABELS: Record<Priority, string> = {
  must: "Must meet",
  should: "Should meet",
  nice: "Nice to meet",
};

/** Filled, half, empty: priority reads by shape as well as colour. */
export const PRIORITY_GLYPHS: Record<Priority, string> = {
  must: "●",
  should: "◐",
  nice: "○",
};

export const WHY_LABELS: Record<Why, string> = {
  mentor: "Mentor",
  collaborator: "Collaborator",
  peer: "Peer",
  industry: "Industry",
  cooperative_group: "Cooperative group",
  speaker: "Speaker",
  other: "Other",
};

export const WHYS = Object.keys(WHY_LABELS) as Why[];

export const STATUS_LABELS: Record<TargetStatus, string> = {
  idea: "Idea",
  contacted: "Contacted",
  scheduled: "Scheduled",
  met: "Met",
  followed_up: "Followed up",
  declined: "Declined",
};

/** Filling circles along the way, a crossed one for declined: status reads without colour. */
export const STATUS_GLYPHS: Record<TargetStatus, string> = {
  idea: "○",
  contacted: "◔",
  scheduled: "◑",
  met: "◕",
  followed_up: "●",
  declined: "⊘",
};

/** Every status in the order a target moves through them; declined is off the way. */
export const STATUSES = Object.keys(STATUS_LABELS) as TargetStatus[];

export function isPriority(value: string): value is Priority {
  return value in PRIORITY_LABELS;
}

export function isWhy(value: string): value is Why {
  return value in WHY_LABELS;
}

export function isStatus(value: string): value is TargetStatus {
  return value in STATUS_LABELS;
}

/** The one step forward; null at the ends (followed up, declined). */
export function nextStatus(status: TargetStatus): TargetStatus | null {
  const way: TargetStatus[] = ["idea", "contacted", "scheduled", "met", "followed_up"];
  const i = way.indexOf(status);
  return i >= 0 && i < way.length - 1 ? (way[i + 1] ?? null) : null;
}

export function priorityRank(priority: Priority): number {
  return PRIORITIES.indexOf(priority);
}

const joined = (parts: (string | null | undefined)[], separator: string) =>
  parts.map((p) => p?.trim()).filter(Boolean).join(separator);

/** "Professor of Medicine · Hospital Clínic" */
export function roleLine(p: { position: string | null; institution: string | null }): string {
  return joined([p.position, p.institution], " · ");
}

/** "Barcelona, Spain" */
export function placeLine(p: { city: string | null; country: string | null }): string {
  return joined([p.city, p.country], ", ");
}

/** "Prof. · MD, PhD" */
export function titleLine(p: { honorific: string | null; credentials: string | null }): string {
  return joined([p.honorific, p.credentials], " · ");
}

/**
 * A contact imported without a name is shown by their email address (the backend's rule: a display
 * name that is an address stands in for a name, is exported with an empty N and gives way to the
 * first imported card that names them); the person page says so rather than pass it off as a name.
 */
export function noNameLine(p: { display_name: string; given_name: string | null; family_name: string | null }): string {
  const name = p.display_name.trim();
  const isAddress = !/\s/.test(name) && /^[^@]+@[^@]+\.[^@.]+$/.test(name);
  return isAddress && !p.given_name && !p.family_name ? "No name yet: their email address stands in. Edit to add one." : "";
}

/** "Sat 10:30 · Room 6A · Menin inhibitors in NPM1 AML", in venue time (the string's own clock). */
export function nextTalkText(talk: NextTalk): string {
  return joined([`${weekday(dayOf(talk.starts_at))} ${clockOf(talk.starts_at)}`, talk.room, talk.title], " · ");
}

/** "Board I-123 · Sat 18:00–19:00 · Hall G · MRD after CAR-T": their poster, with the presenter's hour. */
export function posterText(poster: PosterSpot): string {
  const when = `${weekday(dayOf(poster.starts_at))} ${clockOf(poster.starts_at)}–${clockOf(poster.ends_at)}`;
  return joined([poster.board?.trim() ? `Board ${poster.board.trim()}` : null, when, poster.room, poster.title], " · ");
}

/** "1 person", "50,000 people" */
export function peopleCount(n: number): string {
  return `${n.toLocaleString("en-US")} ${n === 1 ? "person" : "people"}`;
}

/** A name that tells two records apart: "Ana Sánchez (Hospital Clínic)". */
export function whoText(p: { display_name: string; institution: string | null }): string {
  return p.institution?.trim() ? `${p.display_name} (${p.institution.trim()})` : p.display_name;
}

/** The body of the merge confirmation: who is kept, who goes, and what moves. */
export function mergeMessage(
  keep: { display_name: string; institution: string | null },
  absorb: { display_name: string; institution: string | null },
): string {
  const k = whoText(keep);
  const a = whoText(absorb);
  return (
    `Everything of ${a} moves to ${k}: talks, targets, notes, meetings, follow-ups and email addresses. ` +
    `Details ${k} lacks are taken from ${a}, and ${a} leaves the list.`
  );
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** "5 Dec 2026" for an instant, on this computer's calendar (notes are dated where you are). */
export function noteDate(at: string): string {
  const d = new Date(at);
  if (Number.isNaN(d.getTime())) return at;
  return `${d.getDate()} ${MONTHS[d.getMonth()]} ${d.getFullYear()}`;
}
