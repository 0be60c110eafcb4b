// Why: tiny hash router (#/today, #/congresses...). Hash routes work from a file:// or tauri://
// origin with no server rewrites, survive reloads, and make every screen addressable by tests.
import { isSectionId, type SectionId } from "./sections";

export const DEFAULT_SECTION: SectionId = "today";

/** "#/congresses" -> "congresses"; anything unknown -> the default section. */
export function parseHash(hash: string): SectionId {
  const name = hash.replace(/^#\/?/, "").split(/[/?]/)[0] ?? "";
  return isSectionId(name) ? name : DEFAULT_SECTION;
}

/**
 * The section the URL names, or null when it names none ("", "#/", "#/nonsense"): then the app
 * chooses where to open (see start-section.ts) instead of falling back to the default.
 */
export function explicitSection(hash: string): SectionId | null {
  const name = hash.replace(/^#\/?/, "").split(/[/?]/)[0] ?? "";
  return isSectionId(name) ? name : null;
}

export function hrefFor(section: SectionId): string {
  return `#/${section}`;
}

export class Router {
  current = $state<SectionId>(DEFAULT_SECTION);
  #win: Window;
  #onHashChange = () => {
    this.current = parseHash(this.#win.location.hash);
  };

  constructor(win: Window) {
    this.#win = win;
    this.current = parseHash(win.location.hash);
    win.addEventListener("hashchange", this.#onHashChange);
  }

  /** Shows a section and records it in the URL (and so in the back/forward history). */
  go(section: SectionId): void {
    this.current = section;
    const href = hrefFor(section);
    if (this.#win.location.hash !== href) this.#win.location.hash = href;
  }

  /** Like go, without a history entry: for redirects the user did not ask for. */
  replace(section: SectionId): void {
    this.current = section;
    this.#win.history.replaceState(this.#win.history.state, "", hrefFor(section));
  }

  destroy(): void {
    this.#win.removeEventListener("hashchange", this.#onHashChange);
  }
}

export const route = new Router(window);
