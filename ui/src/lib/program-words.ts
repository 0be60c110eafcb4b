// Why: what the Program screen says about kinds, imports and clashes, as pure functions so the
// exact wording is tested once and the screen, the CLI-like report and the agenda agree.
import type { CommandError, ImportReport, ProgramFormat, SessionKind, SkipReason, SkippedItem } from "./bindings";
import { NONE } from "./program-filter";
import { clockOf, dayOf, formatDayLabel } from "./venue-time";

export const KIND_LABELS: Record<SessionKind, string> = {
  plenary: "Plenary",
  oral: "Oral",
  poster: "Poster",
  education: "Education",
  satellite: "Satellite",
  social: "Social",
  break: "Break",
  other: "Other",
};

/** One shape per kind, so kinds differ without colour (badges and grid blocks). */
export const KIND_GLYPHS: Record<SessionKind, string> = {
  plenary: "★",
  oral: "●",
  poster: "■",
  education: "▲",
  satellite: "◆",
  social: "♥",
  break: "◌",
  other: "○",
};

/** Every kind in program order, for the kind filter. */
export const KINDS = Object.keys(KIND_LABELS) as SessionKind[];

export function isSessionKind(value: string): value is SessionKind {
  return value in KIND_LABELS;
}

export const FORMAT_LABELS: Record<ProgramFormat, string> = {
  ics: "iCalendar",
  frab_xml: "frab XML",
  pretalx_json: "pretalx JSON",
  csv: "CSV",
  sample: "sample program",
};

/** "Room 6A", or words for the "no room" / "no track" option. */
export function facetLabel(value: string, none: string): string {
  return value === NONE ? none : value;
}

const n = (x: number) => x.toLocaleString("en-US");

/** Backend messages may or may not end a sentence; the UI always does. */
const sentence = (text: string) => (/[.!?…]$/.test(text.trim()) ? text.trim() : `${text.trim()}.`);

/** "/home/me/schedule.xml" -> "schedule.xml" (either slash: paths may come from Windows). */
export function fileName(path: string): string {
  return path.split(/[\\/]/).filter(Boolean).at(-1) ?? path;
}

/**
 * "Imported from schedule.xml (frab XML): 812 added, 3 updated, 0 unchanged, 2 withdrawn; 154 new people"
 * The sample program has no file: "Loaded the sample program: 40 added, …".
 */
export function importReportText(report: ImportReport, path: string | null): string {
  // Only a refresh that found the subscribed program unchanged reads nothing (a file with no items is refused).
  if (report.added + report.updated + report.unchanged + report.withdrawn + report.skipped === 0 && path !== null) {
    return `${fileName(path)} has not changed since it was last fetched: nothing to import.`;
  }
  const counts = `${n(report.added)} added, ${n(report.updated)} updated, ${n(report.unchanged)} unchanged, ${n(report.withdrawn)} withdrawn`;
  const people = `${n(report.people_added)} new ${report.people_added === 1 ? "person" : "people"}`;
  const source =
    report.format === "sample" || path === null
      ? "Loaded the sample program"
      : `Imported from ${fileName(path)} (${FORMAT_LABELS[report.format]})`;
  const skipped = report.skipped > 0 ? `; ${n(report.skipped)} skipped` : "";
  return `${source}: ${counts}; ${people}${skipped}`;
}

export const SKIP_REASON_WORDS: Record<SkipReason, string> = {
  outside_dates: "outside the congress days",
  duplicate: "the same session is in the file already",
  older_version: "older version of an event the file also has in a newer version",
  no_start: "the event has no start (DTSTART)",
};

/**
 * "Fri 5 Dec 2025 20:00 · Opening party · line 42 · outside the congress days". The year is
 * always there: a skipped item is often from another year.
 */
export function skippedItemText(item: SkippedItem): string {
  const start = item.starts_at;
  const when = start === null ? "No start" : `${formatDayLabel(dayOf(start))} ${dayOf(start).slice(0, 4)} ${clockOf(start)}`;
  return `${when} · ${item.title} · line ${n(item.line)} · ${SKIP_REASON_WORDS[item.reason]}`;
}

/** "Show the 62 skipped items" / "Show the skipped item"; notes when the list is cut. */
export function skippedSummary(report: ImportReport): string {
  const listed = report.skipped_items.length;
  if (report.skipped === 1) return "Show the skipped item";
  const cut = listed < report.skipped ? ` (the first ${n(listed)} listed)` : "";
  return `Show the ${n(report.skipped)} skipped items${cut}`;
}

/** The failure of an import, in words, naming the file and line when the reader knows them. */
export function importErrorText(error: CommandError, path: string | null): string {
  switch (error.kind) {
    case "cancelled":
      return "Import cancelled; nothing was changed.";
    case "import": {
      const where = error.line === null ? fileName(error.file) : `${fileName(error.file)}, line ${n(error.line)}`;
      return `Could not import ${where}: ${sentence(error.message)} Nothing was changed.`;
    }
    case "io":
      return `Could not read ${path ? fileName(path) : "the file"}: ${sentence(error.message)} Nothing was changed.`;
    case "not_found":
      return "The congress no longer exists; nothing was imported.";
    default:
      return `The import failed: ${sentence(error.message)} Nothing was changed.`;
  }
}

/** "1,200 of 9,000 sessions" */
export function progressText(done: number, total: number): string {
  if (total <= 0) return "Reading the file…";
  return `${n(done)} of ${n(total)} sessions`;
}

/** "overlaps 11:00–11:30 EST with Oral abstracts — AML" */
export function overlapText(range: string, otherTitle: string): string {
  return `overlaps ${range} with ${otherTitle}`;
}
