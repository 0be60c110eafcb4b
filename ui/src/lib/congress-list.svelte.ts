// Why: meetings, targets, goals, pitches and follow-ups each keep one congress's list loaded from a
// command, and each had its own copy of the same dance: forget the old congress's list when
// another is asked for, drop an answer a newer load has overtaken, keep the last error, put one
// saved row back in place, and reload when the core says a row is gone. That dance lives here once;
// each store says only which command lists its rows and how a saved row fits. Reconnect's rows
// (no id of their own) use it without the saved-row helpers, and the lists that span congresses
// (check-ins, introductions owed, group cadences) the same dance without a congress (WholeList).
import type { CongressId } from "./bindings";
import { settle, type CommandError, type Result } from "./api";

/** Counts loads so that only the newest answer is kept. */
export class Generation {
  #n = 0;
  /** Starts a load; the answer is still wanted while the returned check says so. */
  next(): () => boolean {
    const mine = ++this.#n;
    return () => mine === this.#n;
  }
  /** Outdates every load under way. */
  bump(): void {
    this.#n++;
  }
}

/** The error a change answers when no congress is chosen. */
export function noCongress<T>(): Result<T, CommandError> {
  return { status: "error", error: { kind: "not_found", message: "no congress is chosen" } };
}

/** Rows one command lists, as a store: `list`, `loaded`, `error` and `reset`; the newest load wins. */
abstract class Rows<T> {
  list = $state.raw<T[]>([]);
  loaded = $state(false);
  error = $state<CommandError | null>(null);
  #generation = new Generation();
  #loading = false;

  /** True while a load is under way and not overtaken. */
  protected get loading(): boolean {
    return this.#loading;
  }

  /** Runs `fetch` as the newest load: its answer is dropped once a newer load or a change overtakes it. */
  protected async loadFrom(fetch: () => Promise<Result<T[], CommandError>>): Promise<Result<T[], CommandError>> {
    const current = this.#generation.next();
    this.#loading = true;
    const res = await settle(fetch);
    if (!current()) return res;
    this.#loading = false;
    if (res.status === "ok") {
      this.list = res.data;
      this.loaded = true;
    }
    this.error = res.status === "error" ? res.error : null;
    return res;
  }

  reset(): void {
    this.#generation.bump();
    this.#loading = false;
    this.list = [];
    this.loaded = false;
    this.error = null;
  }

  /** A whole new list from a change (not a load): an older load under way must not overwrite it. */
  protected replaceAll(list: T[]): void {
    this.#generation.bump();
    this.#loading = false;
    this.list = list;
    this.loaded = true;
  }
}

/** A list that spans congresses, as a store: `list`, `loaded`, `error`, `load` and `reset`. */
export abstract class WholeList<T> extends Rows<T> {
  /** The command that lists the rows. */
  protected abstract fetch(): Promise<Result<T[], CommandError>>;

  /** Loads (or reloads) the list. */
  load(): Promise<Result<T[], CommandError>> {
    return this.loadFrom(() => this.fetch());
  }
}

/** One congress's rows, as a store: `congressId`, `list`, `loaded`, `error`, `load` and `reset`. */
export abstract class CongressRows<T> extends Rows<T> {
  congressId = $state<CongressId | null>(null);

  /** The command that lists `congressId`'s rows. */
  protected abstract fetch(congressId: CongressId): Promise<Result<T[], CommandError>>;

  /** Another congress is asked for (or none): forget what belonged to the old one. */
  protected forget(): void {}

  /** Loads (or reloads) the rows of `congressId`. */
  load(congressId: CongressId): Promise<Result<T[], CommandError>> {
    if (this.congressId !== congressId) {
      this.congressId = congressId;
      this.list = [];
      this.loaded = false;
      this.forget();
    }
    return this.loadFrom(() => this.fetch(congressId));
  }

  override reset(): void {
    super.reset();
    this.congressId = null;
    this.forget();
  }

  /** Loads the current congress again, if there is one. */
  protected async reload(): Promise<void> {
    if (this.congressId !== null) await this.load(this.congressId);
  }
}

/** One congress's rows with ids: CongressRows, with a saved row put in place and a deleted one taken out. */
export abstract class CongressList<T extends { id: number }> extends CongressRows<T> {
  /**
   * A saved row back in the list: in place of the row `same` matches, else at the end; not at all
   * when it belongs to another congress (`mine`). A row the core no longer has reloads the list.
   */
  protected async put(
    res: Result<T, CommandError>,
    mine: (row: T) => boolean,
    same: (a: T, b: T) => boolean = (a, b) => a.id === b.id,
  ): Promise<Result<T, CommandError>> {
    if (res.status === "ok") {
      const row = res.data;
      if (mine(row)) {
        const i = this.list.findIndex((x) => same(x, row));
        this.list = i >= 0 ? this.list.map((x, j) => (j === i ? row : x)) : [...this.list, row];
      }
    } else if (res.error.kind === "not_found") {
      await this.reload();
    }
    return res;
  }

  /** A delete's answer: the row leaves the list, or the list reloads when the core had lost it. */
  protected async removed<R>(res: Result<R, CommandError>, id: T["id"]): Promise<Result<R, CommandError>> {
    if (res.status === "ok") this.list = this.list.filter((x) => x.id !== id);
    else if (res.error.kind === "not_found") await this.reload();
    return res;
  }
}
