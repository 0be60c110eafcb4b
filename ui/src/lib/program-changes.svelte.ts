// Why: what changed of the user's plan since the imports not yet looked at, shared by the Program's
// notice and dialog and by the rows that carry a "Changed" mark (the list and My agenda) until seen.
import { commands, type ChangeKind, type CongressId, type ProgramChange, type SessionId } from "./bindings";
import { settle } from "./api";

class ProgramChanges {
  list = $state.raw<ProgramChange[]>([]);
  /** The sessions with a change not yet seen. */
  changed = $derived(new Set<SessionId>(this.list.map((c) => c.session_id)));
  #congress: CongressId | null = null;

  async load(congress: CongressId): Promise<void> {
    this.#congress = congress;
    const res = await settle(() => commands.programChanges(congress));
    if (this.#congress === congress) this.list = res.status === "ok" ? res.data : [];
  }

  async seen(congress: CongressId): Promise<boolean> {
    const res = await settle(() => commands.acknowledgeProgramChanges(congress));
    if (res.status === "ok" && this.#congress === congress) this.list = [];
    return res.status === "ok";
  }
}

export const programChanges = new ProgramChanges();

/** What changed, in a word or two, for the dialog's badges and Today's lines. */
export const CHANGE_WORDS: Record<ChangeKind, string> = {
  moved: "Moved",
  room: "Another room",
  retitled: "New title",
  withdrawn: "Withdrawn",
  new_target_talk: "New talk by a target",
  meeting_clash: "Now clashes with a meeting",
};

/** One line for a change: "Another room: was Hall A, now Hall B". */
export function changeLine(c: ProgramChange): string {
  const parts = [c.before !== null ? `was ${c.before}` : null, c.after !== null ? `now ${c.after}` : null].filter(Boolean);
  return parts.length > 0 ? `${CHANGE_WORDS[c.kind]}: ${parts.join(", ")}` : CHANGE_WORDS[c.kind];
}

/** The unseen changes of one session, as lines (none for a meeting or an unchanged session). */
export function changeLinesOf(list: readonly ProgramChange[], id: SessionId | null): string[] {
  return id === null ? [] : list.filter((c) => c.session_id === id).map(changeLine);
}
