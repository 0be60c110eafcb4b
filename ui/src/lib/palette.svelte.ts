// Why: the command palette is opened from anywhere (Ctrl+K, the shell's button) and its choices
// reach every screen: open a person, a session or a meeting, book, mark attending, open the
// dialogs that belong to no one screen. This holds whether it is open, the recent choices (kept in
// localStorage, on this device only) and what each choice does.
import type { MeetingId } from "./bindings";
import { congresses } from "./congresses.svelte";
import { bookMeeting, meetings } from "./meetings.svelte";
import { parseRecent, remember, type PaletteEntry, type PaletteTarget } from "./palette";
import { peopleView } from "./people-view.svelte";
import { program } from "./program.svelte";
import { programImport } from "./program-import.svelte";
import { programView } from "./program-view.svelte";
import { route } from "./route.svelte";

const RECENT_KEY = "hallway.palette.recent";

/** The dialogs the palette opens that belong to no one screen. */
export type PaletteDialog = "met-someone" | "export-calendar" | "shortcuts";

function storedRecent(): PaletteEntry[] {
  try {
    return parseRecent(localStorage.getItem(RECENT_KEY));
  } catch {
    return [];
  }
}

class PaletteState {
  open = $state(false);
  dialog = $state<PaletteDialog | null>(null);
  recent = $state.raw<PaletteEntry[]>(storedRecent());
  /** What the last choice did, when it did it out of sight ("Marked … attending"). */
  notice = $state("");
  /** Where focus was before the palette or one of its dialogs opened; it goes back there. */
  #returnTo: HTMLElement | null = null;

  show(): void {
    if (this.open) return;
    this.#returnTo = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    this.notice = "";
    this.open = true;
  }

  /** Closes the palette; focus goes back unless the choice moves it (a screen, a dialog). */
  hide(restoreFocus = true): void {
    this.open = false;
    if (restoreFocus) this.#restore();
  }

  showDialog(dialog: PaletteDialog): void {
    if (!this.open) this.#returnTo = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    this.open = false;
    this.dialog = dialog;
  }

  closeDialog(): void {
    this.dialog = null;
    this.#restore();
  }

  #restore(): void {
    const target = this.#returnTo;
    this.#returnTo = null;
    if (target?.isConnected) queueMicrotask(() => target.focus());
  }

  /** Runs a choice and remembers it for the next empty query. */
  async choose(entry: PaletteEntry): Promise<void> {
    this.recent = remember(this.recent, entry);
    try {
      localStorage.setItem(RECENT_KEY, JSON.stringify(this.recent));
    } catch {
      // Storage full or off: recent choices last until the app closes.
    }
    await this.perform(entry.target);
  }

  async perform(target: PaletteTarget): Promise<void> {
    switch (target.kind) {
      case "screen":
        this.hide(false);
        route.go(target.id);
        return;
      case "person":
        this.hide(false);
        peopleView.selectedId = target.id;
        route.go("people");
        return;
      case "session":
        this.hide(false);
        programView.selectedId = target.id;
        route.go("program");
        return;
      case "meeting":
        this.#openMeeting(target.id);
        return;
      case "goal":
        this.hide(false);
        route.go("goals");
        return;
      case "book":
        this.hide(false);
        bookMeeting({ id: target.id, display_name: target.name });
        return;
      case "attend": {
        this.hide();
        const res = await program.setAttendance(target.id, "attending");
        const title = res.status === "ok" ? res.data.title : (program.titleOf(target.id) ?? "The session");
        this.notice = res.status === "ok" ? `Marked “${title}” attending.` : `Could not mark “${title}”: ${res.error.message}`;
        return;
      }
      case "action":
        return this.#action(target.id);
    }
  }

  #openMeeting(id: MeetingId | "new"): void {
    this.hide(false);
    meetings.pendingOpen = id;
    route.go("meetings");
  }

  async #action(id: Extract<PaletteTarget, { kind: "action" }>["id"]): Promise<void> {
    const congress = congresses.current;
    switch (id) {
      case "new-meeting":
        if (congress) this.#openMeeting("new");
        else this.#needCongress();
        return;
      case "met-someone":
      case "export-calendar":
        if (congress) this.showDialog(id);
        else this.#needCongress();
        return;
      case "shortcuts":
        this.showDialog("shortcuts");
        return;
      case "import-program": {
        if (!congress) return this.#needCongress();
        this.hide(false);
        route.go("program");
        const path = await programImport.chooseFile();
        if (path) await programImport.run(congress.id, path);
        return;
      }
    }
  }

  #needCongress(): void {
    this.hide(false);
    this.notice = "Add a congress first: everything you plan belongs to one.";
    route.go("congresses");
  }
}

export const palette = new PaletteState();
