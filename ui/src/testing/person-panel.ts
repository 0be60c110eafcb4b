// Why: the tests of a person's relationship sections all start the same way: a backend with a few
// people and the relations fake on it, the congresses loaded, and one person's page open beside
// nothing else (PersonPanel on its own). One copy here; each test says its data.
import { expect } from "vitest";
import { render, screen, waitFor, within } from "@testing-library/svelte";
import PersonPanel from "../screens/people/PersonPanel.svelte";
import type { Congress, Person } from "../lib/bindings";
import { congresses } from "../lib/congresses.svelte";
import { settings } from "../lib/settings.svelte";
import { targets } from "../lib/targets.svelte";
import { installFakeBackend, type FakeBackend } from "./fake-backend";
import { installFakePersonRelations, type FakePersonRelations } from "./fake-person-relations";
import { resetPeople } from "./screens";

export type PanelStand = { backend: FakeBackend; fake: FakePersonRelations; page: HTMLElement };

/** Opens `people[0]`'s page, with `congress` (if any) chosen, and waits for its relations. */
export async function openPersonPanel(
  people: Person[],
  relations: Partial<FakePersonRelations> = {},
  congress: Congress | null = null,
): Promise<PanelStand> {
  resetPeople();
  const backend = installFakeBackend({ people, congresses: congress ? [congress] : [] });
  backend.settings.current_congress_id = congress?.id ?? null;
  const fake = installFakePersonRelations(backend, relations);
  await Promise.all([settings.load(), congresses.load()]);
  if (congress) await targets.load(congress.id);
  const first = people[0];
  if (!first) throw new Error("openPersonPanel needs a person");
  render(PersonPanel, { props: { id: first.id, congress, onclose: () => {} } });
  const page = await screen.findByTestId("person-page");
  await waitFor(() => expect(within(page).getByTestId("keep-in-touch")).toBeTruthy());
  return { backend, fake, page };
}

/** The calls of one command, their arguments in order. */
export const callsOf = (backend: FakeBackend, cmd: string) => backend.calls.filter((c) => c.cmd === cmd).map((c) => c.args);
