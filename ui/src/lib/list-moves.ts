// Why: the long lists (People, the program) are virtual (virtua): only the rows in view exist, so
// moving focus by keyboard means scrolling the row in first and focusing it once it has mounted.
// Both lists move the same way (Arrow keys a row, Page Up/Down eight, Home/End the ends), and
// that is written once here; what a row is and what Enter does stays with each list.
import { tick } from "svelte";
import type { VListHandle } from "virtua/svelte";

/** Rows that Page Up/Down move. */
const PAGE = 8;
const STEPS: Record<string, number> = { ArrowDown: 1, ArrowUp: -1, PageDown: PAGE, PageUp: -PAGE };

/**
 * The row a key moves to from row `index` (not yet clamped to the list), or null when the key is
 * not a move. Home and End count only `onRow` (on the row itself, not a button inside it).
 */
export function rowMove(key: string, index: number, count: number, onRow: boolean): number | null {
  if (key in STEPS) return index + (STEPS[key] ?? 0);
  if (key === "Home" && onRow) return 0;
  if (key === "End" && onRow) return count - 1;
  return null;
}

/**
 * Scrolls row `index` into view and focuses it. The row may not exist yet, or be hidden until the
 * list has measured it, so focusing is retried for a few frames while `current()` says this move
 * is still the latest.
 */
export async function scrollToRow(
  list: VListHandle | undefined,
  index: number,
  row: () => HTMLElement | null,
  current: () => boolean,
): Promise<void> {
  list?.scrollToIndex(index, { align: "nearest" });
  for (let attempt = 0; attempt < 30 && current(); attempt++) {
    await tick();
    if (!current()) return;
    const el = row();
    el?.focus({ preventScroll: true });
    if (el && document.activeElement === el) return;
    await new Promise((r) => requestAnimationFrame(r));
  }
}
