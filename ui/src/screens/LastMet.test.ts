// Why: "Last met: EHA 2025 · coffee at Café Bleu · 14 Jun 2025" is the opener a physician needs on the congress
// floor. These pin it on the targets board's cards and on Today's rows, from one list_last_met
// call per congress (not one per card, not again on every refresh), and its absence when never met
// or when the call fails.
import { beforeEach, describe, expect, it } from "vitest";
import { fireEvent, render, screen, waitFor, within } from "@testing-library/svelte";
import PeopleScreen from "./PeopleScreen.svelte";
import TodayScreen from "./TodayScreen.svelte";
import { congress, installFakeBackend, person, target, type FakeBackend } from "../testing/fake-backend";
import { installFakeToday, todayView } from "../testing/fake-today";
import { encounter, installFakeTouch } from "../testing/fake-touch";
import { resetPeople, text } from "../testing/screens";
import { congresses } from "../lib/congresses.svelte";
import { lastMet } from "../lib/last-met.svelte";
import { settings } from "../lib/settings.svelte";
import { today } from "../lib/today.svelte";

const ash = congress({ id: 1, name: "ASH Annual Meeting 2026", short_name: "ASH 2026", time_zone: "America/New_York", starts_on: "2026-12-05", ends_on: "2026-12-08" });
const who = [
  person({ id: 1, display_name: "Ana Sánchez", institution: "Hospital Clínic" }),
  person({ id: 2, display_name: "Ben Okafor", institution: "SWOG" }),
];
const board = () => [
  target({ id: 11, person_id: 1, display_name: "Ana Sánchez", institution: "Hospital Clínic", priority: "must", status: "idea" }),
  target({ id: 12, person_id: 2, display_name: "Ben Okafor", institution: "SWOG", priority: "should", status: "contacted" }),
];
const metAna = encounter({ person_id: 1 });

let backend: FakeBackend;
const callsOf = (cmd: string) => backend.calls.filter((c) => c.cmd === cmd);

async function install(withTouch = true) {
  backend = installFakeBackend({ congresses: [ash], people: who, targets: board() });
  backend.settings.current_congress_id = ash.id;
  if (withTouch) installFakeTouch(backend, { lastMet: { 1: [metAna] } });
  await Promise.all([settings.load(), congresses.load()]);
}

beforeEach(() => {
  resetPeople();
  lastMet.reset();
  today.reset();
});

describe("Last met on the targets board", () => {
  const cardOf = (id: number) => screen.getAllByTestId("target-card").find((c) => c.dataset.personId === String(id)) as HTMLElement;

  it("shows where and when we last met on the card of someone met before, and nothing for the others", async () => {
    await install();
    render(PeopleScreen);
    await fireEvent.click(await screen.findByTestId("people-tab-targets"));
    await waitFor(() => expect(within(cardOf(1)).queryByTestId("target-last-met")).toBeTruthy());
    expect(text(within(cardOf(1)).getByTestId("target-last-met"))).toBe("Last met: EHA 2025 · coffee at Café Bleu · 14 Jun 2025");
    expect(within(cardOf(2)).queryByTestId("target-last-met")).toBeNull();
    expect(callsOf("list_last_met")).toEqual([{ cmd: "list_last_met", args: { congressId: 1 } }]);

    // Back and forth between the tabs: loaded once for the congress.
    await fireEvent.click(screen.getByTestId("people-tab-everyone"));
    await fireEvent.click(screen.getByTestId("people-tab-targets"));
    await waitFor(() => expect(within(cardOf(1)).queryByTestId("target-last-met")).toBeTruthy());
    expect(callsOf("list_last_met")).toHaveLength(1);
  });

  it("leaves the cards as they are when the call fails", async () => {
    await install(false); // no list_last_met: the fake answers not_found
    render(PeopleScreen);
    await fireEvent.click(await screen.findByTestId("people-tab-targets"));
    await waitFor(() => expect(screen.getAllByTestId("target-card")).toHaveLength(2));
    await waitFor(() => expect(lastMet.error).not.toBeNull());
    expect(screen.queryByTestId("target-last-met")).toBeNull();
    expect(screen.queryByRole("alert")).toBeNull();
  });
});

describe("Last met on Today", () => {
  it("shows it under the target still to meet, loaded once though the day refreshes", async () => {
    await install();
    installFakeToday(backend, { view: todayView({ now: "2026-12-05T10:18:00-05:00", day: "2026-12-05" }) });
    let now = Date.parse("2026-12-05T10:18:00-05:00");
    render(TodayScreen, { props: { clock: () => now } });
    const rowOf = (id: number) => screen.getAllByTestId("today-target").find((t) => t.dataset.personId === String(id)) as HTMLElement;
    await waitFor(() => expect(within(rowOf(1)).queryByTestId("today-target-last-met")).toBeTruthy());
    expect(text(within(rowOf(1)).getByTestId("today-target-last-met"))).toBe("Last met: EHA 2025 · coffee at Café Bleu · 14 Jun 2025");
    expect(within(rowOf(2)).queryByTestId("today-target-last-met")).toBeNull();

    now += 60_000;
    window.dispatchEvent(new Event("focus")); // the day is fetched again
    await waitFor(() => expect(callsOf("today").length).toBeGreaterThan(1));
    expect(callsOf("list_last_met")).toHaveLength(1);
  });
});
