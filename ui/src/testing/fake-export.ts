// Why: the export commands (export_ics, export_meeting_ics, export_person_vcard, export_my_card,
// my_card_qr) and the OS save dialog for component tests, kept out of the shared fake-backend.ts:
// installFakeExport(backend) answers them on top of installFakeBackend, logs them in
// backend.calls like every other command, and refuses as the core does (an empty card's QR code,
// an export with nothing in it), so tests only look at what was sent and what the user sees.
import type { CommandError, ExportOptions, Written } from "../lib/bindings";
import { answerCommands, type FakeBackend } from "./fake-backend";

export type FakeExport = {
  /** What the OS save dialog answers (null: the user closed it). */
  savePath: string | null;
  /** How many events export_ics writes for these options (by default 42; 0 is refused). */
  events: (options: ExportOptions) => number;
  /** When set, every export fails with this error. */
  error: CommandError | null;
  /** The SVG my_card_qr answers. */
  svg: string;
};

const COMMANDS = new Set(["export_ics", "export_meeting_ics", "export_person_vcard", "export_my_card", "my_card_qr", "plugin:dialog|save"]);

/** A tiny SVG with non-ASCII in it (btoa alone would throw on it). */
export const FAKE_QR_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 29 29"><title>Ana Sánchez</title><path d="M0 0h7v7H0z"/></svg>';

const nothing: CommandError = {
  kind: "invalid",
  message: "nothing to export",
  problems: [{ field: "options", message: "There is nothing to export with these choices." }],
};

/** Call after installFakeBackend (which it extends). */
export function installFakeExport(b: FakeBackend, init: Partial<FakeExport> = {}): FakeExport {
  const f: FakeExport = { savePath: null, events: () => 42, error: null, svg: FAKE_QR_SVG, ...init };
  answerCommands(b, COMMANDS, (cmd, args) => {
    if (cmd === "plugin:dialog|save") return f.savePath;
    if (f.error) throw f.error;
    const path = args.path as string;
    switch (cmd) {
      case "export_ics": {
        const events = f.events(args.options as ExportOptions);
        if (events === 0) throw nothing;
        return { path, events } satisfies Written;
      }
      case "export_meeting_ics":
        return { path, events: 1 } satisfies Written;
      case "export_person_vcard":
        return { path, events: 1 } satisfies Written;
      default: {
        // export_my_card and my_card_qr: the core's refusal of a card without a name.
        if (!b.settings.my_card.name.trim()) {
          throw { kind: "invalid", message: "no name", problems: [{ field: "my_card.name", message: "Fill in your name in Settings → My card first." }] } satisfies CommandError;
        }
        return cmd === "my_card_qr" ? f.svg : ({ path, events: 1 } satisfies Written);
      }
    }
  });
  return f;
}
