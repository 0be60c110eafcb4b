// Why: deleting a congress takes its whole plan with it, so the confirmation must name the
// congress and what goes with it, start on Cancel, and move the current congress on afterwards.
import { beforeEach, describe, expect, it } from "vitest";
import { fireEvent, render, screen, waitFor, within } from "@testing-library/svelte";
import CongressesScreen from "./CongressesScreen.svelte";
import { congress, installFakeBackend, type FakeBackend } from "../testing/fake-backend";
import { congresses } from "../lib/congresses.svelte";
import { settings } from "../lib/settings.svelte";

const ash = congress({ id: 7, name: "ASH 2026", starts_on: "2099-12-05", ends_on: "2099-12-08" });
const eha = congress({ id: 8, name: "EHA 2027", short_name: "EHA", series: "eha", starts_on: "2099-06-10", ends_on: "2099-06-13" });

let backend: FakeBackend;

beforeEach(async () => {
  backend = installFakeBackend({
    congresses: [ash, eha],
    contents: { sessions: 812, targets: 14, meetings: 3, goals: 0, pitches: 0 },
  });
  backend.settings.current_congress_id = ash.id;
  await Promise.all([settings.load(), congresses.load()]);
});

const rowOf = (id: number) =>
  screen.getAllByTestId("congress-row").find((r) => r.dataset.congressId === String(id)) as HTMLElement;

describe("CongressesScreen", () => {
  it("lists congresses with their dates, city and zone", () => {
    render(CongressesScreen);
    const row = rowOf(ash.id);
    expect(row.textContent).toContain("ASH 2026");
    expect(row.textContent).toContain("Dec 5–8, 2099 · San Diego · America/Los_Angeles");
    expect(row.textContent).toContain("Planning now");
  });

  it("asks before deleting, naming the congress and what goes with it, with Cancel focused", async () => {
    render(CongressesScreen);
    await fireEvent.click(within(rowOf(ash.id)).getByTestId("delete-congress"));

    const dialog = await screen.findByTestId("confirm-dialog");
    expect(dialog.textContent).toContain("Delete ASH 2026?");
    expect(screen.getByTestId("confirm-message").textContent).toBe(
      "This deletes ASH 2026 and its 812 sessions, 14 targets and 3 meetings. This cannot be undone.",
    );
    expect(document.activeElement).toBe(screen.getByTestId("confirm-cancel"));
    expect(backend.calls.some((c) => c.cmd === "delete_congress")).toBe(false);
  });

  it("Cancel and Esc close the confirmation without deleting", async () => {
    render(CongressesScreen);
    await fireEvent.click(within(rowOf(eha.id)).getByTestId("delete-congress"));
    await fireEvent.click(await screen.findByTestId("confirm-cancel"));
    expect(screen.queryByTestId("confirm-dialog")).toBeNull();

    await fireEvent.click(within(rowOf(eha.id)).getByTestId("delete-congress"));
    const dialog = await screen.findByTestId("confirm-dialog");
    await fireEvent.keyDown(within(dialog).getByTestId("confirm-cancel"), { key: "Escape" });
    expect(screen.queryByTestId("confirm-dialog")).toBeNull();
    expect(backend.calls.some((c) => c.cmd === "delete_congress")).toBe(false);
  });

  it("deletes on confirm and moves the current congress to another one", async () => {
    render(CongressesScreen);
    await fireEvent.click(within(rowOf(ash.id)).getByTestId("delete-congress"));
    await fireEvent.click(await screen.findByTestId("confirm-ok"));

    await waitFor(() => expect(screen.queryByTestId("confirm-dialog")).toBeNull());
    expect(screen.getAllByTestId("congress-row").map((r) => r.dataset.congressId)).toEqual([String(eha.id)]);
    await waitFor(() => expect(backend.settings.current_congress_id).toBe(eha.id));
    expect(screen.getByRole("status").textContent).toBe("Deleted ASH 2026.");
  });

  it("offers a first congress when there is none", async () => {
    backend.congresses = [];
    await congresses.load();
    render(CongressesScreen);
    expect(screen.getByText(/A congress is one meeting you go to/)).toBeTruthy();
    await fireEvent.click(screen.getByTestId("new-congress"));
    expect(await screen.findByTestId("congress-dialog")).toBeTruthy();
  });
});
