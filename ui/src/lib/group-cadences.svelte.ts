// Why: how often to keep in touch with a whole group (all mentors every 3 months, tag
// "collaborator" every 6 months): the list, set and remove. One group has one cadence, so setting
// it again replaces it; the list reloads after each change, since member counts come from the core.
import { commands, type CadenceGroup, type GroupCadence } from "./bindings";
import { settle, type CommandError, type Result } from "./api";
import { WholeList } from "./congress-list.svelte";

class GroupCadencesStore extends WholeList<GroupCadence> {
  protected fetch(): Promise<Result<GroupCadence[], CommandError>> {
    return commands.listGroupCadences();
  }

  /** Sets the group's cadence ("3m", "12w", "90d"). */
  async set(group: CadenceGroup, every: string): Promise<Result<GroupCadence | null, CommandError>> {
    const res = await settle(() => commands.setGroupCadence(group, every));
    if (res.status === "ok") await this.load();
    return res;
  }

  async remove(group: CadenceGroup): Promise<Result<GroupCadence | null, CommandError>> {
    const res = await settle(() => commands.setGroupCadence(group, null));
    await this.load();
    return res;
  }
}

export const groupCadences = new GroupCadencesStore();
