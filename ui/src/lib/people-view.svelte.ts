// Why: how the user is looking at People (tab, search, open person, board filters, the person
// form, the undo toast). It lives outside the screen so leaving People for Program and coming back
// keeps the place. The actions that touch several stores (delete with undo, remove a target with
// undo) live here too, so the list, the board and the person page do them the same way.
import type { Person, PersonId, PersonSummary, Priority, Target, Why } from "./bindings";
import { describeError, type CommandError } from "./api";
import { people } from "./people.svelte";
import { targets } from "./targets.svelte";

export type PeopleTab = "everyone" | "targets" | "reconnect";

/** How long typing may pause before the search runs. None: the index answers in about 3 ms and a
 *  newer keystroke discards an older answer, so each keystroke searches at once (a pause would be
 *  most of the keystroke-to-results time). */
export const SEARCH_DEBOUNCE_MS = 0;

/** A short message at the bottom of the screen, with an action such as Undo. */
export type Toast = {
  message: string;
  action?: { label: string; testid: string; run: () => Promise<void> };
};

class PeopleViewState {
  tab = $state<PeopleTab>("everyone");
  query = $state("");
  /** Results of the last finished search; null when not searching. */
  results = $state.raw<PersonSummary[] | null>(null);
  /** Whether `results` are best match first (false: too many matched to rank, by name). */
  bestFirst = $state(true);
  /** The query `results` answer (what the list shows, for tests and the latency benchmark). */
  resultsFor = $state("");
  searchError = $state<CommandError | null>(null);
  selectedId = $state<PersonId | null>(null);
  priority = $state<Priority | null>(null);
  why = $state<Why | null>(null);
  /** The person form: closed, new (with a name to start from) or editing someone. */
  editor = $state<{ person: Person | null; name: string } | null>(null);
  toast = $state<Toast | null>(null);
  /** The last thing that went wrong, read out politely. */
  notice = $state("");
  #timer: ReturnType<typeof setTimeout> | undefined;
  #searchSeq = 0;

  filtersActive = $derived(this.priority !== null || this.why !== null);

  /** Runs the search after a short pause in typing; an empty query ends searching at once. */
  setQuery(query: string): void {
    this.query = query;
    clearTimeout(this.#timer);
    const seq = ++this.#searchSeq;
    if (query.trim() === "") {
      this.results = null;
      this.searchError = null;
      return;
    }
    if (SEARCH_DEBOUNCE_MS === 0) void this.#search(seq);
    else this.#timer = setTimeout(() => void this.#search(seq), SEARCH_DEBOUNCE_MS);
  }

  /** After a change to people, the shown results are asked for again. */
  rerunSearch(): void {
    if (this.query.trim() !== "") void this.#search(++this.#searchSeq);
  }

  async #search(seq: number): Promise<void> {
    const asked = this.query.trim();
    const res = await people.matches(asked);
    if (seq !== this.#searchSeq) return; // a newer keystroke owns the result
    if (res.status === "ok") {
      this.results = res.data.people;
      this.bestFirst = res.data.best_first;
      this.resultsFor = asked;
      this.searchError = null;
    } else {
      this.searchError = res.error;
    }
  }

  clearFilters(): void {
    this.priority = this.why = null;
  }

  openNew(name = ""): void {
    this.editor = { person: null, name };
  }

  openEdit(person: Person): void {
    this.editor = { person, name: "" };
  }

  /** Back to a fresh look (a test starts afresh). */
  reset(): void {
    clearTimeout(this.#timer);
    this.#searchSeq++;
    this.tab = "everyone";
    this.query = "";
    this.results = null;
    this.bestFirst = true;
    this.searchError = null;
    this.selectedId = null;
    this.clearFilters();
    this.editor = null;
    this.toast = null;
    this.notice = "";
  }
}

export const peopleView = new PeopleViewState();

/** After people change, targets may have gone or come back with them. */
function afterPeopleChanged(): void {
  peopleView.rerunSearch();
  if (targets.congressId !== null) void targets.load(targets.congressId);
}

/** Deletes at once and offers Undo, rather than asking first. The caller closes the person page. */
export async function deletePerson(person: { id: PersonId; display_name: string }): Promise<boolean> {
  const res = await people.remove(person.id);
  if (res.status === "error") {
    peopleView.notice = `${person.display_name} was not deleted. ${describeError(res.error)}`;
    return false;
  }
  afterPeopleChanged();
  peopleView.notice = "";
  peopleView.toast = {
    message: `Deleted ${person.display_name}.`,
    action: {
      label: "Undo",
      testid: "undo-delete",
      run: async () => {
        const back = await people.restore(person.id);
        afterPeopleChanged();
        if (back.status === "ok") {
          peopleView.selectedId = person.id;
          peopleView.toast = { message: `Restored ${person.display_name}.` };
        } else {
          peopleView.toast = { message: `${person.display_name} could not be restored. ${describeError(back.error)}` };
        }
      },
    },
  };
  return true;
}

/** Removes a target at once and offers Undo, which sets it again as it was. */
export async function removeTarget(target: Target): Promise<boolean> {
  const res = await targets.remove(target);
  if (res.status === "error") {
    peopleView.notice = `${target.display_name} is still a target. ${describeError(res.error)}`;
    return false;
  }
  const { priority, why, status, reason } = target;
  peopleView.toast = {
    message: `Removed ${target.display_name} from your targets.`,
    action: {
      label: "Undo",
      testid: "undo-remove-target",
      run: async () => {
        const back = await targets.set(target.person_id, { priority, why, status, reason });
        peopleView.toast = back.status === "ok" ? null : { message: `Could not put ${target.display_name} back. ${describeError(back.error)}` };
      },
    },
  };
  return true;
}

/** After a merge: the page shows the kept person, and lists and targets are fresh. */
export function showMerged(kept: Person, absorbedName: string): void {
  peopleView.selectedId = kept.id;
  afterPeopleChanged();
  peopleView.toast = { message: `Merged ${absorbedName} into ${kept.display_name}.` };
}
