// Why: the shell's first two calls (settings and congresses) are what every screen waits for at
// start. main.ts starts them before the shell is mounted, so their round trips to the backend
// overlap with building the shell's DOM instead of following it (cold start, docs/performance.md).
// The shell then takes that load once; later starts (the UI tests mount the shell many times) load
// afresh.
import { congresses } from "./congresses.svelte";
import { settings } from "./settings.svelte";

let early: Promise<unknown> | null = null;

const load = (): Promise<unknown> => Promise.all([settings.load(), congresses.load()]);

/** Starts loading the settings and congresses now (main.ts, before mounting). */
export function startShellLoad(): void {
  early = load();
}

/** The load main.ts started, once; otherwise a new one. */
export function shellLoad(): Promise<unknown> {
  const started = early ?? load();
  early = null;
  return started;
}
