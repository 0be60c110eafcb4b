// Why: what the shell's sync status and Settings say about the background sync, in one place and
// testable without a screen: a short line for the status, a longer one for its tooltip and for
// screen readers, and a tone for its colour (never the only sign).
import type { Choice, SyncActivity, SyncNowReport, SyncReport } from "./bindings";

export type SyncTone = "ok" | "busy" | "warn" | "problem";
export type SyncLine = { short: string; long: string; tone: SyncTone };

const plural = (n: number, one: string, many: string) => (n === 1 ? `1 ${one}` : `${n.toLocaleString("en-US")} ${many}`);

/** "10:42", or "5 Dec 10:42" when not today. */
export function syncedAt(seconds: number, now: Date = new Date()): string {
  const at = new Date(seconds * 1000);
  const time = at.toLocaleTimeString("en-GB", { hour: "2-digit", minute: "2-digit" });
  return at.toDateString() === now.toDateString() ? time : `${at.toLocaleDateString("en-GB", { day: "numeric", month: "short" })} ${time}`;
}

/** What the shell shows; null when nothing syncs (no server, or no congress set to sync). */
export function syncLine(a: SyncActivity, now: Date = new Date()): SyncLine | null {
  const waiting = a.waiting > 0 ? plural(a.waiting, "change waiting", "changes waiting") : "";
  const conflicts = a.conflicts > 0 ? plural(a.conflicts, "meeting to resolve", "meetings to resolve") : "";
  const extra = [waiting, conflicts].filter(Boolean).join(", ");
  switch (a.phase) {
    case "off":
      return null;
    case "syncing": {
      const short = a.total > 0 ? `Syncing ${a.done} of ${a.total}` : "Syncing…";
      return { short, long: `${short} with your calendar server.`, tone: "busy" };
    }
    case "idle": {
      const last = a.last_synced_at === null ? "" : `Synced ${syncedAt(a.last_synced_at, now)}`;
      if (conflicts) return { short: conflicts, long: `${last || "Synced"}; ${conflicts}: open Settings to choose.`, tone: "warn" };
      if (waiting) return { short: waiting, long: `${waiting}; they go to the server with the next sync.`, tone: "busy" };
      return { short: last || "In step", long: last ? `${last}: the calendar server has your plan.` : "In step with your calendar server.", tone: "ok" };
    }
    case "offline":
      return { short: waiting ? `Offline · ${a.waiting} waiting` : "Offline", long: `${a.message ?? "The server could not be reached."}${extra ? ` ${cap(extra)}.` : ""}`, tone: "warn" };
    case "needs_password":
      return { short: "Re-enter password", long: a.message ?? "The server refused the password: re-enter it in Settings.", tone: "problem" };
    case "failed":
      return { short: "Sync stopped", long: a.message ?? "The last sync stopped.", tone: "problem" };
  }
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** Who gets a card in the server's address book, as Settings offers it. */
export const CONTACT_CHOICES: { value: Choice; label: string }[] = [
  { value: "targets", label: "The targets of the congresses that sync" },
  { value: "everyone", label: "Everyone in People" },
  { value: "off", label: "No one (remove Hallway's cards)" },
];

const moved = (r: SyncReport) => r.pushed + r.pulled + r.removed + r.conflicts;

/** What "Sync now" did, in one sentence. */
export function syncReportText({ calendar: r, contacts: c }: SyncNowReport): string {
  if (moved(r) + moved(c) === 0) return "Already in step: nothing to send or bring back.";
  const parts = [`${r.pushed} sent`, `${r.pulled} brought back`, `${r.removed} removed`];
  if (r.conflicts > 0) parts.push(`${r.conflicts} changed on both sides`);
  const cards = [c.pushed > 0 ? `${c.pushed} written` : "", c.removed > 0 ? `${c.removed} removed` : ""].filter(Boolean);
  return `Synced: ${parts.join(", ")}${cards.length ? `; contacts: ${cards.join(", ")}` : ""}.`;
}
