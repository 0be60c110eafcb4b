// Why: the check-ins Keep in touch lists (due, overdue, losing touch, and those coming up in the
// next two weeks), and snoozing one. One store, so a contact logged anywhere on the screen reloads
// the same list. The message to start from is the person's (personRelations.draftCheckIn).
import { commands, type CheckIn, type PersonId } from "./bindings";
import { settle, type CommandError, type Result } from "./api";
import { WholeList } from "./congress-list.svelte";

/** How far ahead "coming up" looks. */
export const CHECK_IN_DAYS_AHEAD = 14;

class CheckInsStore extends WholeList<CheckIn> {
  protected fetch(): Promise<Result<CheckIn[], CommandError>> {
    return commands.listCheckIns(CHECK_IN_DAYS_AHEAD);
  }

  /** Moves the check-in to `until` ("YYYY-MM-DD", after today), or wakes it (null); the list reloads, as its order changes. */
  async snooze(personId: PersonId, until: string | null): Promise<Result<CheckIn | null, CommandError>> {
    const res = await settle(() => commands.snoozeCheckIn(personId, until));
    if (res.status === "ok" || res.error.kind === "not_found") await this.load();
    return res;
  }
}

export const checkIns = new CheckInsStore();
