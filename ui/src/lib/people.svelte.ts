// Why: everyone in People as one alphabetical list that the screen pages through lazily, 200 at a
// time and only around what is on screen, so 50,000 people scroll smoothly; and every call to the
// people commands (search, person pages, edits, delete and undo, merge, notes). `rows` is raw
// state as long as the whole list, holding null where a page has not arrived yet, so the scroll
// height is right from the first page.
import {
  commands,
  type Interaction,
  type InteractionDraft,
  type InteractionId,
  type PeopleMatches,
  type Person,
  type PersonDraft,
  type PersonId,
  type PersonPage,
  type PersonSummary,
} from "./bindings";
import { settle, type CommandError, type Result } from "./api";

export const PAGE_SIZE = 200;
/** Scroll events come fast; pages are asked for at most this often, for the latest rows shown. */
const WANT_THROTTLE_MS = 50;

/** The page numbers holding rows first..last (inclusive) of a list of `total`. */
export function pagesOf(first: number, last: number, total: number): number[] {
  const end = Math.min(last, total - 1);
  const pages: number[] = [];
  for (let p = Math.floor(Math.max(0, first) / PAGE_SIZE); p * PAGE_SIZE <= end; p++) pages.push(p);
  return pages;
}

class PeopleStore {
  rows = $state.raw<(PersonSummary | null)[]>([]);
  total = $state(0);
  loaded = $state(false);
  error = $state<CommandError | null>(null);
  /** Bumped by every change to a person, so open person pages and searches ask again. */
  revision = $state(0);
  #loadedPages = new Set<number>();
  #inFlight = new Set<number>();
  /** Answers to requests made before the latest refresh are dropped. */
  #generation = 0;
  /** The rows on screen, kept so a refresh reloads just those. */
  #wanted: [number, number] = [0, PAGE_SIZE - 1];
  #timer: ReturnType<typeof setTimeout> | undefined;

  /** Asks for rows first..last (what the list shows); the missing pages load shortly. */
  want(first: number, last: number): void {
    this.#wanted = [first, last];
    if (this.#timer !== undefined || !this.loaded) return;
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      const [a, b] = this.#wanted;
      for (const page of pagesOf(a, b, this.total)) {
        if (!this.#loadedPages.has(page) && !this.#inFlight.has(page)) void this.#loadPage(page);
      }
    }, WANT_THROTTLE_MS);
  }

  async #loadPage(page: number): Promise<void> {
    const generation = this.#generation;
    const inFlight = this.#inFlight;
    inFlight.add(page);
    const res = await settle(() => commands.listPeople(page * PAGE_SIZE, PAGE_SIZE));
    inFlight.delete(page);
    if (generation !== this.#generation) return;
    if (res.status === "error") {
      this.error = res.error;
      return;
    }
    if (res.data.total !== this.total) {
      void this.refresh(); // someone was added or removed meanwhile: every offset moved
      return;
    }
    this.#loadedPages.add(page);
    const next = this.rows.slice();
    next.splice(res.data.offset, res.data.people.length, ...res.data.people);
    this.rows = next.length > this.total ? next.slice(0, this.total) : next;
    this.error = null;
  }

  /** Loads the list from its top: on arrival, where a new list starts scrolled to the top. */
  load(): Promise<Result<null, CommandError>> {
    this.#wanted = [0, PAGE_SIZE - 1];
    return this.refresh();
  }

  /**
   * Loads the list afresh (after any change to people): the pages on screen are
   * fetched together and swapped in at once, so rows never flash empty.
   */
  async refresh(): Promise<Result<null, CommandError>> {
    const generation = ++this.#generation;
    clearTimeout(this.#timer);
    this.#timer = undefined;
    const [first, last] = this.#wanted;
    const pages = pagesOf(first, last, Math.max(last + 1, 1));
    const results = await Promise.all(pages.map((p) => settle(() => commands.listPeople(p * PAGE_SIZE, PAGE_SIZE))));
    if (generation !== this.#generation) return { status: "ok", data: null };
    const failed = results.find((r) => r.status === "error");
    if (failed?.status === "error") {
      this.error = failed.error;
      return failed;
    }
    const pagesData = results.flatMap((r) => (r.status === "ok" ? [r.data] : []));
    const total = pagesData[0]?.total ?? 0;
    const rows = new Array<PersonSummary | null>(total).fill(null);
    this.#loadedPages = new Set();
    this.#inFlight = new Set();
    for (const [i, data] of pagesData.entries()) {
      if (data.offset >= total) continue;
      rows.splice(data.offset, Math.min(data.people.length, total - data.offset), ...data.people.slice(0, total - data.offset));
      this.#loadedPages.add(pages[i] ?? 0);
    }
    this.rows = rows;
    this.total = total;
    this.loaded = true;
    this.error = null;
    return { status: "ok", data: null };
  }

  /** Forgets the list (a test starts afresh). */
  reset(): void {
    this.#generation++;
    clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#loadedPages = new Set();
    this.#inFlight = new Set();
    this.#wanted = [0, PAGE_SIZE - 1];
    this.rows = [];
    this.total = 0;
    this.loaded = false;
    this.error = null;
  }

  /** People matching what was typed (at most 200): best first, or by name while too many match. */
  matches(query: string): Promise<Result<PeopleMatches, CommandError>> {
    return settle(() => commands.searchPeople(query));
  }

  /** The people of `matches`, for the pickers. */
  async search(query: string): Promise<Result<PersonSummary[], CommandError>> {
    const res = await this.matches(query);
    return res.status === "ok" ? { status: "ok", data: res.data.people } : res;
  }

  page(id: PersonId): Promise<Result<PersonPage, CommandError>> {
    return settle(() => commands.personPage(id));
  }

  create(draft: PersonDraft): Promise<Result<Person, CommandError>> {
    return this.#changed(settle(() => commands.createPerson(draft)));
  }

  update(id: PersonId, draft: PersonDraft): Promise<Result<Person, CommandError>> {
    return this.#changed(settle(() => commands.updatePerson(id, draft)));
  }

  /** Hides a person; `restore` brings them back (the Undo of the toast). */
  remove(id: PersonId): Promise<Result<null, CommandError>> {
    return this.#changed(settle(() => commands.deletePerson(id)));
  }

  restore(id: PersonId): Promise<Result<Person, CommandError>> {
    return this.#changed(settle(() => commands.restorePerson(id)));
  }

  /** Everything of `absorb` moves to `keep`; answers the kept person. */
  merge(keep: PersonId, absorb: PersonId): Promise<Result<Person, CommandError>> {
    return this.#changed(settle(() => commands.mergePeople(keep, absorb)));
  }

  addInteraction(draft: InteractionDraft): Promise<Result<Interaction, CommandError>> {
    return settle(() => commands.addInteraction(draft));
  }

  deleteInteraction(id: InteractionId): Promise<Result<null, CommandError>> {
    return settle(() => commands.deleteInteraction(id));
  }

  /** After a change (or a not_found, which means the list is stale) the list is loaded again. */
  async #changed<T>(request: Promise<Result<T, CommandError>>): Promise<Result<T, CommandError>> {
    const res = await request;
    if (res.status === "ok" || res.error.kind === "not_found") {
      this.revision++;
      void this.refresh();
    }
    return res;
  }
}

export const people = new PeopleStore();
