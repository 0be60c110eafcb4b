// Why: agendaClashes answers pairs ("these two overlap, from… to…"); rows, the detail panel and
// the agenda each ask the other way round ("what does this session clash with?"). This turns the
// pairs into that lookup once per answer.
import type { Clash, SessionId } from "./bindings";

export type ClashNote = {
  /** The other session of the pair. */
  with: SessionId;
  overlapStartsAt: string;
  overlapEndsAt: string;
};

export function clashesBySession(clashes: readonly Clash[]): Map<SessionId, ClashNote[]> {
  const map = new Map<SessionId, ClashNote[]>();
  const add = (id: SessionId, note: ClashNote) => {
    let list = map.get(id);
    if (!list) map.set(id, (list = []));
    list.push(note);
  };
  for (const c of clashes) {
    // Meetings join the agenda later; only session pairs mark sessions.
    if (c.first.type !== "session" || c.second.type !== "session") continue;
    const span = { overlapStartsAt: c.overlap_starts_at, overlapEndsAt: c.overlap_ends_at };
    add(c.first.id, { with: c.second.id, ...span });
    add(c.second.id, { with: c.first.id, ...span });
  }
  for (const list of map.values()) list.sort((a, b) => Date.parse(a.overlapStartsAt) - Date.parse(b.overlapStartsAt));
  return map;
}
