// Why: the cold-start benchmark (`make bench`) measures from process start to the first frame that
// shows data from the database, and splits that time into phases so a slow start says where it
// went. markStartup() sets a named performance mark once (script running, shell loaded, first
// screen's data arrived); the first screen to have its data on screen calls markDataPainted(),
// which marks "hallway-data-rendered" at once and "hallway-data-painted" two animation frames
// later (after the frame with the data has been painted).
const marked = new Set<string>();

export type StartupPhase = "script" | "shell-loaded" | "data-loaded";

export function markStartup(phase: StartupPhase | "data-rendered" | "data-painted"): void {
  const name = `hallway-${phase}`;
  if (marked.has(name) || typeof performance === "undefined" || typeof performance.mark !== "function") return;
  marked.add(name);
  performance.mark(name);
}

export function markDataPainted(): void {
  if (marked.has("hallway-data-rendered") || typeof requestAnimationFrame === "undefined") return;
  markStartup("data-rendered");
  requestAnimationFrame(() =>
    requestAnimationFrame(() => {
      markStartup("data-painted");
      painted();
    }),
  );
}

let painted: () => void = () => {};
const paintedOnce = new Promise<void>((resolve) => (painted = resolve));

/**
 * Resolves once the first screen's data are painted, or after `fallbackMs` on a screen that marks
 * no first paint: for work the first screen does not show (the sync status's first read), which
 * would otherwise share the page's busiest moment with it.
 */
export function afterDataPainted(fallbackMs = 1000): Promise<void> {
  return Promise.race([paintedOnce, new Promise<void>((resolve) => setTimeout(resolve, fallbackMs))]);
}
