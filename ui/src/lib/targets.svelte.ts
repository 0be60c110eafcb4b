// Why: the targets of the congress being planned, shared by the board, the badges in the people
// list and the person page. Every call to the target commands lives here. Changes replace one
// target in place; the board sorts for itself, so no reload is needed after a move.
import { commands, type CongressId, type PersonId, type Target, type TargetDraft, type TargetStatus } from "./bindings";
import { settle, type CommandError, type Result } from "./api";

class TargetsStore {
  congressId = $state<CongressId | null>(null);
  list = $state.raw<Target[]>([]);
  loaded = $state(false);
  error = $state<CommandError | null>(null);
  byPerson = $derived(new Map(this.list.map((t) => [t.person_id, t])));
  #generation = 0;

  /** Loads (or reloads) the targets of `congressId`. */
  async load(congressId: CongressId): Promise<Result<Target[], CommandError>> {
    const generation = ++this.#generation;
    if (this.congressId !== congressId) {
      this.congressId = congressId;
      this.list = [];
      this.loaded = false;
    }
    const res = await settle(() => commands.listTargets(congressId));
    if (generation !== this.#generation) return res;
    if (res.status === "ok") {
      this.list = res.data;
      this.loaded = true;
    }
    this.error = res.status === "error" ? res.error : null;
    return res;
  }

  reset(): void {
    this.#generation++;
    this.congressId = null;
    this.list = [];
    this.loaded = false;
    this.error = null;
  }

  /** Makes `personId` a target of the current congress, or changes how they are one. */
  async set(personId: PersonId, draft: TargetDraft): Promise<Result<Target, CommandError>> {
    const congressId = this.congressId;
    if (congressId === null) return { status: "error", error: { kind: "not_found", message: "no congress is chosen" } };
    return this.#saved(await settle(() => commands.setTarget(congressId, personId, draft)));
  }

  async setStatus(target: Target, status: TargetStatus): Promise<Result<Target, CommandError>> {
    return this.#saved(await settle(() => commands.setTargetStatus(target.id, status)));
  }

  async remove(target: Target): Promise<Result<null, CommandError>> {
    const res = await settle(() => commands.removeTarget(target.id));
    if (res.status === "ok") this.list = this.list.filter((t) => t.id !== target.id);
    else if (res.error.kind === "not_found") await this.#reload();
    return res;
  }

  async #saved(res: Result<Target, CommandError>): Promise<Result<Target, CommandError>> {
    if (res.status === "ok") {
      const t = res.data;
      if (t.congress_id === this.congressId) {
        // One target per person and congress: a set on someone already there replaces them.
        const i = this.list.findIndex((x) => x.id === t.id || x.person_id === t.person_id);
        this.list = i >= 0 ? this.list.map((x, j) => (j === i ? t : x)) : [...this.list, t];
      }
    } else if (res.error.kind === "not_found") {
      await this.#reload();
    }
    return res;
  }

  async #reload(): Promise<void> {
    if (this.congressId !== null) await this.load(this.congressId);
  }
}

export const targets = new TargetsStore();
