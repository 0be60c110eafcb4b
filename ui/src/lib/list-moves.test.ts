// Why: People and the program list move by the same keys; this pins where each key goes, and that
// Home and End only count on the row itself (a button inside a row keeps its own keys).
import { describe, expect, it } from "vitest";
import { rowMove } from "./list-moves";

describe("rowMove", () => {
  it("moves a row by arrows, eight by Page keys, to the ends by Home and End on the row", () => {
    expect(rowMove("ArrowDown", 3, 20, true)).toBe(4);
    expect(rowMove("ArrowUp", 3, 20, false)).toBe(2);
    expect(rowMove("PageDown", 3, 20, true)).toBe(11);
    expect(rowMove("PageUp", 3, 20, true)).toBe(-5);
    expect(rowMove("Home", 3, 20, true)).toBe(0);
    expect(rowMove("End", 3, 20, true)).toBe(19);
    expect(rowMove("End", 3, 20, false)).toBeNull();
    expect(rowMove("Enter", 3, 20, true)).toBeNull();
  });
});
