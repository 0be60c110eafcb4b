// Why: `N` and friends must not fire while typing, yet must still fire when focus merely rests on
// a checkbox just ticked (a goal's "Done", a starter goal); this pins which controls count as typing.
import { describe, expect, it } from "vitest";
import { isTypingTarget, saveOnModEnter } from "./keyboard";

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

describe("saveOnModEnter", () => {
  it("saves on Ctrl+Enter or ⌘+Enter from inside the form, not on a plain Enter, and stops on cleanup", () => {
    const form = document.createElement("form");
    const notes = form.appendChild(document.createElement("textarea"));
    let saves = 0;
    const stop = saveOnModEnter(form, () => saves++);
    const press = (init: KeyboardEventInit) => notes.dispatchEvent(new KeyboardEvent("keydown", { key: "Enter", bubbles: true, cancelable: true, ...init }));
    expect(press({})).toBe(true);
    expect(press({ ctrlKey: true })).toBe(false);
    expect(press({ metaKey: true })).toBe(false);
    expect(saves).toBe(2);
    stop();
    press({ ctrlKey: true });
    expect(saves).toBe(2);
  });
});
