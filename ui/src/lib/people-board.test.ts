// Why: the board is how a physician sees who is left to meet; its columns and order must not
// drift: one column per status in the order a target moves, must before should before nice.
import { describe, expect, it } from "vitest";
import { boardColumns, filterTargets } from "./people-board";
import { target } from "../testing/fake-backend";

const ana = target({ id: 1, person_id: 1, display_name: "Ana", priority: "nice", why: "mentor", status: "idea" });
const ben = target({ id: 2, person_id: 2, display_name: "Ben", priority: "must", why: "industry", status: "idea" });
const cleo = target({ id: 3, person_id: 3, display_name: "Cleo", priority: "should", why: "mentor", status: "idea" });
const dan = target({ id: 4, person_id: 4, display_name: "Dan", priority: "must", why: "peer", status: "met" });
const eve = target({ id: 5, person_id: 5, display_name: "Eve", priority: "should", why: "peer", status: "declined" });

describe("people board", () => {
  it("has a column per status in order, cards must → should → nice", () => {
    const columns = boardColumns([ana, ben, cleo, dan, eve], { priority: null, why: null });
    expect(columns.map((c) => c.status)).toEqual(["idea", "contacted", "scheduled", "met", "followed_up", "declined"]);
    expect(columns[0]?.targets.map((t) => t.display_name)).toEqual(["Ben", "Cleo", "Ana"]);
    expect(columns[3]?.targets.map((t) => t.display_name)).toEqual(["Dan"]);
    expect(columns[5]?.targets.map((t) => t.display_name)).toEqual(["Eve"]);
  });

  it("filters by priority and why together", () => {
    expect(filterTargets([ana, ben, cleo, dan], { priority: "must", why: null }).map((t) => t.id)).toEqual([2, 4]);
    expect(filterTargets([ana, ben, cleo, dan], { priority: null, why: "mentor" }).map((t) => t.id)).toEqual([1, 3]);
    expect(filterTargets([ana, ben, cleo, dan], { priority: "must", why: "peer" }).map((t) => t.id)).toEqual([4]);
  });
});
