// Why: "Last met: EHA 2025 · coffee, 14 Jun 2025" on target cards and Today's rows. One call per
// congress (list_last_met) answers for every target, so both places read one map, loaded once
// when a congress is first shown and again only when a target shows up that the last load did not
// cover. It is a hint: a failure leaves the cards as they were, with no alert.
import { commands, type CongressId, type Encounter, type PersonId } from "./bindings";
import { settle, type CommandError } from "./api";
import { Generation } from "./congress-list.svelte";

class LastMetStore {
  congressId = $state<CongressId | null>(null);
  byPerson = $state.raw<ReadonlyMap<PersonId, Encounter>>(new Map());
  error = $state<CommandError | null>(null);
  #generation = new Generation();
  /** The targets (by person) the loads of this congress answered for. */
  #asked = new Set<PersonId>();

  /** Loads `congressId`'s unless loaded (or loading) already for all of `people`, its targets shown. */
  ensure(congressId: CongressId, people: Iterable<PersonId>): Promise<void> {
    const ids = [...people];
    if (this.congressId === congressId && ids.every((id) => this.#asked.has(id))) return Promise.resolve();
    return this.load(congressId, ids);
  }

  async load(congressId: CongressId, people: Iterable<PersonId> = []): Promise<void> {
    const current = this.#generation.next();
    if (this.congressId !== congressId) {
      this.congressId = congressId;
      this.byPerson = new Map();
      this.#asked = new Set();
    }
    for (const id of people) this.#asked.add(id);
    const res = await settle(() => commands.listLastMet(congressId));
    if (!current()) return;
    if (res.status === "ok") this.byPerson = new Map(res.data.map((e) => [e.person_id, e]));
    this.error = res.status === "error" ? res.error : null;
  }

  /** A target just made (Reconnect) brings where we last met with it. */
  put(congressId: CongressId, encounter: Encounter): void {
    if (this.congressId !== congressId) return;
    this.#asked.add(encounter.person_id);
    this.byPerson = new Map([...this.byPerson, [encounter.person_id, encounter]]);
  }

  of(personId: PersonId): Encounter | null {
    return this.byPerson.get(personId) ?? null;
  }

  reset(): void {
    this.#generation.bump();
    this.congressId = null;
    this.byPerson = new Map();
    this.#asked = new Set();
    this.error = null;
  }
}

export const lastMet = new LastMetStore();
