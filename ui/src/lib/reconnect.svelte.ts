// Why: People's "Reconnect" view for the congress being planned: who I met at earlier congresses
// and is in its program (or a target already), and the one action, Make target. Making one
// updates the row in place, the targets board (a new card) and the last-met line the card shows.
import { commands, type CongressId, type PersonId, type Reconnect, type Target } from "./bindings";
import { settle, type CommandError, type Result } from "./api";
import { CongressRows, noCongress } from "./congress-list.svelte";
import { lastMet } from "./last-met.svelte";
import { targets } from "./targets.svelte";

class ReconnectStore extends CongressRows<Reconnect> {
  protected fetch(congressId: CongressId): Promise<Result<Reconnect[], CommandError>> {
    return commands.listReconnect(congressId);
  }

  /** Makes `personId` a target of the congress (an idea, with where we met as the reason). */
  async makeTarget(personId: PersonId): Promise<Result<Target, CommandError>> {
    const congressId = this.congressId;
    if (congressId === null) return noCongress();
    const res = await settle(() => commands.reconnectAsTarget(congressId, personId));
    if (res.status === "error") {
      if (res.error.kind === "not_found") await this.load(congressId);
      return res;
    }
    const made = res.data;
    const row = this.list.find((r) => r.person_id === personId);
    this.list = this.list.map((r) => (r.person_id === personId ? { ...r, target_id: made.id, target_status: made.status } : r));
    if (row) lastMet.put(congressId, row.last_met);
    if (targets.congressId === congressId) void targets.load(congressId);
    return res;
  }
}

export const reconnect = new ReconnectStore();
