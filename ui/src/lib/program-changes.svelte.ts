// Why: what changed of the user's plan since the imports not yet looked at, shared by the Program's
// notice and dialog and by the rows that carry a "Changed" mark (the list and My agenda) until seen.
import { commands, type CongressId, type ProgramChange, type SessionId } from "./bindings";
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
