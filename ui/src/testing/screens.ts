// Why: the setup screen tests repeated file after file: the text a screen shows, opening a person's
// page from the People list, and the clock and stores the Meetings tests start from. One copy here
// keeps them alike; each test file still says what it renders and with which data.
import { expect, vi } from "vitest";
import { fireEvent, screen, waitFor, within } from "@testing-library/svelte";
import type { Congress } from "../lib/bindings";
import { congresses } from "../lib/congresses.svelte";
import { meetings } from "../lib/meetings.svelte";
import { meetingsView } from "../lib/meetings-view.svelte";
import { people } from "../lib/people.svelte";
import { peopleView } from "../lib/people-view.svelte";
import { personRelations } from "../lib/person-relations.svelte";
import { program } from "../lib/program.svelte";
import { settings } from "../lib/settings.svelte";
import { targets } from "../lib/targets.svelte";
import { installFakeBackend, type FakeBackend } from "./fake-backend";
import { installFakeGoals, type FakeGoals } from "./fake-goals";

/** What an element reads as, whitespace collapsed. */
export const text = (el: Element | null | undefined) => el?.textContent?.replace(/\s+/g, " ").trim();

/** The People list's row for person `id`. */
export const personRow = (id: number) =>
  screen.queryAllByTestId("person-row").find((r) => r.dataset.personId === String(id)) as HTMLElement;

/** Opens person `id`'s page from the People list, once their row and then their name are shown. */
export async function openPerson(id: number): Promise<HTMLElement> {
  await waitFor(() => expect(personRow(id)).toBeTruthy());
  await fireEvent.click(within(personRow(id)).getByRole("button"));
  const page = await screen.findByTestId("person-page");
  await waitFor(() => expect(within(page).getByTestId("person-name")).toBeTruthy());
  return page;
}

/** The People screen's stores as the app starts. */
export function resetPeople(): void {
  people.reset();
  targets.reset();
  peopleView.reset();
  personRelations.reset();
}

/**
 * Weeks before the congress (20 Nov 2026, noon UTC), so every slot is still ahead, with the
 * Meetings screen's stores as the app starts. Pair with `vi.useRealTimers()` after each test.
 */
export function startMeetings(): void {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(new Date("2026-11-20T12:00:00Z"));
  meetings.reset();
  meetingsView.reset();
  program.reset();
  targets.reset();
}

/** A backend with `congress` chosen and the goals and pitches fake on it, settings and congresses loaded. */
export async function installGoalsStand(congress: Congress, init: Partial<FakeGoals> = {}): Promise<{ backend: FakeBackend; fake: FakeGoals }> {
  const backend = installFakeBackend({ congresses: [congress] });
  backend.settings.current_congress_id = congress.id;
  const fake = installFakeGoals(backend, init);
  await Promise.all([settings.load(), congresses.load()]);
  return { backend, fake };
}
