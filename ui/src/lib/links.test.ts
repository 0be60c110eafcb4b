// Why: the link rule must match the core's: web and mail addresses only.
import { describe, expect, it } from "vitest";
import { safeLink } from "./links";

describe("safeLink", () => {
  it("passes web and mail addresses", () => {
    expect(safeLink(" https://ash.example/s/1 ")).toBe("https://ash.example/s/1");
    expect(safeLink("HTTP://x.org")).toBe("http://x.org");
    expect(safeLink("mailto:ana@usal.es")).toBe("mailto:ana@usal.es");
  });
  it("refuses everything else", () => {
    for (const bad of ["javascript:alert(1)", "JaVaScRiPt:alert(1)", "file:///etc/passwd", "data:text/html,x", "https:///etc", "http:x.org", "https://a.org/ x", "mailto:nobody", "ash.example", ""]) {
      expect(safeLink(bad)).toBeNull();
    }
  });
});
