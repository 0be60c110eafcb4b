// Why: bringing hundreds of existing contacts in (LinkedIn Connections.csv, vCard, CSV) must never
// surprise: the file is read and previewed first (previewContacts writes nothing), and only an
// explicit confirm imports that same file. The state lives here, with every call to the contacts
// commands and the file dialog, and the wording as pure functions so it is tested once.
import { open } from "@tauri-apps/plugin-dialog";
import { commands, type ContactFormat, type ContactImportReport, type ContactPreview, type MatchedBy, type PreviewMatch, type PreviewProblem } from "./bindings";
import { describeError, settle, type CommandError, type Result } from "./api";
import { fileName } from "./program-words";

export type ContactImportPhase = "idle" | "previewing" | "preview" | "importing" | "done" | "error";

/** What the OS file dialog offers; "All files" for exports saved with an odd extension. */
export const CONTACT_FILE_FILTERS = [
  { name: "Contacts", extensions: ["csv", "vcf", "vcard", "txt"] },
  { name: "All files", extensions: ["*"] },
];

export const CONTACT_FORMAT_LABELS: Record<ContactFormat, string> = {
  linkedin_csv: "LinkedIn connections",
  vcard: "vCard",
  csv: "CSV",
};

export const MATCHED_BY_LABELS: Record<MatchedBy, string> = {
  same_source: "same card or row as an earlier import",
  email: "same email",
  linkedin: "same LinkedIn profile",
  name_and_institution: "same name and institution",
  name_and_phone: "same name and phone",
};

const n = (x: number) => x.toLocaleString("en-US");

/** Backend messages may or may not end a sentence; the UI always does. */
const sentence = (text: string) => (/[.!?…]$/.test(text.trim()) ? text.trim() : `${text.trim()}.`);

/** One count of the preview: the number (shown strong) and the words after it. */
export type PreviewCount = { key: "new" | "merged" | "skipped"; count: string; words: string };

/** "312 new people", "41 match people you already have and will be merged", "3 rows have problems" */
export function previewCounts(p: Pick<ContactPreview, "new" | "merged" | "skipped">): PreviewCount[] {
  return [
    { key: "new", count: n(p.new), words: p.new === 1 ? "new person" : "new people" },
    {
      key: "merged",
      count: n(p.merged),
      words: p.merged === 1 ? "matches someone you already have and will be merged" : "match people you already have and will be merged",
    },
    { key: "skipped", count: n(p.skipped), words: p.skipped === 1 ? "row has problems" : "rows have problems" },
  ];
}

/** The whole summary as one sentence (what the preview's counts line reads as). */
export function previewSummaryText(p: Pick<ContactPreview, "new" | "merged" | "skipped">): string {
  return `${previewCounts(p)
    .map((c) => `${c.count} ${c.words}`)
    .join(", ")}.`;
}

/** How many people an import of this preview adds or merges. */
export const importCount = (p: Pick<ContactPreview, "new" | "merged">): number => p.new + p.merged;

/** "Import 353 contacts"; nothing to add or merge says so instead. */
export function confirmLabel(p: Pick<ContactPreview, "new" | "merged">): string {
  const count = importCount(p);
  if (count === 0) return "Nothing to import";
  return `Import ${n(count)} ${count === 1 ? "contact" : "contacts"}`;
}

/** "Ana Sanchez (line 14) → Ana Sánchez, same email" */
export function matchText(m: PreviewMatch): string {
  return `${m.name} (line ${n(m.line)}) → ${m.existing_name}, ${MATCHED_BY_LABELS[m.matched_by]}`;
}

/** "Line 12: no name or email. Skipped." for a skipped row; a value left out says so in its reason. */
export function problemText(p: PreviewProblem): string {
  return `Line ${n(p.line)}: ${sentence(p.reason)}${p.skipped ? " Skipped." : ""}`;
}

/** "LinkedIn connections from Connections.csv" */
export function sourceText(p: Pick<ContactPreview, "file" | "format">): string {
  return `${CONTACT_FORMAT_LABELS[p.format]} from ${fileName(p.file)}`;
}

/** "The first 50 of 341 are shown." when the backend sent only the first few; "" when all are. */
export function shownOfText(shown: number, total: number): string {
  return shown < total ? `The first ${n(shown)} of ${n(total)} are shown.` : "";
}

