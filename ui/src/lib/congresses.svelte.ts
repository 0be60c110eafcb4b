// Why: the congress list and which congress is being planned, shared by the switcher and the
// Congresses screen. Every call to the congress commands lives here, so a renamed binding is a
// one-file change.
import { commands, type Congress, type CongressContents, type CongressDraft, type CongressId, type FieldProblem } from "./bindings";
import { settle, type CommandError, type Result } from "./api";
import { settings } from "./settings.svelte";
import { nextCongressId, sortCongresses, todayIso } from "./congress";
import { congressLabel } from "./format";

class CongressStore {
  list = $state<Congress[]>([]);
  loaded = $state(false);
  error = $state<CommandError | null>(null);

  /** The congress being planned, or null when none is chosen (or none exists). */
  get current(): Congress | null {
    const id = settings.currentCongressId;
    return this.list.find((c) => c.id === id) ?? null;
  }

  /** How a row saved under a congress names it: the short name ("ASH 2026") while the congress
   *  is known, else the name the row kept (`saved`, null when none). */
  nameOf(id: CongressId | null, saved: string | null): string | null {
    const c = id === null ? undefined : this.list.find((x) => x.id === id);
    return c ? congressLabel(c) : saved;
  }

  async load(): Promise<Result<Congress[], CommandError>> {
    const res = await settle(() => commands.listCongresses());
    if (res.status === "ok") {
      this.list = sortCongresses(res.data, todayIso());
      this.loaded = true;
    }
    this.error = res.status === "error" ? res.error : null;
    return res;
  }

  /** `editing` lets rules like "name already used" skip the congress being edited. */
  validate(draft: CongressDraft, editing: CongressId | null): Promise<Result<FieldProblem[], CommandError>> {
    return settle(() => commands.validateCongress(draft, editing));
  }

  contents(id: CongressId): Promise<Result<CongressContents, CommandError>> {
    return settle(() => commands.congressContents(id));
  }

  async create(draft: CongressDraft): Promise<Result<Congress, CommandError>> {
    const res = await settle(() => commands.createCongress(draft));
    if (res.status === "ok") {
      this.#put(res.data);
      // The first congress (or one made while none is chosen) is the one to plan.
      if (!this.current) await this.choose(res.data.id);
    }
    return res;
  }

  async update(id: CongressId, draft: CongressDraft): Promise<Result<Congress, CommandError>> {
    const res = await settle(() => commands.updateCongress(id, draft));
    if (res.status === "ok") this.#put(res.data);
    else if (res.error.kind === "not_found") await this.load();
    return res;
  }

  async remove(id: CongressId): Promise<Result<null, CommandError>> {
    const res = await settle(() => commands.deleteCongress(id));
    if (res.status === "error") {
      if (res.error.kind === "not_found") await this.load();
      return res;
    }
    this.list = this.list.filter((c) => c.id !== id);
    if (settings.currentCongressId === id) await this.choose(nextCongressId(this.list, todayIso()));
    return res;
  }

  /** Makes a congress the one being planned; saved in settings so it survives restarts. */
  choose(id: CongressId | null): Promise<Result<unknown, CommandError>> {
    return settings.save({ current_congress_id: id });
  }

  /** After start-up: if the saved choice is gone or empty but congresses exist, pick one. */
  async ensureCurrent(): Promise<void> {
    if (this.current || this.list.length === 0) return;
    await this.choose(nextCongressId(this.list, todayIso()));
  }

  #put(c: Congress): void {
    this.list = sortCongresses([...this.list.filter((x) => x.id !== c.id), c], todayIso());
  }
}

export const congresses = new CongressStore();
