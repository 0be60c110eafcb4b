// Why: `N` and friends must not fire while typing, yet must still fire when focus merely rests on
// a checkbox just ticked (a goal's "Done", a starter goal); this pins which controls count as typing.
import { describe, expect, it } from "vitest";
import { isTypingTarget } from "./keyboard";

describe("isTypingTarget", () => {
  it("counts text fields, text areas and selects as typing, and checkboxes and buttons not", () => {
    const input = (type: string) => Object.assign(document.createElement("input"), { type });
    expect(isTypingTarget(input("text"))).toBe(true);
    expect(isTypingTarget(input("number"))).toBe(true);
    expect(isTypingTarget(document.createElement("textarea"))).toBe(true);
    expect(isTypingTarget(document.createElement("select"))).toBe(true);
    expect(isTypingTarget(input("checkbox"))).toBe(false);
    expect(isTypingTarget(input("radio"))).toBe(false);
    expect(isTypingTarget(document.createElement("button"))).toBe(false);
    expect(isTypingTarget(null)).toBe(false);
  });
});
