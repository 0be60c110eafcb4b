// Why: words and dates shown to the user, as pure functions so they are tested once and read the
// same everywhere. English only for now; dates are calendar days (no time zone arithmetic).
import type { Congress, CongressContents, Series } from "./bindings";

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

type Day = { year: number; month: number; day: number };

function parseDay(iso: string): Day | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  return { year, month, day };
}

const monthName = (d: Day) => MONTHS[d.month - 1] ?? "";

/**
 * "Dec 5–8, 2026", "Nov 30 – Dec 3, 2026", "Dec 30, 2026 – Jan 2, 2027" or "Dec 5, 2026".
 * Unreadable input is shown as given rather than hidden.
 */
export function formatDateRange(startsOn: string, endsOn: string): string {
  const a = parseDay(startsOn);
  const b = parseDay(endsOn);
  if (!a || !b) return [startsOn, endsOn].filter(Boolean).join(" – ");
  if (a.year !== b.year) {
    return `${monthName(a)} ${a.day}, ${a.year} – ${monthName(b)} ${b.day}, ${b.year}`;
  }
  if (a.month !== b.month) {
    return `${monthName(a)} ${a.day} – ${monthName(b)} ${b.day}, ${b.year}`;
  }
  if (a.day !== b.day) return `${monthName(a)} ${a.day}–${b.day}, ${a.year}`;
  return `${monthName(a)} ${a.day}, ${a.year}`;
}

export const SERIES_LABELS: Record<Series, string> = {
  ash: "ASH",
  eha: "EHA",
  iach: "IACH",
  ebmt: "EBMT",
  other: "Other",
};

/** "Dec 5–8, 2026 · San Diego · America/Los_Angeles" */
export function congressSummary(c: Congress): string {
  return [formatDateRange(c.starts_on, c.ends_on), c.city, c.time_zone]
    .filter((part): part is string => Boolean(part && part.trim()))
    .join(" · ");
}

/** The short name when there is one, else the full name: for tight places like the switcher. */
export function congressLabel(c: Congress): string {
  return c.short_name?.trim() || c.name;
}

function count(n: number, one: string, many: string): string {
  return `${n.toLocaleString("en-US")} ${n === 1 ? one : many}`;
}

/** "every 3 months" -> "Every 3 months": words written to run on in a sentence, at the start of a line. */
export function sentenceCase(words: string): string {
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** "a, b and c" */
export function joinWords(items: string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`;
}

/** "812 sessions, 14 targets and 3 meetings", only the non-zero kinds; "" when it holds nothing. */
export function contentsPhrase(c: CongressContents): string {
  const parts: string[] = [];
  if (c.sessions) parts.push(count(c.sessions, "session", "sessions"));
  if (c.targets) parts.push(count(c.targets, "target", "targets"));
  if (c.meetings) parts.push(count(c.meetings, "meeting", "meetings"));
  if (c.goals) parts.push(count(c.goals, "goal", "goals"));
  if (c.pitches) parts.push(count(c.pitches, "pitch", "pitches"));
  return joinWords(parts);
}

/**
 * The body of the delete confirmation. `contents` is null when it could not be counted; the
 * sentence then still warns that everything planned for the congress goes with it.
 */
export function deleteCongressMessage(name: string, contents: CongressContents | null): string {
  if (!contents) return `This deletes ${name} and everything planned for it. This cannot be undone.`;
  const phrase = contentsPhrase(contents);
  if (!phrase) return `This deletes ${name}. Nothing has been planned for it yet.`;
  return `This deletes ${name} and its ${phrase}. This cannot be undone.`;
}
