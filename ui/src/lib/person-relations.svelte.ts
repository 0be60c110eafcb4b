// Why: the relationship half of a person's page (cadence and check-in, contact logged, where we
// met, introductions both ways, value given) comes in one call, get_person_relations, and every
// change on it moves something else (a contact resets the check-in, a "made" moves the
// introduction down), so each change reloads the whole answer rather than patching it. Every call
// to these commands lives here; logContact is on its own so the log-contact form works anywhere.
import {
  commands,
  type CongressId,
  type Contact,
  type ContactDraft,
  type GivenDraft,
  type GivenId,
  type Introduction,
  type IntroductionId,
  type IntroDraft,
  type IntroStatus,
  type PersonCadence,
  type PersonId,
  type PersonRelations,
  type ValueGiven,
} from "./bindings";
import { settle, type CommandError, type Result } from "./api";
import { Generation } from "./congress-list.svelte";

/** Logs contact with someone in one step (the form on a person's page and in Check-ins). */
export function logContact(draft: ContactDraft): Promise<Result<Contact, CommandError>> {
  return settle(() => commands.logContact(draft));
}

class PersonRelationsStore {
  /** Whose relations these are; null before the first page opens. */
  personId = $state<PersonId | null>(null);
  data = $state.raw<PersonRelations | null>(null);
  error = $state<CommandError | null>(null);
  #generation = new Generation();

  /** Loads `personId`'s; another person's answer is cleared at once, never shown under this name. */
  async load(personId: PersonId): Promise<Result<PersonRelations, CommandError>> {
    const current = this.#generation.next();
    if (this.personId !== personId) {
      this.personId = personId;
      this.data = null;
      this.error = null;
    }
    const res = await settle(() => commands.getPersonRelations(personId));
    if (!current()) return res;
    if (res.status === "ok") this.data = res.data;
    this.error = res.status === "error" ? res.error : null;
    return res;
  }

  async reload(): Promise<void> {
    if (this.personId !== null) await this.load(this.personId);
  }

  /** "3m", "12w", "off" or "group". */
  setCadence(personId: PersonId, every: string): Promise<Result<PersonCadence, CommandError>> {
    return this.#changed(settle(() => commands.setPersonCadence(personId, every)));
  }

  offerIntro(draft: IntroDraft): Promise<Result<Introduction, CommandError>> {
    return this.#changed(settle(() => commands.offerIntro(draft)));
  }

  /** `through` introduced me to `personId`. */
  recordMetThrough(personId: PersonId, through: PersonId, note: string, congressId: CongressId | null): Promise<Result<Introduction, CommandError>> {
    return this.#changed(settle(() => commands.recordMetThrough(personId, through, note, congressId)));
  }

  setIntroStatus(id: IntroductionId, status: IntroStatus): Promise<Result<Introduction, CommandError>> {
    return this.#changed(settle(() => commands.setIntroStatus(id, status)));
  }

  deleteIntro(id: IntroductionId): Promise<Result<null, CommandError>> {
    return this.#changed(settle(() => commands.deleteIntro(id)));
  }

  addGiven(draft: GivenDraft): Promise<Result<ValueGiven, CommandError>> {
    return this.#changed(settle(() => commands.addGiven(draft)));
  }

  deleteGiven(id: GivenId): Promise<Result<null, CommandError>> {
    return this.#changed(settle(() => commands.deleteGiven(id)));
  }

  /** A check-in message to start from, offering `given` when one is picked. Changes nothing. */
  draftCheckIn(personId: PersonId, given: GivenId | null): Promise<Result<string, CommandError>> {
    return settle(() => commands.getCheckInDraft(personId, given));
  }

  reset(): void {
    this.#generation.bump();
    this.personId = null;
    this.data = null;
    this.error = null;
  }

  /** After a change (or a not_found: the page is stale) everything is read again. */
  async #changed<T>(request: Promise<Result<T, CommandError>>): Promise<Result<T, CommandError>> {
    const res = await request;
    if (res.status === "ok" || res.error.kind === "not_found") await this.reload();
    return res;
  }
}

export const personRelations = new PersonRelationsStore();
