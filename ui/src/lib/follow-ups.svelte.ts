// Why: what I owe people after meeting them, shared by the Follow-ups screen and the "Open in
// Follow-ups" link of the done dialog. Every call to the follow-up commands lives here. The owed
// list spans congresses and "This congress" is one congress's all, so a change reloads both (the
// order can change), and a done follow-up moves a target, so the targets reload too.
import {
  commands,
  type Channel,
  type CongressId,
  type FollowUp,
  type FollowUpEdit,
  type FollowUpId,
  type FollowUpStatus,
} from "./bindings";
import { settle, type CommandError, type Result } from "./api";
import { Generation } from "./congress-list.svelte";
import { people } from "./people.svelte";
import { route } from "./route.svelte";
import { targets } from "./targets.svelte";

export type FollowUpsTab = "owed" | "congress";

class FollowUpsStore {
  /** Everything owed, across congresses, earliest due first. */
  owed = $state.raw<FollowUp[]>([]);
  owedLoaded = $state(false);
  /** Every follow-up of `congressId`, owed first. */
  congressId = $state<CongressId | null>(null);
  ofCongress = $state.raw<FollowUp[]>([]);
  congressLoaded = $state(false);
  error = $state<CommandError | null>(null);
  /** Which list the screen shows and which follow-up is open; kept when the user looks elsewhere. */
  tab = $state<FollowUpsTab>("owed");
  selectedId = $state<FollowUpId | null>(null);
  /** Set by "Open in Follow-ups" elsewhere: the screen opens it and clears this. */
  pending = $state<FollowUp | null>(null);
  /** The last thing that went wrong, read out politely. */
  notice = $state("");
  /** The clock "overdue" is measured by; tests put a fixed one here. */
  clock: () => number = () => Date.now();
  #owedGeneration = new Generation();
  #congressGeneration = new Generation();

  /** The follow-up with this id in either list. */
  find(id: FollowUpId | null): FollowUp | null {
    if (id === null) return null;
    return this.owed.find((f) => f.id === id) ?? this.ofCongress.find((f) => f.id === id) ?? null;
  }

  async loadOwed(): Promise<Result<FollowUp[], CommandError>> {
    const current = this.#owedGeneration.next();
    const res = await settle(() => commands.listFollowUps(null));
    if (!current()) return res;
    if (res.status === "ok") {
      this.owed = res.data;
      this.owedLoaded = true;
    }
    this.error = res.status === "error" ? res.error : null;
    return res;
  }

  async loadCongress(congressId: CongressId): Promise<Result<FollowUp[], CommandError>> {
    const current = this.#congressGeneration.next();
    if (this.congressId !== congressId) {
      this.congressId = congressId;
      this.ofCongress = [];
      this.congressLoaded = false;
    }
    const res = await settle(() => commands.listFollowUps(congressId));
    if (!current()) return res;
    if (res.status === "ok") {
      this.ofCongress = res.data;
      this.congressLoaded = true;
    }
    this.error = res.status === "error" ? res.error : null;
    return res;
  }

  /** Both lists again (the congress list only when one is chosen). */
  async reload(): Promise<void> {
    const loads: Promise<unknown>[] = [this.loadOwed()];
    if (this.congressId !== null) loads.push(this.loadCongress(this.congressId));
    await Promise.all(loads);
  }

  /** Another congress chosen: its list starts afresh; the owed list stays. */
  resetCongress(congressId: CongressId | null): void {
    this.#congressGeneration.bump();
    this.congressId = congressId;
    this.ofCongress = [];
    this.congressLoaded = false;
  }

  /** Everything forgotten (tests start here). */
  reset(): void {
    this.#owedGeneration.bump();
    this.owed = [];
    this.owedLoaded = false;
    this.resetCongress(null);
    this.error = null;
    this.tab = "owed";
    this.selectedId = null;
    this.pending = null;
    this.notice = "";
  }

  async save(id: FollowUpId, edit: FollowUpEdit): Promise<Result<FollowUp, CommandError>> {
    return this.#changed(await settle(() => commands.updateFollowUp(id, edit)), false);
  }

  /** A fresh template text for `channel`; nothing is saved. */
  redraft(id: FollowUpId, channel: Channel): Promise<Result<string, CommandError>> {
    return settle(() => commands.redraftFollowUp(id, channel));
  }

  /** Done moves the person's target to "followed up"; dropped just closes it; owed reopens. */
  async setStatus(f: FollowUp, status: FollowUpStatus): Promise<Result<FollowUp, CommandError>> {
    return this.#changed(await settle(() => commands.setFollowUpStatus(f.id, status)), status === "done" || f.status === "done");
  }

  /** The OS mail program, with the saved draft: save edits first. */
  openEmail(id: FollowUpId): Promise<Result<null, CommandError>> {
    return settle(() => commands.openEmailDraft(id));
  }

  async #changed<T>(res: Result<T, CommandError>, targetsMoved: boolean): Promise<Result<T, CommandError>> {
    if (res.status === "ok" || res.error.kind === "not_found") {
      const reloads: Promise<unknown>[] = [this.reload()];
      if (res.status === "ok" && targetsMoved) {
        if (targets.congressId !== null) reloads.push(targets.load(targets.congressId));
        people.revision++; // an open person page shows the target's new status
      }
      await Promise.all(reloads);
    }
    return res;
  }
}

export const followUps = new FollowUpsStore();

/** "Open in Follow-ups": go there with this follow-up open. */
export function openFollowUp(f: FollowUp): void {
  followUps.pending = f;
  route.go("follow-ups");
}
