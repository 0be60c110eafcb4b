// Why: the app-wide settings (current congress, home time zone...), app info and the time zone
// list, loaded once and shared. Every call to the settings commands lives here.
import { commands, type AppInfo, type Settings } from "./bindings";
import { settle, type CommandError, type Result } from "./api";

class SettingsStore {
  value = $state<Settings | null>(null);
  info = $state<AppInfo | null>(null);
  timeZones = $state<string[]>([]);
  error = $state<CommandError | null>(null);
  #timeZonesRequested = false;

  get currentCongressId(): number | null {
    return this.value?.current_congress_id ?? null;
  }

  async load(): Promise<Result<Settings, CommandError>> {
    const res = await settle(() => commands.getSettings());
    if (res.status === "ok") this.value = res.data;
    this.error = res.status === "error" ? res.error : null;
    return res;
  }

  async loadInfo(): Promise<Result<AppInfo, CommandError>> {
    const res = await settle(() => commands.appInfo());
    if (res.status === "ok") this.info = res.data;
    return res;
  }

  /** Fetched on first need; the list does not change while the app runs. */
  async loadTimeZones(): Promise<void> {
    if (this.#timeZonesRequested) return;
    this.#timeZonesRequested = true;
    try {
      // Infallible on the Rust side, so the binding returns the list itself, not a Result.
      this.timeZones = await commands.timeZones();
    } catch {
      this.#timeZonesRequested = false; // no list: the field still takes typed names
    }
  }

  /** Saves a change on top of the latest settings and keeps what the backend stored. */
  async save(change: Partial<Settings>): Promise<Result<Settings, CommandError>> {
    if (!this.value) {
      const loaded = await this.load();
      if (loaded.status === "error") return loaded;
    }
    const next = { ...(this.value as Settings), ...change };
    const res = await settle(() => commands.updateSettings(next));
    if (res.status === "ok") this.value = res.data;
    return res;
  }
}

export const settings = new SettingsStore();
