// Why: Settings' calendar-server section against a fake backend: nothing typed is named as a problem
// and sent nowhere; Connect sends the address, user and password once and then shows the account (the
// password is not kept in the form); the server's refusal is shown in its own words; "Sync now"
// syncs the current congress and says what it did, or why it stopped.
import { describe, expect, it } from "vitest";
import { fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import SyncSection from "./SyncSection.svelte";
import { answerCommands, congress, installFakeBackend, type FakeBackend } from "../../testing/fake-backend";
import { settings } from "../../lib/settings.svelte";
import { congresses } from "../../lib/congresses.svelte";
import type { Account, CommandError, SyncReport, SyncStatus } from "../../lib/bindings";

const ash = congress({ id: 1, name: "ASH Annual Meeting 2026", short_name: "ASH26", starts_on: "2026-12-05", ends_on: "2026-12-08" });
const alice: Account = {
  id: 1,
  server_url: "https://dav.example.org/",
  username: "alice",
  principal: "/alice/",
  calendar_home: "/alice/",
  addressbook_home: null,
};

type Answers = { connect?: () => Account | CommandError; sync?: () => SyncReport | CommandError };

async function open(connected: boolean, answers: Answers = {}): Promise<FakeBackend> {
  const backend = installFakeBackend({ congresses: [ash] });
  backend.settings.current_congress_id = ash.id;
  let account: Account | null = connected ? alice : null;
  let synced: number | null = null;
  answerCommands(backend, ["sync_status", "sync_connect", "sync_now"], (cmd) => {
    if (cmd === "sync_status") {
      const status: SyncStatus = {
        account,
        calendar: synced === null ? null : { congress_id: ash.id, account_id: 1, href: "/alice/hallway-ash26/", created_by_hallway: true, sync_token: "t", last_synced_at: synced, last_error: null },
        conflicts: 0,
      };
      return status;
    }
    const answer = cmd === "sync_connect" ? (answers.connect ?? (() => alice))() : (answers.sync ?? (() => ({ pushed: 3, pulled: 1, removed: 0, conflicts: 0 })))();
    if ("kind" in answer) throw answer;
    if (cmd === "sync_connect") account = answer as Account;
    else synced = 1_796_000_000;
    return answer;
  });
  await Promise.all([settings.load(), congresses.load()]);
  render(SyncSection);
  return backend;
}

const input = (id: string) => screen.getByTestId(id) as HTMLInputElement;

describe("SyncSection", () => {
  it("names what is missing, then connects once and shows the account without keeping the password", async () => {
    const backend = await open(false);
    await fireEvent.click(await screen.findByTestId("sync-connect"));
    expect(screen.getByTestId("sync-problem").textContent).toMatch(/address, your user name and your password/);
    expect(backend.calls.some((c) => c.cmd === "sync_connect")).toBe(false);

    await fireEvent.input(input("sync-url"), { target: { value: " dav.example.org " } });
    await fireEvent.input(input("sync-user"), { target: { value: "alice" } });
    await fireEvent.input(input("sync-password"), { target: { value: "app-password" } });
    await fireEvent.click(screen.getByTestId("sync-connect"));
    await waitFor(() => expect(screen.getByTestId("sync-account").textContent).toMatch(/Connected to dav\.example\.org as alice/));
    expect(backend.calls.filter((c) => c.cmd === "sync_connect").map((c) => c.args)).toEqual([
      { url: "dav.example.org", user: "alice", password: "app-password" },
    ]);
    expect(screen.queryByTestId("sync-password")).toBeNull();
    expect(screen.getByTestId("sync-last").textContent).toMatch(/ASH26 has not been synced yet/);
  });

  it("shows the server's refusal in its own words and keeps what was typed", async () => {
    await open(false, { connect: () => ({ kind: "io", message: "The server refused the password: re-enter it in Settings." }) });
    await fireEvent.input(await screen.findByTestId("sync-url"), { target: { value: "dav.example.org" } });
    await fireEvent.input(input("sync-user"), { target: { value: "alice" } });
    await fireEvent.input(input("sync-password"), { target: { value: "wrong" } });
    await fireEvent.click(screen.getByTestId("sync-connect"));
    await waitFor(() => expect(screen.getByTestId("sync-problem").textContent).toBe("The server refused the password: re-enter it in Settings."));
    expect(input("sync-user").value).toBe("alice");
  });

  it("syncs the current congress now and says what it did, or why it stopped", async () => {
    const backend = await open(true);
    await fireEvent.click(await screen.findByTestId("sync-now"));
    await waitFor(() => expect(screen.getByTestId("sync-result").textContent).toBe("Synced: 3 sent, 1 brought back, 0 removed."));
    expect(backend.calls.find((c) => c.cmd === "sync_now")?.args).toEqual({ congressId: ash.id });
    await waitFor(() => expect(screen.getByTestId("sync-last").textContent).toMatch(/ASH26 last synced/));
  });

  it("says why a sync stopped", async () => {
    await open(true, { sync: () => ({ kind: "io", message: "The server could not be reached; Hallway will retry." }) });
    await fireEvent.click(await screen.findByTestId("sync-now"));
    await waitFor(() => expect(screen.getByTestId("sync-problem").textContent).toBe("The server could not be reached; Hallway will retry."));
  });
});
