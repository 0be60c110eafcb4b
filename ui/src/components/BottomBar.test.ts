// Why: the narrow window's "More" is its plain button until the user reaches for it, and only then
// Bits' popover (lib/approach.svelte.ts). A tap (a click with no hover before it) and the keyboard
// must each open the other sections from that first approach, and following one closes the list.
import { describe, expect, it } from "vitest";
import { createEvent, fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import BottomBar from "./BottomBar.svelte";
import { route } from "../lib/route.svelte";

const more = () => screen.getByTestId("bottom-more");

describe("BottomBar", () => {
  it("opens the other sections on the first tap, and closes once one is followed", async () => {
    render(BottomBar);
    expect(more().getAttribute("aria-expanded")).toBe("false");
    expect(screen.queryByTestId("more-menu")).toBeNull();

    await fireEvent.click(more());
    const menu = await screen.findByTestId("more-menu");
    expect(menu.querySelectorAll("a").length).toBeGreaterThan(3);
    expect(more().getAttribute("aria-expanded")).toBe("true");

    await fireEvent.click(screen.getByTestId("more-settings"));
    await waitFor(() => expect(screen.queryByTestId("more-menu")).toBeNull());
    route.go("today");
  });

  it("opens from the keyboard once focused", async () => {
    render(BottomBar);
    const first = more();
    first.focus();
    await waitFor(() => expect(more()).not.toBe(first));
    expect(document.activeElement).toBe(more());
    await fireEvent.keyDown(more(), { key: "Enter" });
    expect(await screen.findByTestId("more-menu")).toBeTruthy();
  });

  it("opens on a press that WebKit still sends to the plain button the hover replaced", async () => {
    render(BottomBar);
    const plain = more();
    await fireEvent.pointerEnter(plain, { pointerType: "mouse", pointerId: 1 });
    await waitFor(() => expect(more()).not.toBe(plain));
    // The press starts on the element the pointer last moved over, though it has left the page,
    // and ends on the button that is there now: the browser makes no click of that.
    await fireEvent.pointerDown(plain, { button: 0, pointerType: "mouse", pointerId: 1 });
    // Its mousedown would take the focus to nowhere; the focus is the button's, where Esc returns it.
    const down = createEvent.mouseDown(plain, { button: 0 });
    await fireEvent(plain, down);
    expect(down.defaultPrevented).toBe(true);
    expect(document.activeElement).toBe(more());
    await fireEvent.pointerUp(more(), { button: 0, pointerType: "mouse", pointerId: 1 });
    expect(await screen.findByTestId("more-menu")).toBeTruthy();
    expect(more().getAttribute("aria-expanded")).toBe("true");
  });
});
