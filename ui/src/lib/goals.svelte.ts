// Why: the goals of the congress being planned and their starter set, shared by the Goals screen
// and its dialogs. Every call to the goal commands lives here. Progress is counted by the core
// from meetings, targets, sessions and follow-ups, so the screen reloads the list when it opens;
// a change to one goal replaces it in place (its progress comes back with it).
import { commands, type CongressId, type Goal, type GoalDraft, type StarterGoal } from "./bindings";
import { settle, type CommandError, type Result } from "./api";
import { floating } from "./venue-time";

class GoalsStore {
  congressId = $state<CongressId | null>(null);
  list = $state.raw<Goal[]>([]);
  loaded = $state(false);
  error = $state<CommandError | null>(null);
  /** The starter set worded for this congress's series; null until asked for. */
  starters = $state.raw<StarterGoal[] | null>(null);
  startersError = $state<CommandError | null>(null);
  #generation = 0;

  /** Loads (or reloads) the goals of `congressId`, with their progress as of now. */
  async load(congressId: CongressId): Promise<Result<Goal[], CommandError>> {
    const generation = ++this.#generation;
    if (this.congressId !== congressId) {
      this.congressId = congressId;
      this.list = [];
      this.loaded = false;
      this.starters = null;
      this.startersError = null;
    }
    const res = await settle(() => commands.listGoals(congressId));
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
    this.starters = null;
    this.startersError = null;
  }

  async loadStarters(): Promise<void> {
    const id = this.congressId;
    if (id === null) return;
    const res = await settle(() => commands.starterGoals(id));
    if (this.congressId !== id) return;
    this.starters = res.status === "ok" ? res.data : null;
    this.startersError = res.status === "error" ? res.error : null;
  }

  /** Adds the chosen starters (the core skips titles already there); answers how many were added. */
  async adopt(keys: string[]): Promise<Result<number, CommandError>> {
    const id = this.congressId;
    if (id === null) return noCongress();
    const before = this.list.length;
    const res = await settle(() => commands.adoptStarterGoals(id, keys));
    if (res.status === "error") return res;
    this.#generation++; // an older load must not overwrite the new list
    this.list = res.data;
    this.loaded = true;
    return { status: "ok", data: res.data.length - before };
  }

  async create(draft: GoalDraft): Promise<Result<Goal, CommandError>> {
    return this.#put(await settle(() => commands.createGoal(draft)));
  }

  async update(id: Goal["id"], draft: GoalDraft): Promise<Result<Goal, CommandError>> {
    return this.#put(await settle(() => commands.updateGoal(id, draft)));
  }

  /** A manual goal's count: 1 ticks a checkmark, 0 clears it. */
  async setCount(goal: Goal, count: number): Promise<Result<Goal, CommandError>> {
    return this.#put(await settle(() => commands.setGoalCount(goal.id, Math.max(0, Math.round(count)))));
  }

  async remove(goal: Goal): Promise<Result<null, CommandError>> {
    const res = await settle(() => commands.deleteGoal(goal.id));
    if (res.status === "ok") this.list = this.list.filter((g) => g.id !== goal.id);
    else if (res.error.kind === "not_found") await this.#reload();
    return res;
  }

  /** Undo of a delete: the goal again (at the end of the list), with a manual count restored. */
  async restore(goal: Goal): Promise<Result<Goal, CommandError>> {
    const res = await this.create({
      congress_id: goal.congress_id,
      title: goal.title,
      rule: goal.rule,
      params: goal.params,
      target: goal.target,
      due_local: goal.due_at ? floating(goal.due_at) : null,
    });
    if (res.status === "ok" && goal.rule === "manual" && goal.progress > 0) return this.setCount(res.data, goal.progress);
    return res;
  }

  async #put(res: Result<Goal, CommandError>): Promise<Result<Goal, CommandError>> {
    if (res.status === "ok") {
      const g = res.data;
      if (g.congress_id === this.congressId) {
        const i = this.list.findIndex((x) => x.id === g.id);
        this.list = i >= 0 ? this.list.map((x) => (x.id === g.id ? g : x)) : [...this.list, g];
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

function noCongress<T>(): Result<T, CommandError> {
  return { status: "error", error: { kind: "not_found", message: "no congress is chosen" } };
}

export const goals = new GoalsStore();