/** "Added 312 people, merged 41, skipped 3." */
export function reportText(r: ContactImportReport): string {
  return `Added ${n(r.added)} ${r.added === 1 ? "person" : "people"}, merged ${n(r.merged)}, skipped ${n(r.skipped)}.`;
}

/** Why a preview or an import failed, in words, naming the file and line when the reader knows them. */
export function contactErrorText(error: CommandError, path: string | null): string {
  switch (error.kind) {
    case "import": {
      const where = error.line === null ? fileName(error.file) : `${fileName(error.file)}, line ${n(error.line)}`;
      return `${where}: ${sentence(error.message)} Nothing was imported.`;
    }
    case "io":
      return path === null
        ? `${sentence(error.message)} Nothing was imported.`
        : `Could not read ${fileName(path)}: ${sentence(error.message)} Nothing was imported.`;
    case "cancelled":
      return "Cancelled; nothing was imported.";
    default:
      return `${sentence(describeError(error))} Nothing was imported.`;
  }
}

type ImportedListener = (report: ContactImportReport) => void;

/** Where the import stands. `path` is the file being previewed or imported (kept after a failure, for the words). */
export type ContactImportState = {
  phase: ContactImportPhase;
  path: string | null;
  preview: ContactPreview | null;
  report: ContactImportReport | null;
  error: CommandError | null;
};

const IDLE: ContactImportState = { phase: "idle", path: null, preview: null, report: null, error: null };

class ContactImport {
  /** Replaced whole on every step, never edited in place. */
  state = $state.raw<ContactImportState>(IDLE);
  #listeners = new Set<ImportedListener>();
  /** Answers to a preview the user has since cancelled (or replaced) are dropped. */
  #generation = 0;

  /** True while the import writes: the dialog stays open and cannot be cancelled. */
  get busy(): boolean {
    return this.state.phase === "importing";
  }

  /** The current error in words, or "". */
  get errorText(): string {
    return this.state.error ? contactErrorText(this.state.error, this.state.path) : "";
  }

  /** Calls `listener` after every successful import (the People screen refreshes its list); returns the unsubscribe. */
  onImported(listener: ImportedListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Asks the OS for a contacts file and previews it; null when the user closed the dialog. */
  async choose(): Promise<string | null> {
    if (this.busy) return null;
    let picked: string | string[] | null;
    try {
      picked = await open({ title: "Import contacts", multiple: false, directory: false, filters: CONTACT_FILE_FILTERS });
    } catch (e) {
      const why = e instanceof Error ? e.message : typeof e === "object" && e && "message" in e ? String(e.message) : String(e);
      this.state = { ...IDLE, phase: "error", error: { kind: "io", message: `The file dialog could not open: ${why}` } };
      return null;
    }
    if (typeof picked !== "string") return null;
    await this.preview(picked);
    return picked;
  }

  /** Reads `path` and says what importing it would do; writes nothing. */
  async preview(path: string): Promise<Result<ContactPreview, CommandError> | null> {
    if (this.busy) return null;
    const mine = ++this.#generation;
    this.state = { ...IDLE, phase: "previewing", path };
    const res = await settle(() => commands.previewContacts(path));
    if (mine !== this.#generation) return null; // cancelled, or another file chosen meanwhile
    this.state =
      res.status === "ok"
        ? { ...IDLE, phase: "preview", path, preview: res.data }
        : { ...IDLE, phase: "error", path, error: res.error };
    return res;
  }

  /** Imports the previewed file, the very path the preview read; then tells the listeners. */
  async confirm(): Promise<Result<ContactImportReport, CommandError> | null> {
    const { phase, path } = this.state;
    if (phase !== "preview" || path === null) return null;
    this.#generation++;
    this.state = { ...this.state, phase: "importing" };
    const res = await settle(() => commands.importContacts(path));
    if (res.status === "ok") {
      this.state = { ...IDLE, phase: "done", path, report: res.data };
      for (const listener of this.#listeners) listener(res.data);
    } else {
      this.state = { ...IDLE, phase: "error", path, error: res.error };
    }
    return res;
  }

  /** Back to the start, writing nothing; refused (false) while an import is writing. */
  cancel(): boolean {
    if (this.busy) return false;
    this.#generation++;
    this.state = IDLE;
    return true;
  }
}

export const contactImport = new ContactImport();
