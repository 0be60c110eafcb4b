// Why: the Today view's data for the congress being planned, and every call Today makes: reading
// the day, "met someone", snoozing a target (and waking them all), marking a meeting done. Each
// change reloads the day, because one tap can move several parts at once (a target leaves the
// list, progress counts up, the next item changes).
import {
  commands,
  type CongressId,
  type MeetingId,
  type MetResult,
  type MetSomeone,
  type StatusChange,
  type Target,
  type Today,
} from "./bindings";
import { settle, type CommandError, type Result } from "./api";
import { markStartup } from "./first-paint";

class TodayStore {
  congressId = $state<CongressId | null>(null);
  value = $state.raw<Today | null>(null);
  error = $state<CommandError | null>(null);
  #generation = 0;

  /** Loads (or refreshes) the day; an answer overtaken by a newer request is dropped. */
  async load(congressId: CongressId): Promise<Result<Today, CommandError>> {
    const generation = ++this.#generation;
    if (this.congressId !== congressId) {
      this.congressId = congressId;
      this.value = null;
    }
    const res = await settle(() => commands.today(congressId));
    if (generation !== this.#generation) return res;
    if (res.status === "ok") {
      markStartup("data-loaded");
      this.value = res.data;
    }
    this.error = res.status === "error" ? res.error : null;
    return res;
  }

  reset(): void {
    this.#generation++;
    this.congressId = null;
    this.value = null;
    this.error = null;
  }

  async met(met: MetSomeone): Promise<Result<MetResult, CommandError>> {
    return this.#thenReload(await settle(() => commands.metSomeone(met)));
  }

  /** `until` is an RFC 3339 instant; null wakes the target now. */
  async snooze(target: Target, until: string | null): Promise<Result<Target, CommandError>> {
    return this.#thenReload(await settle(() => commands.snoozeTarget(target.id, until)));
  }

  /** Wakes every snoozed target of the congress; answers how many. */
  async wakeAll(congressId: CongressId, nowMs: number): Promise<Result<number, CommandError>> {
    const list = await settle(() => commands.listTargets(congressId));
    if (list.status === "error") return list;
    const open = new Set(["idea", "contacted", "scheduled"]);
    const sleeping = list.data.filter((t) => open.has(t.status) && t.snoozed_until !== null && Date.parse(t.snoozed_until) > nowMs);
    let woken = 0;
    let failure: CommandError | null = null;
    for (const t of sleeping) {
      const res = await settle(() => commands.snoozeTarget(t.id, null));
      if (res.status === "ok") woken++;
      else failure ??= res.error;
    }
    await this.#reload();
    return failure ? { status: "error", error: failure } : { status: "ok", data: woken };
  }

  async markDone(id: MeetingId): Promise<Result<StatusChange, CommandError>> {
    return this.#thenReload(await settle(() => commands.setMeetingStatus(id, "done")));
  }

  async #thenReload<T>(res: Result<T, CommandError>): Promise<Result<T, CommandError>> {
    if (res.status === "ok" || res.error.kind === "not_found") await this.#reload();
    return res;
  }

  async #reload(): Promise<void> {
    if (this.congressId !== null) await this.load(this.congressId);
  }
}

export const today = new TodayStore();
