// Why: the family the app hands the page for Arial ends up in a CSS font list; only a plain
// family name may, and then it comes first with Arial still behind it.
import { describe, expect, it } from "vitest";
import { twinList } from "./font-lists";

describe("twinList", () => {
  it("names the twin first, Arial after it", () => {
    expect(twinList("Nimbus Sans")).toBe('"Nimbus Sans", Arial, sans-serif');
    expect(twinList("Liberation Sans")).toBe('"Liberation Sans", Arial, sans-serif');
    expect(twinList("Arimo")).toBe('"Arimo", Arial, sans-serif');
  });

  it("leaves the list alone without a plain family name", () => {
    expect(twinList(null)).toBeNull();
    expect(twinList(undefined)).toBeNull();
    expect(twinList(42)).toBeNull();
    expect(twinList("")).toBeNull();
    expect(twinList('Sans", serif')).toBeNull();
    expect(twinList("Sans\\22")).toBeNull();
    expect(twinList("a;b")).toBeNull();
    expect(twinList("x".repeat(101))).toBeNull();
  });
});
