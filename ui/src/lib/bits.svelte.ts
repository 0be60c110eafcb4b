// Why: the first screen draws Bits parts only when the user reaches for one (approach.svelte.ts)
// or a dialog opens, so Bits' code need not be fetched, parsed and run before the first paint
// (docs/performance.md, "Bits out of the start chunk"). It is loaded the first time a part is
// needed; `bits.parts` is null until then, and a component draws its stand-in meanwhile. Loading
// a local chunk takes milliseconds; once loaded it stays.
import type * as Parts from "./bits-parts";

export type BitsParts = typeof Parts;

let parts = $state.raw<BitsParts | null>(null);
let failure = $state<string | null>(null);
let loading: Promise<BitsParts> | null = null;

export const bits = {
  /** The parts once loaded, else null. Reactive. */
  get parts(): BitsParts | null {
    return parts;
  },
  /** Why they could not be loaded, if that happened (a broken install). Reactive. */
  get failure(): string | null {
    return failure;
  },
};

/** Loads the parts (once; later calls share the first load). */
export function loadBits(): Promise<BitsParts> {
  loading ??= import("./bits-parts").then(
    // A plain object, not the module's namespace (which a test's stand-in module cannot be).
    (module) => (parts = { ...module }),
    (err: unknown) => {
      // Another try on the next need: a later attempt may succeed.
      loading = null;
      failure = err instanceof Error ? err.message : String(err);
      throw err;
    },
  );
  return loading;
}

/** For tests: back to before the first load, so the load itself can be driven. */
export function forgetBits(): void {
  parts = null;
  failure = null;
  loading = null;
}
