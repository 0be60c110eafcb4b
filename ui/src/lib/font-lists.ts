// Why: the first paint pays for every family a font list names ahead of the one the webview
// draws with. WebKitGTK asks fontconfig for each family in turn, once for every size and weight on
// screen, and WebKitGTK 2.50 here resolves neither `system-ui` nor `ui-monospace`: every text
// style of the first screen paid a failed lookup before Arial, about 30 ms of the cold start
// (docs/performance.md). main.ts measures once, before anything is drawn, whether those two
// families resolve, and marks the root element for each that does not; app.css then uses its list
// without that family. The font drawn is the one the full list gives (the webview skipped that
// family anyway). Where the family resolves (SF in WKWebView, Segoe UI in WebView2, a desktop font
// WebKitGTK maps) nothing changes.
// Where `system-ui` is skipped the text is drawn with Arial, which on most Linux desktops is an
// alias: fontconfig's rules pick a metric twin (Liberation Sans, Arimo, Nimbus Sans), and WebKitGTK
// runs those rules for every text style too (about 20 ms more). The app asks fontconfig which twin
// it is before the page starts (src-tauri/src/fonts.rs), and the list then names it first.

/** The families app.css puts first in a list, each with the class that leaves it out. */
const SYSTEM_FAMILIES = [
  { family: "system-ui", unresolved: "no-system-ui" },
  { family: "ui-monospace", unresolved: "no-ui-monospace" },
] as const;

/** The family the app found fontconfig draws for "Arial", when that is another family. */
declare global {
  var __HALLWAY_ARIAL__: string | null | undefined;
}

/** A family name the list may carry unquoted inside quotes: letters, digits, spaces, - and _. */
const PLAIN_FAMILY = /^[\p{L}\p{N} _-]{1,100}$/u;

/** Letters of different widths, so two fonts rarely measure the same. */
const SAMPLE = "Hamburgefonstiv WM il 0123456789";

/**
 * Whether the webview draws `family` with a font of its own. A family it cannot resolve is skipped,
 * so "family, fallback" then measures exactly as the fallback alone. Two fallbacks of different
 * widths tell apart a font that happens to measure like one of them.
 */
export function resolves(context: CanvasRenderingContext2D, family: string): boolean {
  const width = (font: string) => {
    context.font = `40px ${font}`;
    return context.measureText(SAMPLE).width;
  };
  return ["monospace", "serif"].some((fallback) => width(`${family}, ${fallback}`) !== width(fallback));
}

/**
 * The font list for text when `system-ui` is skipped and the app named Arial's twin: the same font
 * app.css's `Arial, sans-serif` draws, named first, Arial still after it. `null` for no twin or
 * for anything that is not a plain family name.
 */
export function twinList(twin: unknown): string | null {
  return typeof twin === "string" && PLAIN_FAMILY.test(twin) ? `"${twin}", Arial, sans-serif` : null;
}

/**
 * Adds to `root` the class of each system family the webview cannot resolve, and answers those
 * families. A page with no canvas to measure with (the UI tests' jsdom) is left as it is.
 */
export function markUnresolvedFamilies(root: HTMLElement): string[] {
  const context = root.ownerDocument.createElement("canvas").getContext("2d");
  if (!context) return [];
  const unresolved = SYSTEM_FAMILIES.filter(({ family }) => !resolves(context, family));
  for (const { unresolved: name } of unresolved) root.classList.add(name);
  const list = root.classList.contains("no-system-ui") ? twinList(globalThis.__HALLWAY_ARIAL__) : null;
  if (list) root.style.setProperty("--font", list);
  return unresolved.map(({ family }) => family);
}
