// Why: the targets of the congress being planned, shared by the board, the badges in the people
// list and the person page. Every call to the target commands lives here. Changes replace one
// target in place; the board sorts for itself, so no reload is needed after a move.
import { commands, type CongressId, type PersonId, type Target, type TargetDraft, type TargetStatus } from "./bindings";
import { settle, type CommandError, type Result } from "./api";
import { CongressList, noCongress } from "./congress-list.svelte";

class TargetsStore extends CongressList<Target> {
  byPerson = $derived(new Map(this.list.map((t) => [t.person_id, t])));

  protected fetch(congressId: CongressId): Promise<Result<Target[], CommandError>> {
    return commands.listTargets(congressId);
  }

  /** Makes `personId` a target of the current congress, or changes how they are one. */
  async set(personId: PersonId, draft: TargetDraft): Promise<Result<Target, CommandError>> {
    const congressId = this.congressId;
    if (congressId === null) return noCongress();
    return this.#saved(await settle(() => commands.setTarget(congressId, personId, draft)));
  }

  async setStatus(target: Target, status: TargetStatus): Promise<Result<Target, CommandError>> {
    return this.#saved(await settle(() => commands.setTargetStatus(target.id, status)));
  }

  async remove(target: Target): Promise<Result<null, CommandError>> {
    return this.removed(await settle(() => commands.removeTarget(target.id)), target.id);
  }

  #saved(res: Result<Target, CommandError>): Promise<Result<Target, CommandError>> {
    // One target per person and congress: a set on someone already there replaces them.
    return this.put(
      res,
      (t) => t.congress_id === this.congressId,
      (x, t) => x.id === t.id || x.person_id === t.person_id,
    );
  }
}

export const targets = new TargetsStore();
