// Why: the Today and settings-rules part of the test stand-in for the Rust side, kept apart from
// fake-backend.ts so each fake stays readable; it layers on installFakeBackend.
import type { CommandError, FieldProblem, Interaction, Person, Settings, Target, TargetStatus } from "../lib/bindings";
import { person, type FakeBackend, type TauriInvoke } from "./fake-backend";
// ───────────────────────────────────────────────────────────────────────────────────────────────
// Today (today, met_someone, snooze_target) and the settings rules, for today.svelte.ts, the Today
// screen and Settings. Like the blocks above it sits on top of installFakeBackend and leaves the
// shared switch alone. installFakeToday answers `today` from `view` with the targets worked out
// from backend.targets (open and not snoozed at view.now), so a snooze or a "met" shows on the
// next fetch; installFakeSettingsRules makes update_settings refuse what the core refuses.
// ───────────────────────────────────────────────────────────────────────────────────────────────
import type { DayItem, DayProgress, MetResult, MetSomeone, Today } from "../lib/bindings";

/** An agenda item as `today` returns it: by default an oral session, Saturday 10:30–11:30 EST. */
export function dayItem(overrides: Partial<DayItem> = {}): DayItem {
  return {
    item: { type: "session", id: 1 },
    title: "Session",
    place: "Room 6A",
    starts_at: "2026-12-05T10:30:00-05:00",
    ends_at: "2026-12-05T11:30:00-05:00",
    people: [],
    purpose: "",
    meeting_status: null,
    session_kind: "oral",
    clashes_with: [],
    pitch: null,
    ...overrides,
  };
}

/** A meeting as an agenda item (confirmed, with one person). */
export function meetingItem(id: number, overrides: Partial<DayItem> = {}): DayItem {
  return dayItem({ item: { type: "meeting", id }, title: `Meeting ${id}`, place: "Café Bleu", people: ["Ana Sánchez"], meeting_status: "confirmed", session_kind: null, ...overrides });
}

export function dayProgress(overrides: Partial<DayProgress> = {}): DayProgress {
  return { meetings_today: 0, meetings_done_today: 0, sessions_today: 0, people_met_today: 0, targets_met: 0, targets_total: 0, ...overrides };
}

/** The day as `today` returns it: Saturday 5 Dec 2026, 10:00 EST, congress 1 running, nothing on. */
export function todayView(overrides: Partial<Today> = {}): Today {
  return {
    congress_id: 1,
    now: "2026-12-05T10:00:00-05:00",
    day: "2026-12-05",
    running: true,
    current: [],
    next: null,
    later: [],
    targets_left: [],
    snoozed: 0,
    progress: dayProgress(),
    goals: [],
    ...overrides,
  };
}

export type FakeToday = {
  /** The day; targets_left, snoozed and the target counts come from backend.targets. */
  view: Today;
  /** What `today` answers; by default `view` with the targets worked out. */
  today: (congressId: number) => Today;
};

const OPEN_STATUSES: TargetStatus[] = ["idea", "contacted", "scheduled"];

