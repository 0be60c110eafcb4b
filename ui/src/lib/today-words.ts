// Why: what Today says (a target's next talk, who a meeting is with, the toast after "met", the
// progress lines) as pure functions, so the wording is tested once and the cards agree.
import type { DayItem, DayProgress, MeetingStatus, MetResult, NextTalk, PosterSpot } from "./bindings";
import { joinWords } from "./format";
import { clockOf, dayOf, weekday } from "./venue-time";

/** "Speaks 14:00 · Room 6A" today; "Speaks Sun 14:00 · Room 6A" on another day (venue clock). */
export function talkLine(talk: NextTalk, today: string): string {
  const day = dayOf(talk.starts_at);
  const when = day === today ? clockOf(talk.starts_at) : `${weekday(day)} ${clockOf(talk.starts_at)}`;
  return [`Speaks ${when}`, talk.room?.trim()].filter(Boolean).join(" · ");
}

/** "Poster I-123, 18:00–19:00 · Hall G": where and when they stand at their poster. */
export function posterLine(poster: PosterSpot, today: string): string {
  const day = dayOf(poster.starts_at);
  const hours = `${clockOf(poster.starts_at)}–${clockOf(poster.ends_at)}`;
  const when = day === today ? hours : `${weekday(day)} ${hours}`;
  const what = poster.board?.trim() ? `Poster ${poster.board.trim()}` : "Poster";
  return [`${what}, ${when}`, poster.room?.trim()].filter(Boolean).join(" · ");
}

/** "with Ana Sánchez and Ben Okafor"; "" for a session. */
export function withWhom(people: string[]): string {
  return people.length > 0 ? `with ${joinWords(people)}` : "";
}

export const MEETING_STATUS_LABELS: Record<MeetingStatus, string> = {
  proposed: "Proposed",
  confirmed: "Confirmed",
  done: "Done",
  cancelled: "Cancelled",
};

/** "Clashes with Plenary and Coffee with Ben" */
export function clashLine(item: DayItem): string {
  return item.clashes_with.length > 0 ? `Clashes with ${joinWords(item.clashes_with)}` : "";
}

/** What a meeting item's id is, or null for a session. */
export function meetingIdOf(item: DayItem): number | null {
  return item.item.type === "meeting" ? item.item.id : null;
}

export function sessionIdOf(item: DayItem): number | null {
  return item.item.type === "session" ? item.item.id : null;
}

/** A key unique across sessions and meetings, for keyed lists. */
export function itemKey(item: DayItem): string {
  return `${item.item.type}-${item.item.id}`;
}

/**
 * The toast after logging a meeting: "Logged: met Ana Sánchez — target now met". `wasOpen` says
 * whether they were still to meet before, so an old target already met is not announced again.
 */
export function metToast(result: MetResult, wasOpen: boolean): string {
  const moved = result.target !== null && result.target.status === "met" && wasOpen;
  return `Logged: met ${result.display_name}${moved ? " — target now met" : ""}`;
}

export type ProgressLine = { key: string; label: string; value: string; of: number | null; done: number };

/** The day's numbers; `of` is set where a bar makes sense (x of y). */
export function progressLines(p: DayProgress): ProgressLine[] {
  return [
    { key: "meetings", label: "Meetings done", value: `${p.meetings_done_today}/${p.meetings_today}`, of: p.meetings_today, done: p.meetings_done_today },
    { key: "sessions", label: "Sessions today", value: String(p.sessions_today), of: null, done: p.sessions_today },
    { key: "people", label: "People met today", value: String(p.people_met_today), of: null, done: p.people_met_today },
    { key: "targets", label: "Targets met", value: `${p.targets_met}/${p.targets_total}`, of: p.targets_total, done: p.targets_met },
  ];
}

/** "3 snoozed" */
export function snoozedText(n: number): string {
  return `${n} snoozed`;
}
