// Why: goals and pitches for component tests, answered in memory the way the core answers them
// (goals/mod.rs, goals/starter.rs, pitches.rs): its validation in its words, starters adopted once
// by title, words and seconds counted like the core, link_pitch recorded on backend.targets. It
// sits on top of installFakeBackend, like the blocks in fake-backend.ts, and logs every call in
// backend.calls.
import type { CommandError, FieldProblem, Goal, GoalDraft, Pitch, PitchDraft, StarterGoal } from "../lib/bindings";
import { speakingSeconds, wordCount } from "../lib/pitch-words";
import { answerCommands, type FakeBackend } from "./fake-backend";

export type FakeGoals = {
  goals: Goal[];
  pitches: Pitch[];
  starters: StarterGoal[];
  /** Progress of a counted goal; manual goals keep the count set_goal_count stored. */
  progress: (goal: Goal) => number;
};

let nextGoalId = 300;
let nextPitchId = 400;

/** A goal as list_goals returns it (congress 1, a manual checkmark by default). */
export function goal(overrides: Partial<Goal> = {}): Goal {
  const made: Goal = {
    id: overrides.id ?? nextGoalId++,
    congress_id: 1,
    title: "Present my poster",
    rule: "manual",
    params: { why: null, keyword: null, session_kind: null },
    target: 1,
    progress: 0,
    met: false,
    due_at: null,
    position: 1,
    ...overrides,
  };
  return { ...made, met: overrides.met ?? made.progress >= made.target };
}

/** A pitch as list_pitches returns it, with words and seconds counted from its body. */
export function pitch(overrides: Partial<Pitch> = {}): Pitch {
  const made: Pitch = {
    id: overrides.id ?? nextPitchId++,
    congress_id: 1,
    audience: "mentor",
    title: "To a myeloma mentor",
    body: "",
    target_seconds: 60,
    words_per_minute: 130,
    words: 0,
    seconds: 0,
    ...overrides,
  };
  const words = wordCount(made.body);
  return { ...made, words, seconds: speakingSeconds(words, made.words_per_minute) };
}

const none = { why: null, keyword: null, session_kind: null };

/** The core's ASH starter set, in its words (three of them, enough for the screens). */
export function starterSet(): StarterGoal[] {
  return [
    { key: "mentors", title: "Meet 3 potential mentors", rule: "targets_met", params: { ...none, why: "mentor" }, target: 3, hint: "Counts mentor targets you have met." },
    { key: "posters", title: "Walk 10 posters in my area", rule: "sessions_attended", params: { ...none, session_kind: "poster" }, target: 10, hint: "Counts poster sessions and abstracts you mark attending." },
    { key: "present", title: "Present my poster", rule: "manual", params: none, target: 1, hint: "Tick it when done." },
  ];
}

/** The core's goal rules (goals/mod.rs, GoalDraft::check). */
export function goalDraftProblems(d: GoalDraft): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (!d.title.trim()) problems.push({ field: "title", message: "Say what you want to achieve, e.g. “Meet 3 potential mentors”." });
  if (d.target === 0 || d.target > 1000) problems.push({ field: "target", message: "Aim for between 1 and 1,000." });
  if (d.rule === "sessions_attended" && (d.params.keyword?.trim().length ?? 0) > 100) problems.push({ field: "keyword", message: "Keep the keyword short." });
  return problems;
}

/** The core's pitch rules (pitches.rs, PitchDraft::check). */
export function pitchDraftProblems(d: PitchDraft): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (!d.title.trim()) problems.push({ field: "title", message: "Name the pitch, e.g. “To a myeloma mentor”." });
  if (d.target_seconds < 10 || d.target_seconds > 600) problems.push({ field: "target_seconds", message: "Aim for 10 seconds to 10 minutes." });
  if (d.words_per_minute < 60 || d.words_per_minute > 250) problems.push({ field: "words_per_minute", message: "Speaking rates run from 60 to 250 words a minute." });
  if ([...d.body].length > 20_000) problems.push({ field: "body", message: "Keep the pitch under 20,000 characters." });
  return problems;
}

const HANDLED = [
  "list_goals",
  "starter_goals",
  "adopt_starter_goals",
  "create_goal",
  "update_goal",
  "set_goal_count",
  "delete_goal",
  "list_pitches",
  "create_pitch",
  "update_pitch",
  "delete_pitch",
  "link_pitch",
];