/** Call after installFakeBackend (and installFakeMeetings, when used), which it extends. */
export function installFakeToday(b: FakeBackend, init: Partial<FakeToday> = {}): FakeToday {
  const f: FakeToday = {
    view: todayView(),
    today: (congressId) => {
      const now = Date.parse(f.view.now);
      const mine = b.targets.filter((t) => t.congress_id === congressId && !b.deletedIds.has(t.person_id));
      const open = mine.filter((t) => OPEN_STATUSES.includes(t.status));
      const asleep = (t: Target) => t.snoozed_until !== null && Date.parse(t.snoozed_until) > now;
      const rank = { must: 0, should: 1, nice: 2 };
      return {
        ...f.view,
        congress_id: congressId,
        targets_left: open.filter((t) => !asleep(t)).sort((x, y) => rank[x.priority] - rank[y.priority]),
        snoozed: open.filter(asleep).length,
        progress: {
          ...f.view.progress,
          targets_met: mine.filter((t) => t.status === "met" || t.status === "followed_up").length,
          targets_total: mine.length,
        },
      };
    },
    ...init,
  };
  const internals = (window as unknown as { __TAURI_INTERNALS__: { invoke: TauriInvoke } }).__TAURI_INTERNALS__;
  const next = internals.invoke;
  internals.invoke = async (cmd, payload, options) => {
    if (cmd !== "today" && cmd !== "met_someone" && cmd !== "snooze_target") return next(cmd, payload, options);
    const args = (payload ?? {}) as Record<string, unknown>;
    b.calls.push({ cmd, args });
    if (cmd === "today") {
      if (!b.congresses.some((c) => c.id === args.congressId)) throw { kind: "not_found", message: "no congress" } satisfies CommandError;
      return f.today(args.congressId as number);
    }
    if (cmd === "snooze_target") {
      const found = b.targets.find((t) => t.id === args.id);
      if (!found) throw { kind: "not_found", message: `no target ${String(args.id)}` } satisfies CommandError;
      const saved = { ...found, snoozed_until: args.until as string | null };
      b.targets = b.targets.map((t) => (t.id === saved.id ? saved : t));
      return saved;
    }
    const met = args.met as MetSomeone;
    let who: Person;
    if (met.person.type === "known") {
      const id = met.person.id;
      const found = b.people.find((p) => p.id === id && !b.deletedIds.has(p.id));
      if (!found) throw { kind: "not_found", message: `no person ${id}` } satisfies CommandError;
      who = found;
    } else {
      if (!met.person.display_name.trim()) {
        throw { kind: "invalid", message: "invalid", problems: [{ field: "display_name", message: "Type their name." }] } satisfies CommandError;
      }
      who = person({ id: Math.max(0, ...b.people.map((p) => p.id)) + 1, display_name: met.person.display_name.trim(), institution: met.person.institution.trim() || null });
      b.people = [...b.people, who];
    }
    const interaction: Interaction = {
      id: Math.max(0, ...b.interactions.map((i) => i.id)) + 1,
      person_id: who.id,
      congress_id: met.congress_id,
      congress_name: b.congresses.find((c) => c.id === met.congress_id)?.name ?? null,
      occurred_at: f.view.now,
      note: met.note.trim() || "Met at the congress",
    };
    b.interactions = [...b.interactions, interaction];
    let found = b.targets.find((t) => t.congress_id === met.congress_id && t.person_id === who.id) ?? null;
    if (found && OPEN_STATUSES.includes(found.status)) {
      const moved: Target = { ...found, status: "met" };
      b.targets = b.targets.map((t) => (t.id === moved.id ? moved : t));
      found = moved;
    }
    return { person_id: who.id, display_name: who.display_name, interaction_id: interaction.id, target: found } satisfies MetResult;
  };
  return f;
}

/** The core's settings rules, in its words (settings.rs), for update_settings. */
export function settingsProblems(s: Settings): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const zone = s.home_time_zone?.trim();
  if (zone && !["America/Los_Angeles", "America/New_York", "Europe/Paris", "Europe/Madrid"].includes(zone)) {
    problems.push({ field: "home_time_zone", message: `“${zone}” is not a known time zone; pick one from the list.` });
  }
  if (s.day_start_hour > 23 || s.day_end_hour > 24 || s.day_start_hour >= s.day_end_hour) {
    problems.push({ field: "day_end_hour", message: "The day must end after it starts (hours 0–24)." });
  }
  if (s.default_meeting_minutes < 5 || s.default_meeting_minutes > 480) {
    problems.push({ field: "default_meeting_minutes", message: "A meeting lasts 5 to 480 minutes." });
  }
  if (s.buffer_minutes > 120) problems.push({ field: "buffer_minutes", message: "Keep the buffer under two hours." });
  return problems;
}

/** Call after installFakeBackend: update_settings then refuses what `rules` find (the core's by default). */
export function installFakeSettingsRules(b: FakeBackend, rules: (s: Settings) => FieldProblem[] = settingsProblems): void {
  const internals = (window as unknown as { __TAURI_INTERNALS__: { invoke: TauriInvoke } }).__TAURI_INTERNALS__;
  const next = internals.invoke;
  internals.invoke = async (cmd, payload, options) => {
    if (cmd !== "update_settings") return next(cmd, payload, options);
    const problems = rules((payload as { settings: Settings }).settings);
    if (problems.length === 0) return next(cmd, payload, options); // logged and stored there
    b.calls.push({ cmd, args: (payload ?? {}) as Record<string, unknown> });
    throw { kind: "invalid", message: "invalid settings", problems } satisfies CommandError;
  };
}
// ─────────────────────────────────────────── end of today ─────────────────────────────────────
