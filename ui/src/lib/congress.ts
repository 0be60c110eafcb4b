// Why: pure rules about congresses that the screens share and the tests pin down: turning a saved
// congress into an editable draft, ordering the list, choosing which congress to plan next, and
// deciding which validation problems to show while the user is still typing.
import type { Congress, CongressDraft, CongressId, FieldProblem } from "./bindings";

export const DRAFT_FIELDS = [
  "name",
  "short_name",
  "series",
  "starts_on",
  "ends_on",
  "time_zone",
  "city",
  "venue",
  "website",
  "hashtags",
  "notes",
] as const satisfies readonly (keyof CongressDraft)[];

export type DraftField = (typeof DRAFT_FIELDS)[number];

export function isDraftField(field: string): field is DraftField {
  return (DRAFT_FIELDS as readonly string[]).includes(field);
}

export function emptyDraft(): CongressDraft {
  return {
    name: "",
    short_name: "",
    series: "other",
    starts_on: "",
    ends_on: "",
    time_zone: "",
    city: "",
    venue: "",
    website: "",
    hashtags: "",
    notes: "",
  };
}

export function draftFromCongress(c: Congress): CongressDraft {
  return {
    name: c.name,
    short_name: c.short_name ?? "",
    series: c.series,
    starts_on: c.starts_on,
    ends_on: c.ends_on,
    time_zone: c.time_zone,
    city: c.city ?? "",
    venue: c.venue ?? "",
    website: c.website ?? "",
    hashtags: c.hashtags.join(" "),
    notes: c.notes,
  };
}

/** Soonest first among those not yet over, then the most recent past ones. */
export function sortCongresses(list: Congress[], today: string): Congress[] {
  const upcoming = list.filter((c) => c.ends_on >= today).sort((a, b) => a.starts_on.localeCompare(b.starts_on));
  const past = list.filter((c) => c.ends_on < today).sort((a, b) => b.starts_on.localeCompare(a.starts_on));
  return [...upcoming, ...past];
}

/** The congress to plan when none is chosen: the next or running one, else the latest past one. */
export function nextCongressId(list: Congress[], today: string, except?: CongressId): CongressId | null {
  return sortCongresses(list.filter((c) => c.id !== except), today)[0]?.id ?? null;
}

/** Today as YYYY-MM-DD on this computer's calendar. */
export function todayIso(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/**
 * Problems worth showing now, one message per field (several joined). While typing, a field that
 * is still empty and untouched keeps quiet ("name is required" before you began is noise); after
 * a save attempt everything shows. Problems on unknown fields go under "" (a form-level message).
 */
export function visibleProblems(
  problems: FieldProblem[],
  draft: CongressDraft,
  touched: Partial<Record<DraftField, boolean>>,
  submitted: boolean,
): Record<string, string> {
  const shown: Record<string, string> = {};
  for (const p of problems) {
    const key = isDraftField(p.field) ? p.field : "";
    if (key && !submitted && !touched[key] && draft[key] === "") continue;
    shown[key] = shown[key] ? `${shown[key]} ${p.message}` : p.message;
  }
  return shown;
}
