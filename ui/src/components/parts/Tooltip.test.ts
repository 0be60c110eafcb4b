// Why: the tooltip that replaces `title` on buttons must show for a keyboard user (on focus), say
// its text as the button's description, and leave the caller's own click handler working
// alongside Bits' (which closes the tooltip on a click). Driven through "Export calendar…". Until
// the pointer or the focus reaches the button, Bits' tooltip is not made; a hover must then show it.
import { describe, expect, it } from "vitest";
import { fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import ExportCalendarButton from "../ExportCalendarButton.svelte";
import { congress, installFakeBackend } from "../../testing/fake-backend";
import { installFakeExport } from "../../testing/fake-export";
import { settings } from "../../lib/settings.svelte";
import TwoTooltips from "../../testing/TwoTooltips.svelte";

const ash = congress({ id: 1, name: "ASH 2026", short_name: "ASH26", starts_on: "2026-12-05", ends_on: "2026-12-08", time_zone: "America/New_York" });

/** "Export calendar…" on screen, with a backend to open its dialog. */
async function shown(): Promise<void> {
  installFakeExport(installFakeBackend({ congresses: [ash] }));
  await settings.load();
  render(ExportCalendarButton, { congress: ash });
}

describe("Tooltip", () => {
  it("shows on keyboard focus, describes its button, and closes when the button is used", async () => {
    await shown();
    const button = screen.getByTestId("export-open");
    expect(button.hasAttribute("title")).toBe(false);
    expect(button.getAttribute("aria-describedby")).toBeNull();

    await fireEvent.keyDown(document, { key: "Tab" }); // what makes the focus "visible"
    button.focus();
    const tip = await screen.findByRole("tooltip");
    expect(tip.textContent).toBe("Save your plan as an .ics file for your calendar app");
    // The focus woke Bits' tooltip around a new button of the same name, and stayed on it.
    const armed = screen.getByTestId("export-open");
    expect(document.activeElement).toBe(armed);
    await waitFor(() => expect(armed.getAttribute("aria-describedby")).toBe(tip.id));

    await fireEvent.click(armed);
    await screen.findByTestId("export-dialog"); // the caller's handler ran
    await waitFor(() => expect(screen.queryByRole("tooltip")).toBeNull()); // and Bits' closed the tip
  });

  it("shows after the hover delay when the pointer is the first to reach its button", async () => {
    await shown();
    await fireEvent.pointerEnter(screen.getByTestId("export-open"), { pointerType: "mouse", pointerId: 1 });
    const tip = await screen.findByRole("tooltip", {}, { timeout: 3000 });
    expect(tip.textContent).toBe("Save your plan as an .ics file for your calendar app");

    await fireEvent.click(screen.getByTestId("export-open"));
    await screen.findByTestId("export-dialog"); // the caller's handler ran
  });

  it("leaves a tap, or a press that starts on the plain button, to end on it (its click is the caller's)", async () => {
    await shown();
    const button = screen.getByTestId("export-open");
    // A finger enters the button just before pressing it; a tap shows no tooltip, so nothing wakes.
    await fireEvent.pointerEnter(button, { pointerType: "touch", pointerId: 2 });
    expect(screen.getByTestId("export-open")).toBe(button);
    // A pointer that rested on the button: no hover first, so the press's focus comes before its click.
    await fireEvent.pointerDown(button, { button: 0, pointerType: "mouse", pointerId: 1 });
    button.focus();
    await fireEvent.pointerUp(document, { button: 0, pointerType: "mouse", pointerId: 1 });
    expect(screen.getByTestId("export-open")).toBe(button);
    await fireEvent.click(button);
    await screen.findByTestId("export-dialog");
  });

  it("is the only one open, and the next opens at once while one is open", async () => {
    // jsdom lays nothing out, so floating-ui leaves a tip's box hidden: read them from the tree.
    const tips = () => [...document.querySelectorAll('[role="tooltip"]')].map((t) => t.textContent);
    render(TwoTooltips);
    await fireEvent.keyDown(document, { key: "Tab" });
    screen.getByTestId("first").focus();
    await waitFor(() => expect(tips()).toEqual(["First tip"]));
    // Hovering the second opens it at once (no 500 ms wait), and closes the first.
    await fireEvent.pointerEnter(screen.getByTestId("second"), { pointerType: "mouse", pointerId: 1 });
    await fireEvent.pointerMove(screen.getByTestId("second"), { pointerType: "mouse", pointerId: 1 });
    await waitFor(() => expect(tips()).toEqual(["Second tip"]), { timeout: 350 });
  });
});
