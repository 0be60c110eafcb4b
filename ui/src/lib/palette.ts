// Why: the command palette (Ctrl+K) jumps to any screen, person, session, meeting or goal and runs
// the everyday actions. What it offers for a query, how things match and which were used last are
// pure functions here, tested once; the palette component only renders them and runs the choice.
import type { Goal, GoalId, Meeting, MeetingId, PersonId, PersonSummary, Session, SessionId } from "./bindings";
import { SECTIONS, type SectionId } from "./sections";
import { clockOf, dayOf, formatDayLabel } from "./venue-time";

/** What choosing an entry does; plain data, so recent choices can be stored and offered again. */
export type PaletteTarget =
  | { kind: "screen"; id: SectionId }
  | { kind: "person"; id: PersonId }
  | { kind: "session"; id: SessionId }
  | { kind: "meeting"; id: MeetingId }
  | { kind: "goal"; id: GoalId }
  | { kind: "book"; id: PersonId; name: string }
  | { kind: "attend"; id: SessionId }
  | { kind: "action"; id: ActionId };

export type ActionId = "new-meeting" | "met-someone" | "export-calendar" | "import-program" | "shortcuts";

export type PaletteGroup = "Recent" | "Actions" | "Screens" | "People" | "Sessions" | "Meetings" | "Goals";

export type PaletteEntry = {
  /** Unique among the entries; also the Command item's value. */
  key: string;
  group: PaletteGroup;
  label: string;
  /** A second line: institution, day and room, status. */
  detail?: string;
  /** The keys that do the same without the palette, shown beside it. */
  shortcut?: string;
  target: PaletteTarget;
};

/** Actions, with the words they are found by besides their label. */
export const ACTIONS: readonly { id: ActionId; label: string; words: string; shortcut?: string }[] = [
  { id: "new-meeting", label: "New meeting", words: "book meeting one-to-one coffee add" },
  { id: "met-someone", label: "Met someone", words: "log met interaction note" },
  { id: "export-calendar", label: "Export calendar…", words: "ics calendar export plan save" },
  { id: "import-program", label: "Import program…", words: "program schedule import file ics xml json csv" },
  { id: "shortcuts", label: "Keyboard shortcuts", words: "keys help keyboard", shortcut: "?" },
];

/** Every shortcut Hallway has, as the shortcuts list and the palette show them. */
export const SHORTCUTS: readonly { keys: string; what: string }[] = [
  { keys: "Ctrl+K", what: "Open the command palette: jump anywhere, run an action" },
  { keys: "?", what: "Show these shortcuts" },
  { keys: "N", what: "New item in the current section (congress, meeting, goal, pitch, person; Met someone on Today)" },
  { keys: "/", what: "Search in the current section" },
  { keys: "Esc", what: "Close a dialog or a side panel" },
  { keys: "↑ ↓", what: "Move through the palette's and pickers' lists" },
  { keys: "Enter", what: "Choose the highlighted entry" },
];

/** Lower case without accents, for matching as the screens' searches do ("odegard" finds "Ødegård"). */
export function fold(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/[øØ]/g, "o")
    .replace(/[æÆ]/g, "ae")
    .replace(/ß/g, "ss")
    .replace(/[łŁ]/g, "l")
    .replace(/[đĐðÐ]/g, "d")
    .toLowerCase();
}

/** True when every word typed starts a word of `text` (in any order), accents and case ignored. */
export function matches(text: string, query: string): boolean {
  const words = fold(text).split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  return fold(query)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .every((typed) => words.some((word) => word.startsWith(typed)));
}

/** The screens whose name matches, all of them for an empty query. */
export function screenEntries(query: string): PaletteEntry[] {
  return SECTIONS.filter((s) => !query.trim() || matches(`${s.label} ${s.id}`, query)).map((s) => ({
    key: `screen:${s.id}`,
    group: "Screens",
    label: s.label,
    target: { kind: "screen", id: s.id },
  }));
}

