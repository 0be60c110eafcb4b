// Why: the background sync's state, shared by the shell's status and Settings: read when a view
// that shows it opens, then kept current by the backend's SyncActivityChanged event (no polling).
import { commands, events, type SyncActivity } from "./bindings";

class SyncActivityStore {
  value = $state<SyncActivity | null>(null);
  #listening: Promise<unknown> | null = null;

  /** Listens (once) and reads the state now. */
  async start(): Promise<void> {
    try {
      this.#listening ??= events.syncActivityChanged.listen((e) => (this.value = e.payload));
      await this.#listening;
      this.value = await commands.syncActivity();
    } catch {
      // No backend events (UI tests without one): the status stays hidden.
      this.#listening = null;
    }
  }
}

export const syncActivity = new SyncActivityStore();
