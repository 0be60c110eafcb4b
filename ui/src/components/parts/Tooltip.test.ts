// Why: the tooltip that replaces `title` on buttons must show for a keyboard user (on focus), say
// its text as the button's description, and leave the caller's own click handler working
// alongside Bits' (which closes the tooltip on a click). Driven through "Export calendar…".
import { describe, expect, it } from "vitest";
import { fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import ExportCalendarButton from "../ExportCalendarButton.svelte";
import { congress, installFakeBackend } from "../../testing/fake-backend";
import { installFakeExport } from "../../testing/fake-export";
import { settings } from "../../lib/settings.svelte";

const ash = congress({ id: 1, name: "ASH 2026", short_name: "ASH26", starts_on: "2026-12-05", ends_on: "2026-12-08", time_zone: "America/New_York" });

describe("Tooltip", () => {
  it("shows on keyboard focus, describes its button, and closes when the button is used", async () => {
    const backend = installFakeBackend({ congresses: [ash] });
    installFakeExport(backend);
    await settings.load();
    render(ExportCalendarButton, { congress: ash });
    const button = screen.getByTestId("export-open");
    expect(button.hasAttribute("title")).toBe(false);
    expect(button.getAttribute("aria-describedby")).toBeNull();

    await fireEvent.keyDown(document, { key: "Tab" }); // what makes the focus "visible"
    button.focus();
    const tip = await screen.findByRole("tooltip");
    expect(tip.textContent).toBe("Save your plan as an .ics file for your calendar app");
    await waitFor(() => expect(button.getAttribute("aria-describedby")).toBe(tip.id));

    await fireEvent.click(button);
    await screen.findByTestId("export-dialog"); // the caller's handler ran
    await waitFor(() => expect(screen.queryByRole("tooltip")).toBeNull()); // and Bits' closed the tip
  });
});