/** The actions whose words match; "New meeting with …" for the first people found. */
export function actionEntries(query: string, people: readonly PersonSummary[] = []): PaletteEntry[] {
  const actions: PaletteEntry[] = ACTIONS.filter((a) => !query.trim() || matches(`${a.label} ${a.words}`, query)).map(
    (a) => ({ key: `action:${a.id}`, group: "Actions", label: a.label, shortcut: a.shortcut, target: { kind: "action", id: a.id } }),
  );
  const booking: PaletteEntry[] = people.slice(0, 2).map((p) => ({
    key: `book:${p.id}`,
    group: "Actions",
    label: `New meeting with ${p.display_name}`,
    detail: where(p),
    target: { kind: "book", id: p.id, name: p.display_name },
  }));
  return [...booking, ...actions];
}

/** "Hospital Clínic, Barcelona": what tells two people of one name apart. */
function where(p: PersonSummary): string | undefined {
  return [p.institution, p.city].filter(Boolean).join(", ") || undefined;
}

export function personEntries(people: readonly PersonSummary[], limit = 8): PaletteEntry[] {
  return people.slice(0, limit).map((p) => ({
    key: `person:${p.id}`,
    group: "People",
    label: p.display_name,
    detail: where(p),
    target: { kind: "person", id: p.id },
  }));
}

/** "Sat 5 Dec 09:00 · Hall B" */
function when(startsAt: string, place: string | null | undefined): string {
  const at = `${formatDayLabel(dayOf(startsAt))} ${clockOf(startsAt)}`;
  return place ? `${at} · ${place}` : at;
}

/** The sessions found (in the search's order), and "Mark attending" for the first unmarked ones. */
export function sessionEntries(sessions: readonly Session[], limit = 8): PaletteEntry[] {
  const shown = sessions.slice(0, limit);
  const open: PaletteEntry[] = shown.map((s) => ({
    key: `session:${s.id}`,
    group: "Sessions",
    label: s.title,
    detail: when(s.starts_at, s.room),
    target: { kind: "session", id: s.id },
  }));
  const attend: PaletteEntry[] = shown
    .filter((s) => s.attendance !== "attending" && !s.withdrawn)
    .slice(0, 2)
    .map((s) => ({
      key: `attend:${s.id}`,
      group: "Actions",
      label: `Mark attending: ${s.title}`,
      detail: when(s.starts_at, s.room),
      target: { kind: "attend", id: s.id },
    }));
  return [...attend, ...open];
}

export function meetingEntries(meetings: readonly Meeting[], query: string, limit = 6): PaletteEntry[] {
  return meetings
    .filter((m) => matches(`${m.title} ${m.place} ${m.people.map((p) => p.display_name).join(" ")}`, query))
    .slice(0, limit)
    .map((m) => ({
      key: `meeting:${m.id}`,
      group: "Meetings",
      label: m.title,
      detail: when(m.starts_at, m.place || null),
      target: { kind: "meeting", id: m.id },
    }));
}

export function goalEntries(goals: readonly Goal[], query: string, limit = 6): PaletteEntry[] {
  return goals
    .filter((g) => matches(g.title, query))
    .slice(0, limit)
    .map((g) => ({ key: `goal:${g.id}`, group: "Goals", label: g.title, target: { kind: "goal", id: g.id } }));
}

/** How many recent choices are kept and offered when nothing is typed. */
export const RECENT_LIMIT = 6;

/** `entry` first, without an older copy of itself, at most RECENT_LIMIT. */
export function remember(recent: readonly PaletteEntry[], entry: PaletteEntry): PaletteEntry[] {
  const kept = { ...entry, group: "Recent" as const };
  return [kept, ...recent.filter((r) => r.key !== entry.key)].slice(0, RECENT_LIMIT);
}

/** Recent choices read back from storage; anything malformed is dropped rather than trusted. */
export function parseRecent(stored: string | null): PaletteEntry[] {
  if (!stored) return [];
  try {
    const value: unknown = JSON.parse(stored);
    if (!Array.isArray(value)) return [];
    return value
      .filter(
        (e): e is PaletteEntry =>
          typeof e === "object" &&
          e !== null &&
          typeof e.key === "string" &&
          typeof e.label === "string" &&
          typeof e.target === "object" &&
          e.target !== null &&
          typeof e.target.kind === "string",
      )
      .map((e) => ({ ...e, group: "Recent" as const }))
      .slice(0, RECENT_LIMIT);
  } catch {
    return [];
  }
}
