// Why: the pitches for the congress being planned (its own and the general ones), shared by the
// Pitches screen, the person page's pitch picker and anything showing a linked pitch. Every call to
// the pitch commands lives here; linking a pitch to a target reloads the targets, whose `pitch_id`
// says which pitch is theirs.
import { commands, type CongressId, type Pitch, type PitchDraft, type PitchId, type Target } from "./bindings";
import { settle, type CommandError, type Result } from "./api";
import { CongressList } from "./congress-list.svelte";
import { targets } from "./targets.svelte";

class PitchesStore extends CongressList<Pitch> {
  byId = $derived(new Map(this.list.map((p) => [p.id, p])));

  /** The pitches `congressId` can use: its own and the general ones. */
  protected fetch(congressId: CongressId): Promise<Result<Pitch[], CommandError>> {
    return commands.listPitches(congressId);
  }

  /** Loads unless this congress's pitches are already here (or on their way). */
  ensure(congressId: CongressId): void {
    if (this.congressId === congressId && (this.loaded || this.loading)) return;
    void this.load(congressId);
  }

  async create(draft: PitchDraft): Promise<Result<Pitch, CommandError>> {
    return this.#put(await settle(() => commands.createPitch(draft)));
  }

  async update(id: PitchId, draft: PitchDraft): Promise<Result<Pitch, CommandError>> {
    return this.#put(await settle(() => commands.updatePitch(id, draft)));
  }

  async remove(pitch: Pitch): Promise<Result<null, CommandError>> {
    const res = await settle(() => commands.deletePitch(pitch.id));
    if (res.status === "ok" || res.error.kind === "not_found") {
      this.list = this.list.filter((p) => p.id !== pitch.id);
      // Targets it was linked to now have none.
      if (targets.congressId !== null && targets.list.some((t) => t.pitch_id === pitch.id)) await targets.load(targets.congressId);
    }
    return res;
  }

  /** Links `pitchId` to a target (null unlinks); the targets are reloaded to show it. */
  async link(target: Target, pitchId: PitchId | null): Promise<Result<null, CommandError>> {
    const res = await settle(() => commands.linkPitch(target.id, pitchId));
    if (res.status === "ok" || res.error.kind === "not_found") {
      const reloads: Promise<unknown>[] = [targets.load(target.congress_id)];
      if (res.status === "error") reloads.push(this.reload());
      await Promise.all(reloads);
    }
    return res;
  }

  async #put(res: Result<Pitch, CommandError>): Promise<Result<Pitch, CommandError>> {
    if (res.status === "ok") {
      const p = res.data;
      const mine = p.congress_id === null || p.congress_id === this.congressId;
      const rest = this.list.filter((x) => x.id !== p.id);
      this.list = mine ? [...rest, p] : rest;
    } else if (res.error.kind === "not_found") {
      await this.reload();
    }
    return res;
  }
}

export const pitches = new PitchesStore();
