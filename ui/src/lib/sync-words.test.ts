// Why: the shell's sync status says the right thing in each phase, with counts in words.
import { describe, expect, it } from "vitest";
import type { SyncActivity } from "./bindings";
import { syncLine, syncReportText, syncedAt } from "./sync-words";

const base: SyncActivity = { phase: "idle", done: 0, total: 0, waiting: 0, conflicts: 0, last_synced_at: null, message: null };
const now = new Date(2026, 11, 6, 11, 0);
const at = (h: number, m: number, day = 6) => new Date(2026, 11, day, h, m).getTime() / 1000;

describe("syncLine", () => {
  it("says nothing when nothing syncs", () => {
    expect(syncLine({ ...base, phase: "off" }, now)).toBeNull();
  });

  it("shows when it last synced, with the day when not today", () => {
    expect(syncLine({ ...base, last_synced_at: at(10, 42) }, now)).toMatchObject({ short: "Synced 10:42", tone: "ok" });
    expect(syncedAt(at(9, 5, 5), now)).toBe("5 Dec 09:05");
  });

  it("counts progress, waiting changes and conflicts", () => {
    expect(syncLine({ ...base, phase: "syncing", done: 20, total: 300 }, now)?.short).toBe("Syncing 20 of 300");
    expect(syncLine({ ...base, phase: "syncing" }, now)?.short).toBe("Syncing…");
    expect(syncLine({ ...base, waiting: 1 }, now)?.short).toBe("1 change waiting");
    expect(syncLine({ ...base, conflicts: 2, last_synced_at: at(10, 0) }, now)).toMatchObject({ short: "2 meetings to resolve", tone: "warn" });
  });

  it("says what to do when it cannot sync", () => {
    const offline = syncLine({ ...base, phase: "offline", waiting: 3, message: "The server could not be reached; Hallway will retry." }, now);
    expect(offline).toMatchObject({ short: "Offline · 3 waiting", tone: "warn" });
    expect(offline?.long).toBe("The server could not be reached; Hallway will retry. 3 changes waiting.");
    expect(syncLine({ ...base, phase: "needs_password", message: null }, now)).toMatchObject({ short: "Re-enter password", tone: "problem" });
    expect(syncLine({ ...base, phase: "failed", message: "The server is full (error 507): free some space on it." }, now)?.long).toContain("507");
  });
});

describe("syncReportText", () => {
  const none = { pushed: 0, pulled: 0, removed: 0, conflicts: 0 };
  it("says what went where, contacts only when they moved", () => {
    expect(syncReportText({ calendar: none, contacts: none })).toBe("Already in step: nothing to send or bring back.");
    expect(syncReportText({ calendar: { ...none, pushed: 3, pulled: 1 }, contacts: none })).toBe("Synced: 3 sent, 1 brought back, 0 removed.");
    expect(syncReportText({ calendar: { ...none, conflicts: 1 }, contacts: { ...none, pushed: 2, removed: 1 } })).toBe(
      "Synced: 0 sent, 0 brought back, 0 removed, 1 changed on both sides; contacts: 2 written, 1 removed.",
    );
  });
});
