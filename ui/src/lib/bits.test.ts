// Why: Bits' code is loaded the first time a part is needed (bits.svelte.ts), so for a few
// milliseconds a woken part is still its stand-in and a dialog not drawn yet. What the user does
// in that time must not be lost, and a load that fails must not leave the page inert.
import { afterEach, describe, expect, it, vi } from "vitest";
import { fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import BottomBar from "../components/BottomBar.svelte";
import ConfirmDialog from "../components/ConfirmDialog.svelte";
import SnoozeMenu from "../components/SnoozeMenu.svelte";
import { bits, forgetBits, loadBits, loadBitsAfterFirstPaint } from "./bits.svelte";
import { markDataPainted } from "./first-paint";
import * as parts from "./bits-parts";

const more = () => screen.getByTestId("bottom-more");

/** As before the first load, with the load held until the returned function is called. */
function holdBits(): () => void {
  forgetBits();
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  vi.doMock("./bits-parts", async () => {
    await gate;
    return { ...parts };
  });
  return release;
}

afterEach(async () => {
  vi.doUnmock("./bits-parts");
  forgetBits();
  await loadBits();
});

describe("Bits loaded when first needed", () => {
  it("is loaded once the first screen's data are painted, not before", async () => {
    const release = holdBits();
    loadBitsAfterFirstPaint();
    await new Promise((resolve) => setTimeout(resolve, 50));
    release();
    // Not asked for yet: nothing has been painted.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(bits.parts).toBeNull();
    markDataPainted();
    await waitFor(() => expect(bits.parts).not.toBeNull(), { timeout: 3000 });
  });

  it("keeps the stand-in until Bits is there, then hands over a press that came meanwhile", async () => {
    const release = holdBits();
    render(BottomBar);
    const plain = more();
    await fireEvent.pointerEnter(plain, { pointerType: "mouse", pointerId: 1 });
    // Woken, but Bits is still loading: the plain button stays, and takes the whole press (a
    // popover opens on its click, a menu on its press).
    expect(bits.parts).toBeNull();
    expect(more()).toBe(plain);
    await fireEvent.pointerDown(plain, { button: 0, pointerType: "mouse", pointerId: 1 });
    await fireEvent.pointerUp(plain, { button: 0, pointerType: "mouse", pointerId: 1 });
    await fireEvent.click(plain, { detail: 1 });
    expect(more()).toBe(plain);
    release();
    expect(await screen.findByTestId("more-menu")).toBeTruthy();
    expect(more()).not.toBe(plain);
    expect(more().getAttribute("aria-expanded")).toBe("true");
  });

  it("opens on a press that began on the stand-in while Bits loaded and ends on the part", async () => {
    const release = holdBits();
    render(BottomBar);
    const plain = more();
    await fireEvent.pointerEnter(plain, { pointerType: "mouse", pointerId: 1 });
    await fireEvent.pointerDown(plain, { button: 0, pointerType: "mouse", pointerId: 1 });
    release();
    await waitFor(() => expect(more()).not.toBe(plain));
    // The release lands on the part's button; the browser makes no click of a press split so.
    await fireEvent.pointerUp(more(), { button: 0, pointerType: "mouse", pointerId: 1 });
    expect(await screen.findByTestId("more-menu")).toBeTruthy();
  });

  it("opens a menu (which opens on the press) from a press made while Bits loads", async () => {
    const release = holdBits();
    const onsnooze = vi.fn();
    const choices = [{ label: "For an hour", until: "2026-12-07T15:00", testid: "snooze-hour" }];
    render(SnoozeMenu, { label: "Snooze Ana Sánchez", testid: "snooze", choices, onsnooze });
    const plain = screen.getByTestId("snooze");
    await fireEvent.pointerEnter(plain, { pointerType: "mouse", pointerId: 1 });
    await fireEvent.pointerDown(plain, { button: 0, pointerType: "mouse", pointerId: 1 });
    await fireEvent.pointerUp(plain, { button: 0, pointerType: "mouse", pointerId: 1 });
    await fireEvent.click(plain, { detail: 1 });
    expect(bits.parts).toBeNull();
    expect(screen.queryByRole("menu")).toBeNull();
    release();
    const item = await screen.findByTestId("snooze-hour");
    expect(screen.getByRole("menu")).toBeTruthy();
    expect(screen.getByTestId("snooze").getAttribute("aria-expanded")).toBe("true");
    await fireEvent.click(item);
    expect(onsnooze).toHaveBeenCalledWith("2026-12-07T15:00");
  });

  it("hands over a key pressed on the focused stand-in while Bits loads", async () => {
    const release = holdBits();
    render(BottomBar);
    const plain = more();
    plain.focus();
    expect(bits.parts).toBeNull();
    await fireEvent.keyDown(plain, { key: "Enter" });
    // The click a plain button makes of Enter is not handed over too (it would close it again).
    await fireEvent.click(plain, { detail: 0 });
    expect(bits.parts).toBeNull();
    release();
    expect(await screen.findByTestId("more-menu")).toBeTruthy();
    expect(document.activeElement).not.toBe(plain);
  });

  it("draws a dialog once Bits is there", async () => {
    const release = holdBits();
    render(ConfirmDialog, { title: "Delete ASH 2026?", message: "Its program goes too.", confirmLabel: "Delete", onconfirm: () => {}, oncancel: () => {} });
    await Promise.resolve();
    expect(screen.queryByTestId("confirm-dialog")).toBeNull();
    release();
    const dialog = await screen.findByTestId("confirm-dialog");
    expect(dialog.getAttribute("role")).toBe("alertdialog");
    expect(dialog.textContent).toContain("Its program goes too.");
  });

  it("says so, and can be closed, when Bits cannot be loaded", async () => {
    forgetBits();
    vi.doMock("./bits-parts", () => {
      throw new Error("gone");
    });
    const app = document.createElement("div");
    app.id = "app";
    document.body.append(app);
    const oncancel = vi.fn();
    render(ConfirmDialog, {
      target: app,
      props: { title: "Delete ASH 2026?", message: "Its program goes too.", confirmLabel: "Delete", onconfirm: () => {}, oncancel },
    });
    const failed = await screen.findByTestId("modal-failed");
    expect(failed.textContent).toContain("This window could not be opened");
    // The page is not left inert behind a dialog that never came.
    await waitFor(() => expect(app.inert).toBe(false));
    await fireEvent.click(screen.getByRole("button", { name: "Close" }));
    expect(oncancel).toHaveBeenCalledOnce();
    app.remove();
  });
});
