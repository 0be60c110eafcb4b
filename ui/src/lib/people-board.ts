// Why: the targets board's rules, pure and tested: which targets a filter leaves, one column per
// status in the order a target moves, and must before should before nice inside each column.
import type { Priority, Target, TargetStatus, Why } from "./bindings";
import { priorityRank, STATUSES } from "./people-words";

export type BoardFilter = { priority: Priority | null; why: Why | null };

export type BoardColumn = { status: TargetStatus; targets: Target[] };

/** Must → should → nice, then by name, so a column reads the same every time. */
export function byPriority(a: Target, b: Target): number {
  return priorityRank(a.priority) - priorityRank(b.priority) || a.display_name.localeCompare(b.display_name);
}

export function filterTargets(targets: readonly Target[], filter: BoardFilter): Target[] {
  return targets.filter((t) => (filter.priority === null || t.priority === filter.priority) && (filter.why === null || t.why === filter.why));
}

/** Every status gets a column, empty or not, so columns never jump around. */
export function boardColumns(targets: readonly Target[], filter: BoardFilter): BoardColumn[] {
  const shown = filterTargets(targets, filter);
  return STATUSES.map((status) => ({ status, targets: shown.filter((t) => t.status === status).sort(byPriority) }));
}
