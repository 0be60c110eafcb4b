// Why: the conflicts dialog against a fake backend: both versions of a meeting side by side, each
// row that differs said in words (not colour alone), a meeting deleted on the server said plainly,
// and "Keep this version" sending the conflict's id and side once, after which the conflict leaves
// the list with a polite word, until the dialog says none is left.
import { describe, expect, it, vi } from "vitest";
import { fireEvent, render, screen, waitFor, within } from "@testing-library/svelte";
import SyncConflicts from "./SyncConflicts.svelte";
import { answerCommands, installFakeBackend, type FakeBackend } from "../../testing/fake-backend";
import type { ConflictView, Version } from "../../lib/bindings";

const hallway: Version = { title: "Coffee with Ana", starts: "2026-12-06 10:30", minutes: 30, place: "Café", status: "confirmed" };

const moved: ConflictView = {
  id: 7,
  congress_id: 1,
  meeting_id: 71,
  uid: "m71@hallway.app",
  hallway,
  server: { ...hallway, starts: "2026-12-06 11:00", place: "Lobby" },
  found_at: 1_796_000_000,
};

const deleted: ConflictView = {
  id: 8,
  congress_id: 1,
  meeting_id: 72,
  uid: "m72@hallway.app",
  hallway: { ...hallway, title: "Lunch with Ben", place: "Hall C" },
  server: null,
  found_at: 1_796_000_100,
};

function open(conflicts: ConflictView[]): { backend: FakeBackend; onresolved: () => void } {
  const backend = installFakeBackend();
  let open = [...conflicts];
  answerCommands(backend, ["sync_conflicts", "sync_resolve"], (cmd, args) => {
    if (cmd === "sync_conflicts") return open;
    open = open.filter((c) => c.id !== args.id);
    return null;
  });
  const onresolved = vi.fn();
  render(SyncConflicts, { props: { open: true, congressId: 1, onresolved } });
  return { backend, onresolved };
}

const text = (el: Element) => el.textContent?.replace(/\s+/g, " ").trim();

describe("SyncConflicts", () => {
  it("shows both versions side by side and says which rows differ", async () => {
    const { backend } = open([moved]);
    const item = await screen.findByTestId("conflict");
    expect(backend.calls.find((c) => c.cmd === "sync_conflicts")?.args).toEqual({ congressId: 1 });
    expect(within(item).getByRole("heading", { level: 3 }).textContent).toBe("Coffee with Ana");
    const here = within(item).getByTestId("conflict-hallway");
    const there = within(item).getByTestId("conflict-server");
    expect(within(here).getByRole("heading", { level: 4 }).textContent).toBe("In Hallway");
    expect(within(there).getByRole("heading", { level: 4 }).textContent).toBe("On the server");
    expect(text(here)).toContain("Sun 6 Dec 10:30, 30 min");
    expect(text(there)).toContain("Sun 6 Dec 11:00, 30 min");
    expect(text(there)).toContain("Lobby");

    // Time and place differ, in words in each column; status and title do not.
    for (const side of [here, there]) {
      const marked = within(side)
        .getAllByTestId("conflict-differs")
        .map((badge) => text(badge.closest("dt")!));
      expect(marked).toEqual(["Time differs", "Place differs"]);
      expect(text(within(side).getByText("Status").closest("dt")!)).toBe("Status");
    }
    expect(screen.getByRole("button", { name: "Keep this version in Hallway of “Coffee with Ana”" })).toBeTruthy();
    expect(screen.getByRole("button", { name: "Keep this version on the server of “Coffee with Ana”" })).toBeTruthy();
  });

  it("says plainly when the server deleted the meeting", async () => {
    open([deleted]);
    const there = within(await screen.findByTestId("conflict")).getByTestId("conflict-server");
    expect(within(there).getByTestId("conflict-deleted").textContent).toBe("Deleted on the server");
    expect(text(there)).toContain("cancelled in Hallway, not deleted");
    expect(screen.queryByTestId("conflict-differs")).toBeNull();
  });

  it("keeps the version chosen, takes the conflict off the list and says when none is left", async () => {
    const { backend, onresolved } = open([moved, deleted]);
    await screen.findAllByTestId("conflict");
    await fireEvent.click(screen.getByRole("button", { name: "Keep this version on the server of “Coffee with Ana”" }));
    await waitFor(() => expect(screen.getAllByTestId("conflict")).toHaveLength(1));
    expect(screen.getByTestId("conflicts-said").textContent).toBe("Kept the server's version of “Coffee with Ana”.");
    expect(screen.getByRole("status").textContent).toBe("Kept the server's version of “Coffee with Ana”.");
    expect(document.activeElement?.textContent).toBe("Lunch with Ben");

    await fireEvent.click(screen.getByRole("button", { name: "Keep this version in Hallway of “Lunch with Ben”" }));
    await waitFor(() => expect(screen.getByTestId("conflicts-none")).toBeTruthy());
    expect(screen.queryByTestId("conflict")).toBeNull();
    expect(screen.getByTestId("conflicts-said").textContent).toBe("Kept Hallway's version of “Lunch with Ben”.");
    expect(backend.calls.filter((c) => c.cmd === "sync_resolve").map((c) => c.args)).toEqual([
      { id: 7, keep: "server" },
      { id: 8, keep: "hallway" },
    ]);
    expect(onresolved).toHaveBeenCalledTimes(2);
  });

  it("says when nothing is waiting, and Close closes", async () => {
    open([]);
    expect((await screen.findByTestId("conflicts-none")).textContent).toMatch(/No meeting is waiting/);
    await fireEvent.click(screen.getByTestId("conflicts-close"));
    await waitFor(() => expect(screen.queryByTestId("sync-conflicts-dialog")).toBeNull());
  });
});
