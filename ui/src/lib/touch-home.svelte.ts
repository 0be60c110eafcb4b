// Why: what the between-congresses home adds to the check-ins: the user's own day (snooze dates
// and logged contacts count from it), a congress running now, the follow-ups owed everywhere and
// the next congress with its targets not contacted yet. One call (get_home), reloaded with the rest.
import { commands, type Home } from "./bindings";
import { settle, type CommandError, type Result } from "./api";
import { Generation } from "./congress-list.svelte";

class TouchHomeStore {
  value = $state.raw<Home | null>(null);
  error = $state<CommandError | null>(null);
  #generation = new Generation();

  async load(): Promise<Result<Home, CommandError>> {
    const current = this.#generation.next();
    const res = await settle(() => commands.getHome());
    if (!current()) return res;
    if (res.status === "ok") this.value = res.data;
    this.error = res.status === "error" ? res.error : null;
    return res;
  }

  reset(): void {
    this.#generation.bump();
    this.value = null;
    this.error = null;
  }
}

export const touchHome = new TouchHomeStore();
