// Why: how the user is looking at Meetings (list or day view, which day). It lives outside the
// screen so leaving Meetings for People (to check someone) and coming back keeps the place; it
// starts afresh when another congress is chosen.
import type { CongressId } from "./bindings";

export type MeetingsTab = "list" | "day";

class MeetingsViewState {
  congressId: CongressId | null = null;
  tab = $state<MeetingsTab>("list");
  /** The day the user picked in the day view; null follows the default (today, or the first day). */
  pickedDay = $state<string | null>(null);
  /** The last thing that went wrong, read out politely. */
  notice = $state("");

  reset(congressId: CongressId | null = null): void {
    this.congressId = congressId;
    this.tab = "list";
    this.pickedDay = null;
    this.notice = "";
  }
}

export const meetingsView = new MeetingsViewState();
