// Why: Settings' calendar-server section against a fake backend: nothing typed is named as a problem
// and sent nowhere; Connect sends the address, user and password once and then shows the account (the
// password is not kept in the form); the server's refusal is shown in its own words; "Sync now"
// syncs the current congress and says what it did, or why it stopped; the congress's choices are
// saved as they are ticked; another calendar is picked from the server's list; a refused password
// is asked for again; stopping asks first.
import { describe, expect, it } from "vitest";
import { fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import SyncSection from "./SyncSection.svelte";
import { answerCommands, congress, installFakeBackend, type FakeBackend } from "../../testing/fake-backend";
import { settings } from "../../lib/settings.svelte";
import { congresses } from "../../lib/congresses.svelte";
import type { Account, CommandError, SyncActivity, SyncChoices, SyncNowReport, SyncStatus } from "../../lib/bindings";

const ash = congress({ id: 1, name: "ASH Annual Meeting 2026", short_name: "ASH26", starts_on: "2026-12-05", ends_on: "2026-12-08" });
const alice: Account = {
  id: 1,
  server_url: "https://dav.example.org/",
  username: "alice",
  principal: "/alice/",
  calendar_home: "/alice/",
  addressbook_home: null,
};

type Answers = { account?: Account; connect?: () => Account | CommandError; sync?: () => SyncNowReport | CommandError; activity?: SyncActivity };

const choices: SyncChoices = { meetings: true, sessions: true, maybes: true, follow_ups: true, cancelled: false, alarm_minutes: null, auto: true };

async function open(connected: boolean, answers: Answers = {}): Promise<FakeBackend> {
  const backend = installFakeBackend({ congresses: [ash] });
  backend.settings.current_congress_id = ash.id;
  let account: Account | null = connected ? (answers.account ?? alice) : null;
  let synced: number | null = null;
  let href: string | null = null;
  const simple: Record<string, unknown> = {
    sync_activity: answers.activity ?? { phase: "idle", done: 0, total: 0, waiting: 0, conflicts: 0, last_synced_at: null, message: null },
    sync_calendars: [
      { href: "/alice/work/", name: "Work" },
      { href: "/alice/personal/", name: "Personal" },
    ],
    sync_set_choices: null,
    sync_set_contacts: null,
  };
  answerCommands(backend, ["sync_status", "sync_connect", "sync_now", "sync_use_calendar", "sync_stop", ...Object.keys(simple)], (cmd, args) => {
    if (cmd in simple) return simple[cmd];
    if (cmd === "sync_use_calendar") return void (href = args.href as string);
    if (cmd === "sync_stop") return void ((href = null), (synced = null));
    if (cmd === "sync_status") {
      const status: SyncStatus = {
        account,
        calendar:
          href === null
            ? null
            : { congress_id: ash.id, account_id: 1, href, created_by_hallway: href.includes("hallway"), sync_token: "t", last_synced_at: synced, last_error: null, choices },
        conflicts: 0,
        contacts: "targets",
      };
      return status;
    }
    const answer = cmd === "sync_connect" ? (answers.connect ?? (() => alice))() : (answers.sync ?? (() => ({ calendar: { pushed: 3, pulled: 1, removed: 0, conflicts: 0 }, contacts: { pushed: 2, pulled: 0, removed: 0, conflicts: 0 } })))();
    if ("kind" in answer) throw answer;
    if (cmd === "sync_connect") account = answer as Account;
    else [synced, href] = [1_796_000_000, href ?? "/alice/hallway-ash26/"];
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
    await waitFor(() => expect(screen.getByTestId("sync-result").textContent).toBe("Synced: 3 sent, 1 brought back, 0 removed; contacts: 2 written."));
    expect(backend.calls.find((c) => c.cmd === "sync_now")?.args).toEqual({ congressId: ash.id });
    await waitFor(() => expect(screen.getByTestId("sync-last").textContent).toMatch(/ASH26 syncs to the calendar Hallway · ASH26; last synced/));
  });

  it("saves what goes to the calendar as it is ticked", async () => {
    const backend = await open(true);
    await fireEvent.click(await screen.findByTestId("sync-now"));
    await fireEvent.click(await screen.findByTestId("sync-choice-follow_ups"));
    await waitFor(() => expect(backend.calls.filter((c) => c.cmd === "sync_set_choices")).toHaveLength(1));
    expect(backend.calls.find((c) => c.cmd === "sync_set_choices")?.args).toEqual({ congressId: ash.id, choices: { ...choices, follow_ups: false } });
    await fireEvent.change(screen.getByTestId("sync-choice-alarm"), { target: { value: "15" } });
    await waitFor(() => expect(backend.calls.filter((c) => c.cmd === "sync_set_choices")).toHaveLength(2));
    expect(backend.calls.filter((c) => c.cmd === "sync_set_choices")[1]?.args).toMatchObject({ choices: { alarm_minutes: 15, follow_ups: false } });
  });

  it("picks one of the server's calendars, then syncs to it", async () => {
    const backend = await open(true);
    await fireEvent.click(await screen.findByTestId("sync-choose-calendar"));
    const select = (await screen.findByTestId("sync-calendar")) as HTMLSelectElement;
    expect([...select.options].map((o) => o.textContent)).toEqual(['A new calendar "Hallway · ASH26"', "Work", "Personal"]);
    await fireEvent.change(select, { target: { value: "/alice/work/" } });
    await fireEvent.click(screen.getByTestId("sync-use-calendar"));
    await waitFor(() => expect(backend.calls.some((c) => c.cmd === "sync_now")).toBe(true));
    expect(backend.calls.find((c) => c.cmd === "sync_use_calendar")?.args).toEqual({ congressId: ash.id, href: "/alice/work/" });
    await waitFor(() => expect(screen.getByTestId("sync-last").textContent).toMatch(/syncs to the calendar Work/));
  });

  it("asks for the password again when the server refused it, and sends it for the same account", async () => {
    const backend = await open(true, {
      activity: { phase: "needs_password", done: 0, total: 0, waiting: 2, conflicts: 0, last_synced_at: null, message: "The server refused the password: re-enter it in Settings." },
    });
    await fireEvent.input(await screen.findByTestId("sync-password-again-field"), { target: { value: "new-secret" } });
    await fireEvent.click(screen.getByTestId("sync-password-save"));
    await waitFor(() => expect(backend.calls.some((c) => c.cmd === "sync_connect")).toBe(true));
    expect(backend.calls.find((c) => c.cmd === "sync_connect")?.args).toEqual({ url: alice.server_url, user: "alice", password: "new-secret" });
  });

  it("asks before it stops syncing, and stops only when confirmed", async () => {
    const backend = await open(true);
    await fireEvent.click(await screen.findByTestId("sync-now"));
    await fireEvent.click(await screen.findByTestId("sync-stop"));
    await fireEvent.click(await screen.findByTestId("confirm-cancel"));
    expect(backend.calls.some((c) => c.cmd === "sync_stop")).toBe(false);
    await fireEvent.click(screen.getByTestId("sync-stop"));
    await fireEvent.click(await screen.findByTestId("confirm-ok"));
    await waitFor(() => expect(backend.calls.some((c) => c.cmd === "sync_stop")).toBe(true));
    await waitFor(() => expect(screen.getByTestId("sync-last").textContent).toMatch(/has not been synced yet/));
  });

  it("says why a sync stopped", async () => {
    await open(true, { sync: () => ({ kind: "io", message: "The server could not be reached; Hallway will retry." }) });
    await fireEvent.click(await screen.findByTestId("sync-now"));
    await waitFor(() => expect(screen.getByTestId("sync-problem").textContent).toBe("The server could not be reached; Hallway will retry."));
  });

  it("chooses who gets a card when the server keeps address books, and says so when it does not", async () => {
    await open(true);
    expect((await screen.findByTestId("sync-no-contacts")).textContent).toMatch(/no address books \(CardDAV\)/);
    document.body.innerHTML = "";
    const backend = await open(true, { account: { ...alice, addressbook_home: "/alice/" } });
    const select = (await screen.findByTestId("sync-contacts")) as HTMLSelectElement;
    expect(select.value).toBe("targets");
    await fireEvent.change(select, { target: { value: "everyone" } });
    await waitFor(() => expect(backend.calls.find((c) => c.cmd === "sync_set_contacts")?.args).toEqual({ choice: "everyone" }));
  });
});
