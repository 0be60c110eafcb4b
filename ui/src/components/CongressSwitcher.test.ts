// Why: the congress switcher is drawn as its plain button until the user reaches for it, and only
// then becomes Bits' select (lib/approach.svelte.ts). Whichever way the user reaches for it (the
// keyboard's focus, a press, a screen reader's click), that first approach must do what it does on
// the select itself: these drive each one and pick a congress with it.
import { describe, expect, it } from "vitest";
import { fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import CongressSwitcher from "./CongressSwitcher.svelte";
import { congress, installFakeBackend } from "../testing/fake-backend";
import { congresses } from "../lib/congresses.svelte";
import { settings } from "../lib/settings.svelte";

const ash = congress({ id: 1, name: "ASH 2026", short_name: "ASH26", starts_on: "2026-12-05", ends_on: "2026-12-08" });
const eha = congress({ id: 2, name: "EHA 2027", short_name: "EHA27", starts_on: "2027-06-10", ends_on: "2027-06-13" });

async function shown() {
  const backend = installFakeBackend({ congresses: [ash, eha] });
  backend.settings = { ...backend.settings, current_congress_id: ash.id };
  await settings.load();
  await congresses.load();
  render(CongressSwitcher);
  const button = screen.getByRole("combobox", { name: "Planning for" });
  return { backend, button };
}

const switcher = () => screen.getByRole("combobox", { name: "Planning for" });
const options = () => screen.findAllByRole("option");

describe("CongressSwitcher", () => {
  it("is a closed select before anything reaches for it, named and valued as the select is", async () => {
    const { button } = await shown();
    expect(button.getAttribute("aria-expanded")).toBe("false");
    expect(button.getAttribute("aria-haspopup")).toBe("listbox");
    expect(button.getAttribute("value")).toBe(String(ash.id));
    expect(button.textContent).toContain("ASH26");
    expect(screen.queryByRole("listbox")).toBeNull();
  });

  it("keeps the focus it is given and opens from the keyboard on the current congress", async () => {
    const { backend, button } = await shown();
    await fireEvent.keyDown(document, { key: "Tab" });
    button.focus();
    // Bits' select replaced the plain button, and the focus moved onto it.
    await waitFor(() => expect(switcher()).not.toBe(button));
    expect(document.activeElement).toBe(switcher());

    await fireEvent.keyDown(switcher(), { key: "ArrowDown" });
    const list = await options();
    expect(list.map((o) => o.textContent)).toEqual([expect.stringContaining("ASH26"), expect.stringContaining("EHA27")]);
    expect(list[0]?.getAttribute("aria-selected")).toBe("true");
    expect(switcher().getAttribute("aria-expanded")).toBe("true");

    await fireEvent.keyDown(switcher(), { key: "ArrowDown" });
    await fireEvent.keyDown(switcher(), { key: "Enter" });
    await waitFor(() => expect(backend.settings.current_congress_id).toBe(eha.id));
    await waitFor(() => expect(switcher().textContent).toContain("EHA27"));
  });

  it("opens on the press that first reaches it", async () => {
    const { button } = await shown();
    await fireEvent.pointerDown(button, { button: 0, pointerType: "mouse", pointerId: 1 });
    expect((await options()).length).toBe(2);
    expect(document.activeElement).toBe(switcher());
  });

  it("opens on a screen reader's click (one without a press)", async () => {
    const { button } = await shown();
    await fireEvent.click(button, { detail: 0 });
    expect((await options()).length).toBe(2);
  });
});
