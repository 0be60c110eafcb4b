// Why: what the Goals screen and Today say about a goal — what it counts, "2 of 3", when it is due
// and whether that has passed — and how the goal form turns into a GoalDraft, as pure functions so
// the wording is tested once and every place that shows a goal agrees.
import type { FieldProblem, Goal, GoalDraft, GoalParams, GoalRule, SessionKind, StarterGoal, Why } from "./bindings";
import { parseClock } from "./meeting-words";
import { daysBetween, dayOf, formatClock, formatDayLabel } from "./venue-time";

export const RULE_LABELS: Record<GoalRule, string> = {
  manual: "Ticked by hand",
  targets_met: "Targets met",
  sessions_attended: "Sessions attended",
  meetings_done: "Meetings done",
  follow_ups_done: "Follow-ups done",
  interactions_logged: "People talked to (conversations logged)",
};

/** Counted rules first (they keep themselves up to date), the hand-ticked one last. */
export const RULES: readonly GoalRule[] = [
  "targets_met",
  "interactions_logged",
  "sessions_attended",
  "meetings_done",
  "follow_ups_done",
  "manual",
];

export function isGoalRule(value: string): value is GoalRule {
  return value in RULE_LABELS;
}

/** Which narrowings a rule reads; the form shows only those. */
export function ruleUses(rule: GoalRule): { why: boolean; keyword: boolean; kind: boolean } {
  return {
    why: rule === "targets_met" || rule === "interactions_logged",
    keyword: rule === "sessions_attended",
    kind: rule === "sessions_attended",
  };
}

/** The "why" as an adjective before "targets": "mentor targets", "cooperative-group targets". */
const WHY_WORDS: Record<Why, string> = {
  mentor: "mentor",
  collaborator: "collaborator",
  peer: "peer",
  industry: "industry",
  cooperative_group: "cooperative-group",
  speaker: "speaker",
  other: "“other”",
};

/** A session kind in the plural, as "Counts … you attend" reads it. */
const KIND_PLURALS: Record<SessionKind, string> = {
  plenary: "plenary sessions",
  oral: "oral sessions",
  poster: "poster sessions",
  education: "education sessions",
  satellite: "satellite symposia",
  social: "social events",
  break: "breaks",
  other: "“other” sessions",
};

/** "Counts mentor targets you've met." — what progress is made of, in words. */
export function countsText(rule: GoalRule, params: GoalParams): string {
  const who = params.why ? `${WHY_WORDS[params.why]} targets` : "targets";
  switch (rule) {
    case "manual":
      return "Ticked by hand.";
    case "targets_met":
      return `Counts ${who} you've met.`;
    case "interactions_logged":
      return params.why ? `Counts ${who} you've logged a conversation with.` : "Counts people you've logged a conversation with.";
    case "sessions_attended": {
      const what = params.session_kind ? KIND_PLURALS[params.session_kind] : "sessions";
      const keyword = params.keyword?.trim();
      return keyword ? `Counts ${what} you attend mentioning “${keyword}”.` : `Counts ${what} you attend.`;
    }
    case "meetings_done":
      return "Counts meetings marked done.";
    case "follow_ups_done":
      return "Counts follow-ups marked done.";
  }
}

/** "2 of 3" */
export function progressText(goal: Pick<Goal, "progress" | "target">): string {
  return `${goal.progress} of ${goal.target}`;
}

/** How full the bar is, 0 to 1 (a goal past its target is simply full). */
export function progressShare(goal: Pick<Goal, "progress" | "target">): number {
  if (goal.target <= 0) return 1;
  return Math.max(0, Math.min(1, goal.progress / goal.target));
}

/** A manual goal of one is a checkbox; more is a stepper; counted goals have neither. */
export function manualControl(goal: Pick<Goal, "rule" | "target">): "check" | "stepper" | null {
  if (goal.rule !== "manual") return null;
  return goal.target === 1 ? "check" : "stepper";
}

export type DueLine = { text: string; overdue: boolean };

/**
 * "Due Sat 5 Dec, 18:00 EST"; "Overdue: due Sat 5 Dec, 18:00 EST" once passed and not met. The
 * day and clock are the venue's (the instant carries the congress offset); null without a due time.
 */
