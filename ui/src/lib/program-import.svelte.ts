// Why: importing a program is long work (thousands of sessions) that must show progress, be
// cancellable and end in a report the user can read. One import runs at a time, whichever screen
// started it, so its state lives here; every call to the import commands and the file dialog too,
// and to the switch that places talks inside the session around them when a file does not say.
import { open } from "@tauri-apps/plugin-dialog";
import { commands, events, type CongressId, type ImportProgress, type ImportReport, type Nesting } from "./bindings";
import { settle, type CommandError, type Result } from "./api";
import { program } from "./program.svelte";
import { importErrorText, importReportText } from "./program-words";

export type ImportState =
  | { phase: "idle" }
  | { phase: "running"; path: string | null; done: number; total: number; cancelling: boolean }
  | { phase: "done"; text: string; report: ImportReport }
  | { phase: "failed"; text: string; kind: CommandError["kind"] };

/** What the OS file dialog offers; "All files" for programs saved with an odd extension. */
export const PROGRAM_FILE_FILTERS = [
  { name: "Program files", extensions: ["ics", "xml", "json", "csv", "txt"] },
  { name: "All files", extensions: ["*"] },
];

/** The event payload is ImportProgress; an older backend wrapped it in a one-item tuple. */
function progressOf(payload: ImportProgress | [ImportProgress]): ImportProgress {
  return Array.isArray(payload) ? payload[0] : payload;
}

class ProgramImport {
  state = $state<ImportState>({ phase: "idle" });
  /** The shown congress's nesting switch; null until read (or when it cannot be). */
  nesting = $state<Nesting | null>(null);
  /** Why switching it failed, until the next try. */
  nestingError = $state<string | null>(null);
  #nestingFor: CongressId | null = null;
  #nestingRequest = 0;

  get running(): boolean {
    return this.state.phase === "running";
  }

  /** Asks the OS for a program file; null when the user closed the dialog. */
  async chooseFile(): Promise<string | null> {
    try {
      const picked = await open({ title: "Import program", multiple: false, directory: false, filters: PROGRAM_FILE_FILTERS });
      return typeof picked === "string" ? picked : null;
    } catch (e) {
      const why = e instanceof Error ? e.message : typeof e === "object" && e && "message" in e ? String(e.message) : String(e);
      this.state = { phase: "failed", text: `The file dialog could not open: ${why}`, kind: "io" };
      return null;
    }
  }

  /** Imports `path` into the congress, following its progress, then reloads the program. */
  async run(congressId: CongressId, path: string): Promise<Result<ImportReport, CommandError>> {
    return this.#track(congressId, path, () => settle(() => commands.importProgram(congressId, path)));
  }

  /** Imports the program an address serves and subscribes the congress to it. */
  subscribe(congressId: CongressId, url: string): Promise<Result<ImportReport, CommandError>> {
    return this.#track(congressId, url, () => settle(() => commands.subscribeProgram(congressId, url)));
  }

  /** Fetches the subscribed program again; an unchanged one imports nothing. */
  refresh(congressId: CongressId, url: string): Promise<Result<ImportReport, CommandError>> {
    return this.#track(congressId, url, () => settle(() => commands.refreshProgram(congressId)));
  }

  loadSample(congressId: CongressId): Promise<Result<ImportReport, CommandError>> {
    return this.#track(congressId, null, () => settle(() => commands.loadSampleProgram(congressId)));
  }

  /** The backend rolls back and answers the running import with `cancelled`. */
  async cancel(): Promise<void> {
    if (this.state.phase !== "running") return;
    this.state = { ...this.state, cancelling: true };
    try {
      await commands.cancelImport();
    } catch {
      // Nothing to cancel any more: the import's own answer ends the run either way.
    }
  }

  /** Reads whether the congress's talks are placed inside the session around them, and how many are. */
  async loadNesting(congressId: CongressId): Promise<void> {
    if (this.#nestingFor !== congressId) {
      this.#nestingFor = congressId;
      this.nesting = null;
      this.nestingError = null;
    }
    const request = ++this.#nestingRequest;
    const res = await settle(() => commands.programNesting(congressId));
    if (request !== this.#nestingRequest) return; // an older read, or a switch since
    this.nesting = res.status === "ok" ? res.data : null;
  }

  /** Switches it on (placed again at once) or off (only those placed by Hallway come out); the program reloads. */
  async setNesting(congressId: CongressId, infer: boolean): Promise<Result<Nesting, CommandError>> {
    const request = ++this.#nestingRequest;
    this.nestingError = null;
    const res = await settle(() => commands.setProgramNesting(congressId, infer));
    if (request === this.#nestingRequest && this.#nestingFor === congressId) {
      if (res.status === "ok") this.nesting = res.data;
      else this.nestingError = `Could not switch this ${infer ? "on" : "off"}: ${res.error.message}`;
    }
    if (res.status === "ok" && program.congressId === congressId) await program.load(congressId);
    return res;
  }

  dismiss(): void {
    if (this.state.phase !== "running") this.state = { phase: "idle" };
  }

  async #track(
    congressId: CongressId,
    path: string | null,
    start: () => Promise<Result<ImportReport, CommandError>>,
  ): Promise<Result<ImportReport, CommandError>> {
    if (this.state.phase === "running") {
      return { status: "error", error: { kind: "conflict", message: "An import is already running." } };
    }
    this.state = { phase: "running", path, done: 0, total: 0, cancelling: false };
    let unlisten: (() => void) | null = null;
    try {
      unlisten = await events.programImportProgress.listen((e) => {
        const { done, total } = progressOf(e.payload as ImportProgress | [ImportProgress]);
        if (this.state.phase === "running") this.state = { ...this.state, done, total };
      });
    } catch {
      // No progress events (an old backend): the bar stays indeterminate, the import still runs.
    }
    const res = await start();
    unlisten?.();
    if (res.status === "ok") {
      this.state = { phase: "done", text: importReportText(res.data, path), report: res.data };
      // The user may have switched congress meanwhile; the one on screen reloads only if it is this one.
      if (program.congressId === congressId) await program.load(congressId);
    } else {
      this.state = { phase: "failed", text: importErrorText(res.error, path), kind: res.error.kind };
    }
    return res;
  }
}

export const programImport = new ProgramImport();
