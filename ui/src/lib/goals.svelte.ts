// Why: the goals of the congress being planned and their starter set, shared by the Goals screen
// and its dialogs. Every call to the goal commands lives here. Progress is counted by the core
// from meetings, targets, sessions and follow-ups, so the screen reloads the list when it opens;
// a change to one goal replaces it in place (its progress comes back with it).
import { commands, type CongressId, type Goal, type GoalDraft, type StarterGoal } from "./bindings";
import { settle, type CommandError, type Result } from "./api";
import { CongressList, noCongress } from "./congress-list.svelte";
import { floating } from "./venue-time";

class GoalsStore extends CongressList<Goal> {
  /** The starter set worded for this congress's series; null until asked for. */
  starters = $state.raw<StarterGoal[] | null>(null);
  startersError = $state<CommandError | null>(null);

  /** The goals of `congressId`, with their progress as of now. */
  protected fetch(congressId: CongressId): Promise<Result<Goal[], CommandError>> {
    return commands.listGoals(congressId);
  }

  protected override forget(): void {
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
    this.replaceAll(res.data);
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
    return this.removed(await settle(() => commands.deleteGoal(goal.id)), goal.id);
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

  #put(res: Result<Goal, CommandError>): Promise<Result<Goal, CommandError>> {
    return this.put(res, (g) => g.congress_id === this.congressId);
  }
}

export const goals = new GoalsStore();
