// Why: the hash router decides which screen shows; these pin its parsing, navigation and its
// reaction to back/forward (hashchange).
import { afterEach, describe, expect, it } from "vitest";
import { DEFAULT_SECTION, explicitSection, hrefFor, parseHash, Router } from "./route.svelte";

describe("parseHash", () => {
  it("reads the section after #/", () => {
    expect(parseHash("#/congresses")).toBe("congresses");
    expect(parseHash("#/follow-ups")).toBe("follow-ups");
    expect(parseHash("#settings")).toBe("settings");
  });

  it("ignores anything after the section", () => {
    expect(parseHash("#/people/42")).toBe("people");
    expect(parseHash("#/program?day=2")).toBe("program");
  });

  it("falls back to Today for empty or unknown hashes", () => {
    expect(parseHash("")).toBe(DEFAULT_SECTION);
    expect(parseHash("#/")).toBe("today");
    expect(parseHash("#/nonsense")).toBe("today");
  });

  it("builds hrefs that parse back to the same section", () => {
    expect(hrefFor("meetings")).toBe("#/meetings");
    expect(parseHash(hrefFor("meetings"))).toBe("meetings");
  });
});

describe("explicitSection", () => {
  it("names the section a URL asks for", () => {
    expect(explicitSection("#/program")).toBe("program");
    expect(explicitSection("#/today")).toBe("today");
    expect(explicitSection("#/people/42")).toBe("people");
  });

  it("is null when the URL asks for none, so the app may choose where to open", () => {
    expect(explicitSection("")).toBeNull();
    expect(explicitSection("#")).toBeNull();
    expect(explicitSection("#/")).toBeNull();
    expect(explicitSection("#/nonsense")).toBeNull();
  });
});

describe("Router", () => {
  const routers: Router[] = [];
  const make = () => {
    const r = new Router(window);
    routers.push(r);
    return r;
  };
  afterEach(() => {
    routers.splice(0).forEach((r) => r.destroy());
    window.history.replaceState(null, "", "#/");
  });

  it("starts on the section in the URL", () => {
    window.history.replaceState(null, "", "#/settings");
    expect(make().current).toBe("settings");
  });

  it("go() shows the section and writes it to the URL", () => {
    const r = make();
    r.go("congresses");
    expect(r.current).toBe("congresses");
    expect(window.location.hash).toBe("#/congresses");
  });

  it("replace() changes the URL without a hashchange round trip", () => {
    const r = make();
    r.replace("goals");
    expect(r.current).toBe("goals");
    expect(window.location.hash).toBe("#/goals");
  });

  it("follows hash changes made outside the router (links, back button)", () => {
    const r = make();
    window.history.replaceState(null, "", "#/pitches");
    window.dispatchEvent(new HashChangeEvent("hashchange"));
    expect(r.current).toBe("pitches");
  });

  it("stops listening once destroyed", () => {
    const r = make();
    r.go("people");
    r.destroy();
    window.history.replaceState(null, "", "#/settings");
    window.dispatchEvent(new HashChangeEvent("hashchange"));
    expect(r.current).toBe("people");
  });
});