export function dueLine(goal: Pick<Goal, "due_at" | "met">, zone: string, nowMs: number): DueLine | null {
  if (!goal.due_at) return null;
  const when = `${formatDayLabel(dayOf(goal.due_at))}, ${formatClock(goal.due_at, zone)}`;
  const overdue = !goal.met && Date.parse(goal.due_at) < nowMs;
  return { text: overdue ? `Overdue: due ${when}` : `Due ${when}`, overdue };
}

/** "3 of 9 goals met" */
export function metSummary(goals: readonly Pick<Goal, "met">[]): string {
  const met = goals.filter((g) => g.met).length;
  return `${met} of ${goals.length} ${goals.length === 1 ? "goal" : "goals"} met`;
}

/** The goal form as typed: selects hold "" for "any", numbers and times are text until saved. */
export type GoalForm = {
  title: string;
  rule: GoalRule;
  why: Why | "";
  keyword: string;
  kind: SessionKind | "";
  target: string;
  /** "YYYY-MM-DD" venue day, "" for no due time. */
  dueDay: string;
  dueTime: string;
};

export type GoalField = "title" | "target" | "keyword" | "due";

export function formFromGoal(goal: Goal | null): GoalForm {
  if (!goal) return { title: "", rule: "targets_met", why: "", keyword: "", kind: "", target: "1", dueDay: "", dueTime: "" };
  return {
    title: goal.title,
    rule: goal.rule,
    why: goal.params.why ?? "",
    keyword: goal.params.keyword ?? "",
    kind: goal.params.session_kind ?? "",
    target: String(goal.target),
    dueDay: goal.due_at ? dayOf(goal.due_at) : "",
    dueTime: goal.due_at ? goal.due_at.slice(11, 16) : "",
  };
}

/** The draft to send, or the problem the form can name before asking (a due day without a time). */
export function draftFromForm(form: GoalForm, congressId: number): { draft: GoalDraft } | { problem: { field: GoalField; message: string } } {
  const uses = ruleUses(form.rule);
  let dueLocal: string | null = null;
  if (form.dueDay) {
    const clock = parseClock(form.dueTime);
    if (!clock) return { problem: { field: "due", message: "Give the time as HH:MM, e.g. 18:00, or choose no due day." } };
    dueLocal = `${form.dueDay}T${clock}:00`;
  }
  const typed = form.target.trim();
  // Anything but a whole number goes as 0, which the core refuses in its own words.
  const target = /^\d+$/.test(typed) ? Math.min(Number(typed), 100_000) : 0;
  return {
    draft: {
      congress_id: congressId,
      title: form.title.trim(),
      rule: form.rule,
      params: {
        why: uses.why && form.why ? form.why : null,
        keyword: uses.keyword && form.keyword.trim() ? form.keyword.trim() : null,
        session_kind: uses.kind && form.kind ? form.kind : null,
      },
      target,
      due_local: dueLocal,
    },
  };
}

/** The core's problems by field; anything not on the form goes under "" (shown above it). */
export function goalProblems(problems: readonly FieldProblem[]): Partial<Record<GoalField | "", string>> {
  const known: readonly string[] = ["title", "target", "keyword"];
  const shown: Partial<Record<GoalField | "", string>> = {};
  for (const p of problems) {
    const key = (p.field === "due_local" ? "due" : known.includes(p.field) ? p.field : "") as GoalField | "";
    shown[key] = shown[key] ? `${shown[key]} ${p.message}` : p.message;
  }
  return shown;
}

/** The days a goal can be due: the congress and the week after it (follow-ups), plus `keep`. */
export function dueDays(startsOn: string, endsOn: string, keep: string): string[] {
  const end = new Date(`${endsOn}T00:00:00Z`);
  const after = Number.isNaN(end.getTime()) ? endsOn : new Date(end.getTime() + 7 * 86_400_000).toISOString().slice(0, 10);
  const days = daysBetween(startsOn, after);
  if (keep && !days.includes(keep)) days.push(keep);
  return days.sort();
}

/** A starter already among the goals (the core skips those when adopting). */
export function alreadyAdopted(starter: StarterGoal, goals: readonly Pick<Goal, "title">[]): boolean {
  return goals.some((g) => g.title === starter.title);
}
