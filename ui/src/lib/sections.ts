// Why: the one list of top-level sections, so the sidebar, the bottom bar, the router and the
// empty states agree on names, order and what each section is for.

export type SectionId =
  | "today"
  | "program"
  | "people"
  | "meetings"
  | "goals"
  | "pitches"
  | "follow-ups"
  | "touch"
  | "congresses"
  | "settings";

export type Section = {
  id: SectionId;
  label: string;
  /** One sentence for the honest empty state: what the section will be for. */
  purpose: string;
  /** Shown in the narrow bottom bar; the rest sit behind "More". */
  primary: boolean;
  /** Planning sections belong to one congress; the others do not. */
  planning: boolean;
  /** Setup sections (congresses, settings) sit at the foot of the sidebar. */
  setup: boolean;
};

export const SECTIONS: readonly Section[] = [
  {
    id: "today",
    label: "Today",
    purpose:
      "What now, where and with whom: your next meetings and sessions, the people you still want to meet, and how your goals are going.",
    primary: true,
    planning: true,
    setup: false,
  },
  {
    id: "program",
    label: "Program",
    purpose: "The congress program by day, room and time, with the sessions you plan to attend and any clashes.",
    primary: true,
    planning: true,
    setup: false,
  },
  {
    id: "people",
    label: "People",
    purpose: "Everyone you know or want to meet, and your targets for this congress with their status.",
    primary: true,
    planning: true,
    setup: false,
  },
  {
    id: "meetings",
    label: "Meetings",
    purpose: "Your one-to-one meetings: when, where and why, with free slots and clashes shown.",
    primary: true,
    planning: true,
    setup: false,
  },
  {
    id: "goals",
    label: "Goals",
    purpose: "What you came to achieve, with progress worked out from your meetings and sessions.",
    primary: false,
    planning: true,
    setup: false,
  },
  {
    id: "pitches",
    label: "Pitches",
    purpose: "Short notes on what to say to each audience, with their speaking time for practice.",
    primary: false,
    planning: true,
    setup: false,
  },
  {
    id: "follow-ups",
    label: "Follow-ups",
    purpose: "What you owe people after meeting them: due dates, channel and a draft message.",
    primary: false,
    planning: true,
    setup: false,
  },
  {
    // Between congresses: where the app opens when none is running. Not in the phone bar, whose
    // four places are for the congress floor (UI.md); it sits first under "More".
    id: "touch",
    label: "Keep in touch",
    purpose:
      "The people you keep in touch with all year: who is due a check-in, the introductions and follow-ups you owe, and the next congress.",
    primary: false,
    planning: false,
    setup: false,
  },
  {
    id: "congresses",
    label: "Congresses",
    purpose: "The congresses you plan for: dates, venue, time zone and hashtags.",
    primary: false,
    planning: false,
    setup: true,
  },
  {
    id: "settings",
    label: "Settings",
    purpose: "Where your data lives, your home time zone, your working day and meeting defaults, and the app version.",
    primary: false,
    planning: false,
    setup: true,
  },
];

export function sectionById(id: SectionId): Section {
  // SECTIONS covers every SectionId, so the fallback never runs; it keeps the type total.
  return SECTIONS.find((s) => s.id === id) ?? (SECTIONS[0] as Section);
}

export function isSectionId(value: string): value is SectionId {
  return SECTIONS.some((s) => s.id === value);
}