/** Call after installFakeBackend (which it extends). */
export function installFakeGoals(b: FakeBackend, init: Partial<FakeGoals> = {}): FakeGoals {
  const f: FakeGoals = { goals: [], pitches: [], starters: starterSet(), progress: (g) => g.progress, ...init };
  const notFound = (what: string): CommandError => ({ kind: "not_found", message: `no ${what}` });
  const invalid = (problems: FieldProblem[]): CommandError => ({ kind: "invalid", message: "invalid", problems });
  const answer = (g: Goal): Goal => {
    const progress = g.rule === "manual" ? g.progress : f.progress(g);
    return { ...g, progress, met: progress >= g.target };
  };
  const list = (congressId: unknown) =>
    f.goals.filter((g) => g.congress_id === congressId).sort((x, y) => x.position - y.position || x.id - y.id).map(answer);
  const goalById = (id: unknown): Goal => {
    const found = f.goals.find((g) => g.id === id);
    if (!found) throw notFound(`goal ${String(id)}`);
    return found;
  };
  const offsetOf = (congressId: number) => (b.congresses.find((c) => c.id === congressId)?.time_zone === "Europe/Paris" ? "+01:00" : "-05:00");
  const saveGoal = (d: GoalDraft, old: Goal | null): Goal => {
    const problems = goalDraftProblems(d);
    if (problems.length > 0) throw invalid(problems);
    const keyword = d.params.keyword?.trim() || null;
    const position = old?.position ?? Math.max(0, ...f.goals.filter((g) => g.congress_id === d.congress_id).map((g) => g.position)) + 1;
    const saved = goal({
      id: old?.id ?? Math.max(nextGoalId++, ...f.goals.map((g) => g.id + 1)),
      congress_id: d.congress_id,
      title: d.title.trim(),
      rule: d.rule,
      params: { ...d.params, keyword },
      target: d.target,
      progress: old?.progress ?? 0,
      due_at: d.due_local ? `${d.due_local}${offsetOf(d.congress_id)}` : null,
      position,
    });
    f.goals = [...f.goals.filter((g) => g.id !== saved.id), saved];
    return answer(saved);
  };
  const pitchById = (id: unknown): Pitch => {
    const found = f.pitches.find((p) => p.id === id);
    if (!found) throw notFound(`pitch ${String(id)}`);
    return found;
  };
  const savePitch = (d: PitchDraft, id: number): Pitch => {
    const problems = pitchDraftProblems(d);
    if (problems.length > 0) throw invalid(problems);
    const saved = pitch({ ...d, id, title: d.title.trim(), body: d.body.trim() });
    f.pitches = [...f.pitches.filter((p) => p.id !== id), saved];
    return saved;
  };

  answerCommands(b, HANDLED, (cmd, args) => {
    switch (cmd) {
      case "list_goals":
        return list(args.congressId);
      case "starter_goals":
        return f.starters;
      case "adopt_starter_goals": {
        const congressId = args.congressId as number;
        const keys = args.keys as string[];
        for (const s of f.starters.filter((x) => keys.includes(x.key))) {
          if (f.goals.some((g) => g.congress_id === congressId && g.title === s.title)) continue;
          saveGoal({ congress_id: congressId, title: s.title, rule: s.rule, params: s.params, target: s.target, due_local: null }, null);
        }
        return list(congressId);
      }
      case "create_goal":
        return saveGoal(args.draft as GoalDraft, null);
      case "update_goal":
        return saveGoal(args.draft as GoalDraft, goalById(args.id));
      case "set_goal_count": {
        const saved = { ...goalById(args.id), progress: Math.min(args.count as number, 1000) };
        f.goals = f.goals.map((g) => (g.id === saved.id ? saved : g));
        return answer(saved);
      }
      case "delete_goal":
        goalById(args.id);
        f.goals = f.goals.filter((g) => g.id !== args.id);
        return null;
      case "list_pitches":
        return f.pitches.filter((p) => p.congress_id === null || p.congress_id === args.congressId);
      case "create_pitch":
        return savePitch(args.draft as PitchDraft, Math.max(nextPitchId++, ...f.pitches.map((p) => p.id + 1)));
      case "update_pitch":
        pitchById(args.id);
        return savePitch(args.draft as PitchDraft, args.id as number);
      case "delete_pitch":
        pitchById(args.id);
        f.pitches = f.pitches.filter((p) => p.id !== args.id);
        b.targets = b.targets.map((t) => (t.pitch_id === args.id ? { ...t, pitch_id: null } : t));
        return null;
      default: {
        const found = b.targets.find((t) => t.id === args.targetId);
        if (!found) throw notFound(`target ${String(args.targetId)}`);
        const pitchId = (args.pitchId as number | null) ?? null;
        if (pitchId !== null) pitchById(pitchId);
        b.targets = b.targets.map((t) => (t.id === found.id ? { ...t, pitch_id: pitchId } : t));
        return null;
      }
    }
  });
  return f;
}
