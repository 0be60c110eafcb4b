// Why: the people list pages lazily at 50,000 people; which pages a view needs is plain
// arithmetic that must not be off by one at the edges.
import { describe, expect, it } from "vitest";
import { PAGE_SIZE, pagesOf } from "./people.svelte";

describe("pagesOf", () => {
  it("names the pages that hold a range of rows, within the list", () => {
    expect(PAGE_SIZE).toBe(200);
    expect(pagesOf(0, 199, 50000)).toEqual([0]);
    expect(pagesOf(150, 250, 50000)).toEqual([0, 1]);
    expect(pagesOf(49990, 50100, 50000)).toEqual([249]);
    expect(pagesOf(-20, 10, 5)).toEqual([0]);
    expect(pagesOf(0, 10, 0)).toEqual([]);
  });
});
