// Why: the backup commands (backup_database, list_backups, verify_backup, restore_database,
// restore_status) and the OS open dialog for component tests, kept out of the shared
// fake-backend.ts: installFakeBackup(backend) answers them on top of installFakeBackend, logs them
// in backend.calls like every other command, and refuses a file as the core does (`invalid`, the
// reason in the message), so tests only look at what was sent and what the user sees.
import type { BackupCheck, BackupFile, CommandError, RestoreStatus } from "../lib/bindings";
import { answerCommands, type FakeBackend } from "./fake-backend";

export const DB_DIR = "/home/doc/.local/share/hallway";

export type FakeBackup = {
  /** The copies list_backups answers, newest first; backup_database puts new ones in front. */
  backups: BackupFile[];
  /** Files verify_backup (and restore_database) refuse, with the reason. */
  refuse: Record<string, string>;
  /** The rows verify_backup reports for any file it accepts. */
  rows: BackupCheck["rows"];
  /** What the OS open dialog answers (null: the user closed it). */
  openPath: string | null;
  /** What restore_status answers (the restore scheduled by the "previous run"). */
  status: RestoreStatus;
  /** The path restore_database scheduled, if any. */
  scheduled: string | null;
  /** When set, backup_database fails with this error. */
  backupError: CommandError | null;
};

const COMMANDS = new Set(["backup_database", "list_backups", "verify_backup", "restore_database", "restore_status", "plugin:dialog|open"]);

export const backupFile = (over: Partial<BackupFile> = {}): BackupFile => ({
  path: `${DB_DIR}/hallway.sqlite3.2026-11-20T09-00-00.bak`,
  bytes: 2_457_600,
  modified: "2026-11-20T08:00:00Z",
  kind: "manual",
  ...over,
});

/** Call after installFakeBackend (which it extends). */
export function installFakeBackup(b: FakeBackend, init: Partial<FakeBackup> = {}): FakeBackup {
  const f: FakeBackup = {
    backups: [],
    refuse: {},
    rows: { congresses: 2, sessions: 840, people: 312, targets: 40, meetings: 18, pitches: 3, goals: 5, interactions: 27, follow_ups: 9 },
    openPath: null,
    status: { restored: null, failed: null },
    scheduled: null,
    backupError: null,
    ...init,
  };
  let made = 0;
  const verify = (path: string): BackupCheck => {
    const reason = f.refuse[path];
    if (reason !== undefined) {
      throw { kind: "invalid", message: `${path}: not a usable Hallway backup: ${reason}`, problems: [{ field: "backup", message: reason }] } satisfies CommandError;
    }
    return { path, schema_version: 12, rows: { ...f.rows } };
  };
  answerCommands(b, COMMANDS, (cmd, args) => {
    switch (cmd) {
      case "plugin:dialog|open":
        return f.openPath;
      case "backup_database": {
        if (f.backupError) throw f.backupError;
        made += 1;
        const file = backupFile({ path: `${DB_DIR}/hallway.sqlite3.2026-11-25T20-40-0${made}.bak`, modified: `2026-11-25T19:40:0${made}Z` });
        f.backups = [file, ...f.backups];
        return file;
      }
      case "list_backups":
        return f.backups;
      case "verify_backup":
        return verify(args.path as string);
      case "restore_database": {
        const check = verify(args.path as string);
        f.scheduled = check.path;
        return check;
      }
      default:
        return f.status;
    }
  });
  return f;
}
