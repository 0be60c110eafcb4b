// Why: every Bits UI part mounted at start is work before the first paint (the shell's congress
// switcher, palette tooltip and "More" popover, and a snooze menu on each row of Today: about 40 ms
// of Today's first paint with eight targets on a 2-core machine; see docs/performance.md), yet none
// of them does anything until the user reaches for its button. So such a part is drawn first as
// the plain button it wraps, with the same name, role and state attributes, and becomes the Bits
// part when a mouse or pen enters that button, a press lands on it, the focus lands on it, or a
// screen reader clicks it. The event that woke it is handed to the part's button, so that first
// hover, press, focus or click does what it would have done had the part been there.
//
// Bits' code is loaded after the first paint (bits.svelte.ts), so a part woken before that is
// `ready` only once it is there, and loading starts at once if it had not. A press or key that
// reaches the stand-in meanwhile is handed over too, after the event that woke it.
import { createAttachmentKey } from "svelte/attachments";
import { on } from "svelte/events";
import { bits, loadBits } from "./bits.svelte";

/** The events that can mean the user is reaching for the button. */
export type Waking = "pointerenter" | "pointerdown" | "focus" | "click";

export class Approach {
  /** True once the user has reached for the button: render the Bits part from then on. */
  armed = $state(false);
  #woke: Event | null = null;
  /** Presses, keys and clicks on the stand-in after it woke the part and before the part was made. */
  #pending: Event[] = [];
  readonly #wakers: readonly Waking[];
  /** The part's button, once made. */
  #button: HTMLElement | null = null;
  /** A press began on the stand-in after it was replaced, and has not ended yet. */
  #splitPress = false;

  /** Spread into the stand-in button's props: wakes the part on the first approach. */
  readonly standIn = { [createAttachmentKey()]: (node: Element) => this.#watch(node) };
  /** Spread into the part's own button's props: hands it the event that woke it, once. */
  readonly part = { [createAttachmentKey()]: (node: Element) => this.#handOver(node) };

  /**
   * `wakers`: the events that wake this part. Leave out any the stand-in acts on itself (a
   * tooltip's button has its own click handler: handing its click over would run it twice).
   */
  constructor(wakers: readonly Waking[]) {
    this.#wakers = wakers;
  }

  /** Render the Bits part: the user has reached for it and Bits' code is there. */
  get ready(): boolean {
    return this.armed && bits.parts !== null;
  }

  #arm(event: Event): void {
    this.#woke = event;
    this.armed = true;
    if (!bits.parts) void loadBits().catch(() => {});
  }

  #watch(node: Element): () => void {
    // The focus a press gives its button is not a reaching for it of its own: that press's click
    // must land on the button it started on, which waking the part in between would replace.
    let pressed = false;
    const offs = [
      on(node, "pointerdown", () => {
        pressed = true;
        on(document, "pointerup", () => (pressed = false), { once: true });
      }),
      ...this.#wakers.map((type) =>
        on(node, type, (event: Event) => {
          if (this.armed || (type === "focus" && pressed) || isTouchEnter(event)) return;
          this.#arm(event);
        }),
      ),
      // Only for parts that open on a press: a tooltip's button acts on its own click.
      ...(this.#wakers.includes("pointerdown") || this.#wakers.includes("click")
        ? (["pointerdown", "pointerup", "keydown", "click"] as const).map((type) => on(node, type, (event: Event) => this.#hold(event)))
        : []),
    ];
    // WebKit sends a press to the element the pointer last moved over, even after it has left the
    // page, until its next hover update: a press right after the hover that woke the part (as a
    // WebDriver click, or a quick hand) lands on the stand-in that is gone. Such a press is passed
    // on to the part's button. Kept after the stand-in goes, which is when it is needed.
    for (const type of ["pointerdown", "mousedown", "pointerup", "click"]) node.addEventListener(type, (event) => this.#forward(node, event));
    return () => offs.forEach((off) => off());
  }

  /**
   * Keeps what reached the stand-in while Bits' code was loading, to be handed over in order: the
   * part then gets the press, release and click it would have had (a menu opens on the press, a
   * popover on the click).
   */
  #hold(event: Event): void {
    if (!this.armed || this.#button || event === this.#woke) return;
    // The click a key makes on a plain button: the part acts on the key itself.
    const last = this.#pending.at(-1);
    if (event.type === "click" && (event as MouseEvent).detail === 0 && last?.type === "keydown") return;
    this.#pending.push(event);
  }

  #forward(standIn: Element, event: Event): void {
    const button = this.#button;
    if (standIn.isConnected || !button?.isConnected) return;
    if (event.type === "mousedown") {
      // Its default would move the focus to what it landed on: nothing, once the stand-in is gone.
      event.preventDefault();
      return;
    }
    // Only its start lands on the stand-in when the rest lands on the part's button, and the
    // browser then makes no click of it: the part's button makes one (see #handOver).
    this.#splitPress = event.type === "pointerdown";
    pass(event, button);
  }

  #handOver(node: Element): (() => void) | void {
    if (!(node instanceof HTMLElement)) return;
    this.#button = node;
    const offUp = on(node, "pointerup", (up: PointerEvent) => {
      if (!this.#splitPress) return;
      this.#splitPress = false;
      // After the pointerup's own listeners, as the browser's click comes after them.
      const click = new MouseEvent("click", { ...pointerInit(up), detail: 1, button: 0 });
      queueMicrotask(() => node.dispatchEvent(click));
    });
    const events = [this.#woke, ...this.#pending].filter((e): e is Event => e !== null);
    // A press held while Bits loaded that has not ended yet ends on this button, which makes the
    // browser produce no click: this button makes one, as for a press split by a hover (above).
    if (this.#pending.at(-1)?.type === "pointerdown") this.#splitPress = true;
    this.#woke = null;
    this.#pending = [];
    if (events.length > 0) {
      // After the part's own attachments (its element ref, its listeners) are in place.
      queueMicrotask(() => events.forEach((event) => node.isConnected && pass(event, node)));
    }
    return () => {
      offUp();
      if (this.#button === node) this.#button = null;
    };
  }
}

/** A finger's touch enters the button too, just before pressing it: that press is what counts. */
function isTouchEnter(event: Event): boolean {
  return event.type === "pointerenter" && typeof PointerEvent !== "undefined" && event instanceof PointerEvent && event.pointerType === "touch";
}

/** Does to `button` what `event` did to the stand-in. */
function pass(event: Event, button: HTMLElement): void {
  if (event.type !== "focus") button.dispatchEvent(replay(event));
  // A press moves the focus to the button it lands on; the stand-in it landed on is gone.
  if ((event.type === "focus" || event.type === "pointerdown") && document.activeElement !== button) button.focus({ preventScroll: true });
}

/** What a copy of a pointer or mouse event is made from. */
function pointerInit(event: MouseEvent): MouseEventInit {
  const { bubbles, cancelable, composed, clientX, clientY, screenX, screenY, ctrlKey, shiftKey, altKey, metaKey } = event;
  return { bubbles, cancelable, composed, clientX, clientY, screenX, screenY, ctrlKey, shiftKey, altKey, metaKey };
}

/** A copy of a pointer or mouse event, to dispatch again on another element. */
function replay(event: Event): Event {
  if (typeof PointerEvent !== "undefined" && event instanceof PointerEvent) return new PointerEvent(event.type, event);
  if (event instanceof MouseEvent) return new MouseEvent(event.type, event);
  if (event instanceof KeyboardEvent) return new KeyboardEvent(event.type, event);
  return new Event(event.type, event);
}
