// Why: where the app opens matters on the congress floor: Today while the congress is on at the
// venue, Keep in touch while no congress is, Program while another congress than the one planned
// is on, and always the section the URL names when it names one. "Now" is set by faking Date alone
// (timers and promises run as usual).
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { render, screen, waitFor } from "@testing-library/svelte";
import App from "./App.svelte";
import { congress, installFakeBackend } from "./testing/fake-backend";
import { installFakeToday } from "./testing/fake-today";
import { checkIn, installFakeTouch } from "./testing/fake-touch";
import { route } from "./lib/route.svelte";
import { today } from "./lib/today.svelte";

// Auckland: at 12:00 UTC on 4 Dec it is already 5 Dec at the venue.
const nz = congress({ id: 1, short_name: "NZ 2026", starts_on: "2026-12-05", ends_on: "2026-12-06", time_zone: "Pacific/Auckland" });
// Another congress, on in New York on 20 Nov 2026.
const ny = congress({ id: 2, short_name: "NY 2026", starts_on: "2026-11-19", ends_on: "2026-11-21", time_zone: "America/New_York" });

function goTo(hash: string) {
  window.history.replaceState(null, "", hash);
  window.dispatchEvent(new HashChangeEvent("hashchange"));
}

async function start(nowIso: string): Promise<void> {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(new Date(nowIso));
  const backend = installFakeBackend({ congresses: [nz, ny] });
  backend.settings.current_congress_id = nz.id;
  installFakeToday(backend);
  installFakeTouch(backend, { checkIns: [checkIn({ person_id: 1, display_name: "Ana Sánchez" })] });
  render(App);
  await screen.findByTestId("app-ready");
}

beforeEach(() => {
  today.reset();
  goTo("#/");
});

afterEach(() => {
  vi.useRealTimers();
  goTo("#/");
});

describe("App: the section it opens on", () => {
  it("opens on Today while the congress is on at the venue, though UTC is still the day before", async () => {
    await start("2026-12-04T12:00:00Z");
    await waitFor(() => expect(route.current).toBe("today"));
    expect(window.location.hash).toBe("#/today");
    expect(await screen.findByTestId("today-screen")).toBeTruthy();
  });

  it("opens on Keep in touch before the congress, when none is on", async () => {
    await start("2026-12-01T12:00:00Z");
    await waitFor(() => expect(route.current).toBe("touch"));
    expect(window.location.hash).toBe("#/touch");
    expect(await screen.findByTestId("touch-screen")).toBeTruthy();
    expect(await screen.findByTestId("check-in-row")).toBeTruthy();
    expect(document.title).toBe("Keep in touch · Hallway");
  });

  it("opens on Program while another congress than the one planned is on", async () => {
    await start("2026-11-20T15:00:00Z");
    await waitFor(() => expect(route.current).toBe("program"));
    expect(window.location.hash).toBe("#/program");
  });

  it("keeps the section the URL names", async () => {
    goTo("#/people");
    await start("2026-12-04T12:00:00Z");
    expect(route.current).toBe("people");
    expect(window.location.hash).toBe("#/people");
  });
});

describe("App: Keep in touch in the navigation", () => {
  it("sits after Follow-ups in the sidebar, above setup, and under More in the phone bar", async () => {
    await start("2026-12-01T12:00:00Z");
    const lists = screen.getByTestId("sidebar").querySelectorAll("ul");
    const ids = (ul: Element | undefined) => [...(ul?.querySelectorAll("a") ?? [])].map((a) => a.dataset.testid);
    expect(ids(lists[0])).toEqual(["nav-today", "nav-program", "nav-people", "nav-meetings", "nav-goals", "nav-pitches", "nav-follow-ups", "nav-touch"]);
    expect(ids(lists[1])).toEqual(["nav-congresses", "nav-settings"]);
    expect(screen.getByTestId("nav-touch").getAttribute("aria-current")).toBe("page");
    expect(screen.queryByTestId("bottom-touch")).toBeNull();
  });
});
