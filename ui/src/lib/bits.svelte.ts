// Why: the first screen draws Bits parts only when the user reaches for one (approach.svelte.ts)
// or a dialog opens, so Bits' code need not be fetched, parsed and run before the first paint
// (docs/performance.md, "Bits out of the start chunk"). It is loaded once the first screen is
// painted (loading it when first needed made the first dialog 60 ms slower to show), or sooner if
// a part is needed before; `bits.parts` is null until then, and a component draws its stand-in
// meanwhile. Once loaded it stays.
import { afterDataPainted } from "./first-paint";
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
      // Another try on the next need. It will most likely fail the same way: the HTML standard's
      // module map keeps a failed fetch for the same file. The dialog that asked then says so again.
      loading = null;
      failure = err instanceof Error ? err.message : String(err);
      throw err;
    },
  );
  return loading;
}

/** Loads the parts once the first screen's data are painted (main.ts). */
export function loadBitsAfterFirstPaint(): void {
  void afterDataPainted()
    .then(loadBits)
    .catch(() => {});
}

/** For tests: back to before the first load, so the load itself can be driven. */
export function forgetBits(): void {
  parts = null;
  failure = null;
  loading = null;
}
