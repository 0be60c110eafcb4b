// Why: "remind me 10 minutes before" on a meeting. The backend stores only the moment
// (setMeetingReminder) and a Meeting does not carry it back, so the minutes-before choice is kept
// here, per meeting uid, in this webview's local storage: the editor shows the last choice, and a
// meeting moved to another time gets its reminder moved with it on save. Nothing leaves the device.
import { commands, type Meeting } from "./bindings";
import { describeError, settle } from "./api";
import { meetingReminderAt } from "./follow-up-words";

const KEY = "hallway.meeting-reminders";

function readStored(): Record<string, number> {
  try {
    const parsed: unknown = JSON.parse(globalThis.localStorage?.getItem(KEY) ?? "{}");
    if (!parsed || typeof parsed !== "object") return {};
    return Object.fromEntries(Object.entries(parsed).filter((e): e is [string, number] => typeof e[1] === "number"));
  } catch {
    return {}; // unreadable or unavailable storage: every meeting starts at "none"
  }
}

class MeetingReminders {
  /** Minutes before, by meeting uid; absent means none (or not set from this computer). */
  #choices = $state<Record<string, number>>(readStored());

  /** The minutes-before last chosen for `meeting`, or null for none. */
  choiceFor(meeting: Meeting | null): number | null {
    return meeting ? (this.#choices[meeting.uid] ?? null) : null;
  }

  /**
   * After a save: sets the reminder `minutes` before the (possibly moved) start, or clears one
   * chosen before. "None" on a meeting with no known choice leaves the backend alone. Returns a
   * sentence when the backend refused, else "".
   */
  async apply(meeting: Meeting, minutes: number | null): Promise<string> {
    const before = this.choiceFor(meeting);
    if (minutes === null && before === null) return "";
    const at = minutes === null ? null : meetingReminderAt(meeting.starts_at, minutes);
    const res = await settle(() => commands.setMeetingReminder(meeting.id, at));
    if (res.status === "error") return `“${meeting.title}” is saved, but its reminder could not be set: ${describeError(res.error)}`;
    const { [meeting.uid]: _old, ...rest } = this.#choices;
    this.#choices = minutes === null ? rest : { ...rest, [meeting.uid]: minutes };
    try {
      globalThis.localStorage?.setItem(KEY, JSON.stringify(this.#choices));
    } catch {
      // full or unavailable storage: the reminder is set; only the form forgets the choice
    }
    return "";
  }

  /** Forgets every choice (tests). */
  clear(): void {
    this.#choices = {};
    try {
      globalThis.localStorage?.removeItem(KEY);
    } catch {
      // nothing stored
    }
  }
}

export const meetingReminders = new MeetingReminders();
