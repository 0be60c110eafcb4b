// Why: where the app opens matters on the congress floor: Today while the congress is on at the
// venue, Program otherwise, and always the section the URL names when it names one. "Now" is set
// by faking Date alone (timers and promises run as usual).
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { render, screen, waitFor } from "@testing-library/svelte";
import App from "./App.svelte";
import { congress, installFakeBackend } from "./testing/fake-backend";
import { installFakeToday } from "./testing/fake-today";
import { route } from "./lib/route.svelte";
import { today } from "./lib/today.svelte";

// Auckland: at 12:00 UTC on 4 Dec it is already 5 Dec at the venue.
const nz = congress({ id: 1, short_name: "NZ 2026", starts_on: "2026-12-05", ends_on: "2026-12-06", time_zone: "Pacific/Auckland" });

function goTo(hash: string) {
  window.history.replaceState(null, "", hash);
  window.dispatchEvent(new HashChangeEvent("hashchange"));
}

async function start(nowIso: string): Promise<void> {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(new Date(nowIso));
  const backend = installFakeBackend({ congresses: [nz] });
  backend.settings.current_congress_id = nz.id;
  installFakeToday(backend);
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

  it("opens on Program before the congress", async () => {
    await start("2026-12-01T12:00:00Z");
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
