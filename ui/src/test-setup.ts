// Why: jsdom lacks the modal <dialog> API every Hallway dialog uses, and the ResizeObserver,
// scrollBy and scrollTo the virtual list measures and corrects itself with, and the pointer capture
// Bits' select releases; this fills them in just enough for component tests, and resets the fake Tauri backend between tests.
import { afterEach } from "vitest";
import { clearMocks } from "@tauri-apps/api/mocks";
import { loadBits } from "./lib/bits.svelte";

const dialog = HTMLDialogElement.prototype as HTMLDialogElement & Record<string, unknown>;
if (typeof dialog.showModal !== "function") {
  dialog.showModal = function (this: HTMLDialogElement) {
    this.open = true;
    const first = this.querySelector<HTMLElement>("input, select, textarea, button, [href], [tabindex]");
    first?.focus();
  };
  dialog.close = function (this: HTMLDialogElement) {
    if (!this.open) return;
    this.open = false;
    this.dispatchEvent(new Event("close"));
  };
}

/**
 * A scrolling box reports a tall window and anything else a 60 px row, so a virtual list renders
 * (and shows) its first rows. jsdom does no layout, so offsetParent, which tells the list a row
 * is displayed, is answered from the tree.
 */
class FakeResizeObserver {
  #callback: ResizeObserverCallback;
  constructor(callback: ResizeObserverCallback) {
    this.#callback = callback;
  }
  observe(target: Element): void {
    const scrolls = target instanceof HTMLElement && target.style.overflowY === "auto";
    const contentRect = { width: 1000, height: scrolls ? 2000 : 60 } as DOMRectReadOnly;
    queueMicrotask(() => this.#callback([{ target, contentRect } as ResizeObserverEntry], this));
  }
  unobserve(): void {}
  disconnect(): void {}
}
/** jsdom does no scrolling; a virtual list correcting its position only needs scrollTop to move. */
/** jsdom has no pointer capture; Bits' select releases the implicit one on a press. */
if (typeof Element.prototype.hasPointerCapture !== "function") {
  Element.prototype.hasPointerCapture = () => false;
  Element.prototype.releasePointerCapture = () => {};
}
if (typeof Element.prototype.scrollBy !== "function") {
  Element.prototype.scrollBy = function (this: Element, x?: ScrollToOptions | number, y?: number) {
    const top = typeof x === "object" ? (x.top ?? 0) : (y ?? 0);
    this.scrollTop += top;
  } as Element["scrollBy"];
}
if (typeof Element.prototype.scrollTo !== "function") {
  Element.prototype.scrollTo = function (this: Element, x?: ScrollToOptions | number, y?: number) {
    this.scrollTop = typeof x === "object" ? (x.top ?? this.scrollTop) : (y ?? 0);
  } as Element["scrollTo"];
}
if (typeof window.ResizeObserver !== "function") {
  window.ResizeObserver = FakeResizeObserver;
  Object.defineProperty(HTMLElement.prototype, "offsetParent", {
    get(this: HTMLElement) {
      return this.isConnected ? this.parentElement : null;
    },
  });
}

afterEach(() => {
  clearMocks();
});

// The app loads Bits' parts once its first screen is painted (lib/bits.svelte.ts); component tests
// start with them loaded, as the app is a moment after it starts, and bits.test.ts checks the
// loading itself.
await loadBits();
