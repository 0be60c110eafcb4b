// Why: the meetings of the congress being planned, shared by the Meetings list, its day view and
// the editor. Every call to the meeting commands lives here. A change to one meeting can change
// the clashes of others and move targets along, so every change reloads the list and the targets
// (and the program's clash marks, when the program is loaded).
import {
  commands,
  type CongressId,
  type Meeting,
  type MeetingClash,
  type MeetingDraft,
  type MeetingId,
  type MeetingStatus,
  type MovedTarget,
  type PersonId,
  type Slot,
  type StatusChange,
} from "./bindings";
import { settle, type CommandError, type Result } from "./api";
import { CongressList } from "./congress-list.svelte";
import { program } from "./program.svelte";
import { route } from "./route.svelte";
import { targets } from "./targets.svelte";

/** Someone to book a meeting with, as a target card or a person page hands them over. */
export type BookingPerson = { id: PersonId; display_name: string };

class MeetingsStore extends CongressList<Meeting> {
  byId = $derived(new Map(this.list.map((m) => [m.id, m])));
  /** A "Book meeting" elsewhere: the Meetings screen opens the editor for them and clears it. */
  pendingBooking = $state<BookingPerson | null>(null);
  /** A meeting to open in the editor ("new": an empty one), asked for from the command palette. */
  pendingOpen = $state<MeetingId | "new" | null>(null);

  protected fetch(congressId: CongressId): Promise<Result<Meeting[], CommandError>> {
    return commands.listMeetings(congressId);
  }

  override reset(): void {
    super.reset();
    this.pendingBooking = null;
  }

  /** Books a meeting; its people's targets move to scheduled. */
  async create(draft: MeetingDraft): Promise<Result<StatusChange, CommandError>> {
    return this.#changed(await settle(() => commands.createMeeting(draft)));
  }

  async update(id: MeetingId, draft: MeetingDraft): Promise<Result<StatusChange, CommandError>> {
    return this.#changed(await settle(() => commands.updateMeeting(id, draft)));
  }

  /** Done moves targets to met; cancelled frees a scheduled target. */
  async setStatus(meeting: Meeting, status: MeetingStatus): Promise<Result<StatusChange, CommandError>> {
    return this.#changed(await settle(() => commands.setMeetingStatus(meeting.id, status)));
  }

  async remove(meeting: Meeting): Promise<Result<MovedTarget[], CommandError>> {
    return this.#changed(await settle(() => commands.deleteMeeting(meeting.id)));
  }

  /** What a meeting at this venue time would overlap; `except` is the meeting being moved. */
  clashesAt(startsLocal: string, minutes: number, except: MeetingId | null): Promise<Result<MeetingClash[], CommandError>> {
    const id = this.congressId;
    if (id === null) return Promise.resolve({ status: "ok", data: [] });
    return settle(() => commands.meetingClashes(id, except, startsLocal, minutes));
  }

  /** Free slots with `personId` (anyone when null), breaks first. */
  freeSlots(personId: PersonId | null, minutes: number, except: MeetingId | null): Promise<Result<Slot[], CommandError>> {
    const id = this.congressId;
    if (id === null) return Promise.resolve({ status: "ok", data: [] });
    return settle(() => commands.freeSlots({ congress_id: id, person_id: personId, minutes, except_meeting: except }));
  }

  async #changed<T>(res: Result<T, CommandError>): Promise<Result<T, CommandError>> {
    const id = this.congressId;
    if (id === null) return res;
    if (res.status === "ok" || res.error.kind === "not_found") {
      const reloads: Promise<unknown>[] = [this.load(id)];
      if (res.status === "ok") {
        reloads.push(targets.load(id));
        if (program.congressId === id) reloads.push(program.refreshClashes());
      }
      await Promise.all(reloads);
    }
    return res;
  }
}

export const meetings = new MeetingsStore();

/** "Book meeting" on a target: go to Meetings with the editor open for this person. */
export function bookMeeting(person: BookingPerson): void {
  meetings.pendingBooking = { id: person.id, display_name: person.display_name };
  route.go("meetings");
}
