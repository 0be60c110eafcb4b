// Why: a restore replaces all of the user's data, so these pin that it only happens after the
// backup was verified, its contents shown and the user said yes, with the path they chose; that a
// refused file shows the backend's reason and restores nothing; that "Back up now" says where the
// copy went; and that the outcome of a restore done at the last start is reported.
import { describe, expect, it } from "vitest";
import { fireEvent, render, screen, waitFor, within } from "@testing-library/svelte";
import BackupSection from "./BackupSection.svelte";
import { installFakeBackend, type FakeBackend } from "../../testing/fake-backend";
import { backupFile, DB_DIR, installFakeBackup, type FakeBackup } from "../../testing/fake-backup";

let backend: FakeBackend;
let fake: FakeBackup;

const text = (el: Element | null | undefined) => el?.textContent?.replace(/\s+/g, " ").trim();
const callsOf = (cmd: string) => backend.calls.filter((c) => c.cmd === cmd);
/** The i-th of a list that must have it. */
function nth<T>(list: T[], i: number): T {
  const found = list[i];
  if (found === undefined) throw new Error(`no item ${i} in a list of ${list.length}`);
  return found;
}
const older = backupFile({ path: `${DB_DIR}/hallway.sqlite3.v11.bak`, bytes: 900, modified: "2026-10-01T10:00:00Z", kind: "before_migration" });
const newer = backupFile();

async function open(init: Partial<FakeBackup> = {}) {
  backend = installFakeBackend();
  fake = installFakeBackup(backend, { backups: [newer, older], ...init });
  render(BackupSection);
  await waitFor(() => expect(screen.getAllByTestId("backup-item")).toHaveLength(fake.backups.length));
}

async function typePath(path: string) {
  await fireEvent.click(screen.getByTestId("restore-path-open"));
  await fireEvent.input(screen.getByTestId("restore-path"), { target: { value: path } });
  await fireEvent.click(screen.getByTestId("restore-path-submit"));
}

describe("Settings → Backups", () => {
  it("lists the copies newest first with size and why each was made", async () => {
    await open();
    const items = screen.getAllByTestId("backup-item");
    expect(items.map((i) => i.dataset.path)).toEqual([newer.path, older.path]);
    expect(text(nth(items, 0))).toContain("2.3 MB");
    expect(text(nth(items, 0))).toContain("Backed up by you");
    expect(text(nth(items, 1))).toContain("900 B");
    expect(text(nth(items, 1))).toContain("Before an update");
  });

  it("backs up now, says where the copy went and how big it is, and lists it first", async () => {
    await open();
    await fireEvent.click(screen.getByTestId("backup-now"));
    const made = `${DB_DIR}/hallway.sqlite3.2026-11-25T20-40-01.bak`;
    await waitFor(() => expect(text(screen.getByTestId("backup-result"))).toBe(`Saved a copy: ${made} (2.3 MB)`));
    expect(callsOf("backup_database")).toHaveLength(1);
    await waitFor(() => expect(nth(screen.getAllByTestId("backup-item"), 0).dataset.path).toBe(made));
  });

  it("shows the backend's reason for a file that fails verification, and never restores", async () => {
    const bad = "/home/doc/Downloads/notes.sqlite3";
    await open({ refuse: { [bad]: "it has no Hallway tables" } });
    await typePath(bad);
    await waitFor(() => expect(text(screen.getByTestId("restore-error"))).toBe(`${bad}: not a usable Hallway backup: it has no Hallway tables`));
    expect(callsOf("verify_backup")).toEqual([{ cmd: "verify_backup", args: { path: bad } }]);
    expect(screen.queryByTestId("confirm-dialog")).toBeNull();
    expect(callsOf("restore_database")).toEqual([]);
    expect(fake.scheduled).toBeNull();
  });

  it("shows what a listed backup holds, names what is replaced, and restores that path on confirm", async () => {
    await open();
    const item = nth(screen.getAllByTestId("backup-item"), 1);
    await fireEvent.click(within(item).getByTestId("backup-restore"));
    const dialog = await screen.findByTestId("confirm-dialog");
    const message = text(within(dialog).getByTestId("confirm-message"));
    expect(message).toContain("hallway.sqlite3.v11.bak");
    expect(message).toContain("2 congresses");
    expect(message).toContain("312 people");
    expect(message).toContain("18 meetings");
    expect(message).toContain("replaces everything now in Hallway");
    expect(message).toContain("Your current data will be kept aside as a safety copy");
    expect(callsOf("restore_database")).toEqual([]);

    await fireEvent.click(within(dialog).getByTestId("confirm-ok"));
    await waitFor(() => expect(text(screen.getByTestId("restore-result"))).toMatch(/scheduled\. Hallway is restarting/));
    expect(callsOf("restore_database")).toEqual([{ cmd: "restore_database", args: { path: older.path } }]);
    expect(fake.scheduled).toBe(older.path);
    expect(screen.queryByTestId("confirm-dialog")).toBeNull();
  });

  it("restores a file picked in the open dialog, filtered to backups", async () => {
    const picked = "/media/usb/hallway.sqlite3.2026-11-01T08-00-00.bak";
    await open({ openPath: picked });
    await fireEvent.click(screen.getByTestId("restore-file"));
    const dialog = await screen.findByTestId("confirm-dialog");
    const filters = (nth(callsOf("plugin:dialog|open"), 0).args.options as { filters: { extensions: string[] }[] }).filters;
    expect(nth(filters, 0).extensions).toEqual(["bak", "sqlite3"]);
    await fireEvent.click(within(dialog).getByTestId("confirm-ok"));
    await waitFor(() => expect(callsOf("restore_database")).toEqual([{ cmd: "restore_database", args: { path: picked } }]));
  });

  it("restores nothing when the user cancels", async () => {
    await open();
    await fireEvent.click(nth(screen.getAllByTestId("backup-restore"), 0));
    const dialog = await screen.findByTestId("confirm-dialog");
    await fireEvent.click(within(dialog).getByTestId("confirm-cancel"));
    await waitFor(() => expect(screen.queryByTestId("confirm-dialog")).toBeNull());
    expect(callsOf("restore_database")).toEqual([]);
  });

  it("says after the restart how the scheduled restore went", async () => {
    const safety = backupFile({ path: `${DB_DIR}/hallway.sqlite3.2026-11-25T20-41-00.before-restore.bak`, kind: "before_restore" });
    await open({
      backups: [safety, newer],
      status: { restored: { restored_from: newer.path, safety_copy: safety, check: { path: newer.path, schema_version: 12, rows: { people: 1 } } }, failed: null },
    });
    await waitFor(() => expect(text(screen.getByTestId("restore-result"))).toContain(`Restored from ${newer.path}`));
    expect(text(screen.getByTestId("restore-result"))).toContain(`kept as ${safety.path}`);
  });

  it("says when the scheduled restore failed at start-up", async () => {
    await open({ status: { restored: null, failed: "another program had the database open" } });
    await waitFor(() => expect(text(screen.getByTestId("restore-error"))).toContain("another program had the database open"));
    expect(text(screen.getByTestId("restore-error"))).toContain("your data was left as it was");
  });
});
