// Why: one place for what every export button shares: asking the OS save dialog for a path (with
// a sensible file name and the right filter), calling the export commands without ever throwing,
// and saying in words what was written, or what went wrong, so the Meetings screen, a meeting
// row, a person page and Settings → My card all read the same.
import { save } from "@tauri-apps/plugin-dialog";
import { commands, type Congress, type ExportOptions, type Settings, type Written } from "./bindings";
import { describeError, settle, type CommandError, type Result } from "./api";

export const ICS_FILTERS = [{ name: "Calendar", extensions: ["ics"] }];
export const VCARD_FILTERS = [{ name: "Contact card", extensions: ["vcf"] }];

/** The reminder choices offered; `null` is "no reminder". */
export const ALARM_CHOICES: readonly (number | null)[] = [null, 5, 10, 15, 30, 60];

export function alarmLabel(minutes: number | null): string {
  if (minutes === null) return "No reminder";
  if (minutes === 60) return "1 hour before";
  return `${minutes} minutes before`;
}

/** The offered choices plus a stored value that is not one of them (set elsewhere). */
export function alarmChoices(current: number | null): (number | null)[] {
  return ALARM_CHOICES.includes(current) ? [...ALARM_CHOICES] : [...ALARM_CHOICES, current].sort((a, b) => (a ?? -1) - (b ?? -1));
}

/** `<select>` values are text: "" is no reminder. */
export const alarmValue = (minutes: number | null): string => (minutes === null ? "" : String(minutes));
export const alarmFromValue = (value: string): number | null => (value === "" ? null : Number(value));

/** What the export dialog starts with: everything but the maybes, reminders as in Settings. */
export function defaultExportOptions(s: Settings | null): ExportOptions {
  return { meetings: true, sessions: true, maybes: false, follow_ups: true, cancelled: true, alarm_minutes: s ? s.alarm_minutes : 15 };
}

/** A file name any OS accepts: no path separators, reserved or control characters. */
export function safeFileName(name: string, fallback = "export"): string {
  const cleaned = name
    .replace(/[\\/:*?"<>|\p{Cc}]+/gu, " ")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/^\.+/, "")
    .slice(0, 80)
    .trim();
  return cleaned || fallback;
}

/** "ASH26-plan.ics" (the short name, else the full name). */
export function planFileName(congress: Pick<Congress, "name" | "short_name">): string {
  return `${safeFileName(congress.short_name?.trim() || congress.name, "congress")}-plan.ics`;
}

/** The last part of a path, for "…/ASH26-plan.ics". */
export function shortPath(path: string): string {
  const parts = path.split(/[\\/]/).filter(Boolean);
  const last = parts.at(-1) ?? path;
  return parts.length > 1 ? `…/${last}` : last;
}

/** "Saved 42 events to …/ASH26-plan.ics", "Saved the card to …/ana.vcf". */
export function writtenText(w: Written, what: "events" | "card"): string {
  if (what === "card") return `Saved the card to ${shortPath(w.path)}`;
  const count = w.events === 1 ? "1 event" : `${w.events.toLocaleString("en-US")} events`;
  return `Saved ${count} to ${shortPath(w.path)}`;
}

/** An export's failure in words: the backend's own sentences for what it refused. */
export function exportErrorText(error: CommandError): string {
  switch (error.kind) {
    case "invalid":
      return error.problems.length > 0 ? error.problems.map((p) => p.message).join(" ") : error.message;
    case "io":
      return `The file could not be written: ${error.message}`;
    case "not_found":
      return "That item no longer exists.";
    default:
      return describeError(error);
  }
}

/** The OS save dialog; `null` when the user closed it, an io error when it could not open. */
export async function chooseSavePath(
  title: string,
  defaultPath: string,
  filters: { name: string; extensions: string[] }[],
): Promise<Result<string | null, CommandError>> {
  try {
    return { status: "ok", data: await save({ title, defaultPath, filters }) };
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    return { status: "error", error: { kind: "io", message: `The save dialog could not open: ${why}` } };
  }
}

export const exportPlan = (congressId: number, options: ExportOptions, path: string) =>
  settle(() => commands.exportIcs(congressId, options, path));
export const exportMeeting = (meetingId: number, path: string) => settle(() => commands.exportMeetingIcs(meetingId, path));
export const exportPerson = (personId: number, path: string) => settle(() => commands.exportPersonVcard(personId, path));
export const exportMyCard = (path: string) => settle(() => commands.exportMyCard(path));
export const myCardQr = () => settle(() => commands.myCardQr());

/** An SVG document as an `<img>` source (never markup in the page). */
export function svgDataUrl(svg: string): string {
  return "data:image/svg+xml;base64," + btoa(unescape(encodeURIComponent(svg)));
}

/**
 * Save dialog, then `write`: the text to show, or null when the user closed the dialog.
 * Used by the one-click exports (a meeting, a person, my card).
 */
export async function saveAs(
  title: string,
  defaultPath: string,
  filters: { name: string; extensions: string[] }[],
  write: (path: string) => Promise<Result<Written, CommandError>>,
  what: "events" | "card",
): Promise<{ ok: boolean; text: string } | null> {
  const picked = await chooseSavePath(title, defaultPath, filters);
  if (picked.status === "error") return { ok: false, text: exportErrorText(picked.error) };
  if (picked.data === null) return null;
  const res = await write(picked.data);
  return res.status === "ok" ? { ok: true, text: writtenText(res.data, what) } : { ok: false, text: exportErrorText(res.error) };
}
