// Why: the words Settings → Backups uses for a copy of the database (its size, its date, why it was
// made, what it holds) and for a refusal, kept out of the component so the wording has one home.
// A backup the backend refuses comes back as `invalid` with the reason in its message; the generic
// "Some fields need attention." would hide exactly what the user needs to read.
import { open } from "@tauri-apps/plugin-dialog";
import { commands, type BackupCheck, type BackupFile, type BackupKind, type CommandError, type RestoreStatus, type Result } from "./bindings";
import { describeError, settle } from "./api";

export const BACKUP_FILTERS = [{ name: "Hallway backups", extensions: ["bak", "sqlite3"] }];

export const backupNow = () => settle(() => commands.backupDatabase());
export const listBackups = () => settle(() => commands.listBackups());
export const verifyBackup = (path: string) => settle(() => commands.verifyBackup(path));
export const restoreDatabase = (path: string) => settle(() => commands.restoreDatabase(path));

/** How the restore scheduled by the previous run went; null when it could not be asked. */
export async function restoreStatus(): Promise<RestoreStatus | null> {
  try {
    return await commands.restoreStatus();
  } catch {
    return null;
  }
}

/** The OS open dialog for a backup file; `null` when the user closed it. */
export async function chooseBackupFile(): Promise<Result<string | null, CommandError>> {
  try {
    const picked = await open({ title: "Restore from a backup", multiple: false, directory: false, filters: BACKUP_FILTERS });
    return { status: "ok", data: typeof picked === "string" ? picked : null };
  } catch (e) {
    const why = e instanceof Error ? e.message : typeof e === "object" && e && "message" in e ? String(e.message) : String(e);
    return { status: "error", error: { kind: "io", message: `The file dialog could not open: ${why}` } };
  }
}

/** "812 KB", "3.4 MB": enough to tell a full copy from an empty one. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ["KB", "MB", "GB"];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value < 10 ? value.toFixed(1) : Math.round(value)} ${units[unit]}`;
}

/** The file's local date and time, or the stored text when it cannot be read as a date. */
export function formatWhen(iso: string): string {
  const when = new Date(iso);
  if (Number.isNaN(when.getTime())) return iso;
  return when.toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" });
}

export const KIND_LABELS: Record<BackupKind, string> = {
  manual: "Backed up by you",
  before_migration: "Before an update",
  before_restore: "Before a restore",
};

/** The last part of a path, on either kind of separator. */
export function fileName(path: string): string {
  return path.split(/[\\/]/).filter(Boolean).at(-1) ?? path;
}

const TABLE_LABELS: [string, string, string][] = [
  ["congresses", "congress", "congresses"],
  ["sessions", "session", "sessions"],
  ["people", "person", "people"],
  ["targets", "target", "targets"],
  ["meetings", "meeting", "meetings"],
  ["pitches", "pitch", "pitches"],
  ["goals", "goal", "goals"],
  ["interactions", "note", "notes"],
  ["follow_ups", "follow-up", "follow-ups"],
];

/** "3 congresses, 412 people, 18 meetings": the tables a user knows by name, link tables left out. */
export function describeContents(check: BackupCheck): string {
  const parts = TABLE_LABELS.map(([table, one, many]) => {
    const n = check.rows[table] ?? 0;
    return `${n} ${n === 1 ? one : many}`;
  });
  return parts.join(", ");
}

/** What went wrong with a backup or a restore, in the backend's words where they say more. */
export function backupErrorText(error: CommandError): string {
  switch (error.kind) {
    case "invalid":
    case "conflict":
      return error.message;
    case "io":
      return `The file could not be read or written: ${error.message}`;
    default:
      return describeError(error);
  }
}

export type { BackupCheck, BackupFile };
