// Why: component tests talk to the same `commands` as the app, answered by this in-memory stand-in
// for the Rust side (through Tauri's own mockIPC), so no test reaches into a store's insides.
import { mockIPC } from "@tauri-apps/api/mocks";
import type { CommandError, Congress, CongressContents, CongressDraft, FieldProblem, Settings } from "../lib/bindings";

export type FakeBackend = {
  congresses: Congress[];
  settings: Settings;
  contents: CongressContents;
  /** What validate_congress answers; a function sees the draft. */
  validate: (draft: CongressDraft) => FieldProblem[];
  /** When set, create/update fail with this error. */
  saveError: CommandError | null;
  calls: { cmd: string; args: Record<string, unknown> }[];
};

export function congress(overrides: Partial<Congress> = {}): Congress {
  return {
    id: 1,
    name: "ASH Annual Meeting 2026",
    short_name: "ASH 2026",
    series: "ash",
    starts_on: "2026-12-05",
    ends_on: "2026-12-08",
    time_zone: "America/Los_Angeles",
    city: "San Diego",
    venue: null,
    website: null,
    hashtags: ["#ASH26"],
    notes: "",
    ...overrides,
  };
}

export function installFakeBackend(init: Partial<FakeBackend> = {}): FakeBackend {
  const b: FakeBackend = {
    congresses: [],
    settings: {
      current_congress_id: null,
      home_time_zone: null,
      day_start_hour: 7,
      day_end_hour: 20,
      default_meeting_minutes: 30,
      buffer_minutes: 10,
    },
    contents: { sessions: 0, targets: 0, meetings: 0, goals: 0, pitches: 0 },
    validate: () => [],
    saveError: null,
    calls: [],
    ...init,
  };
  const fromDraft = (id: number, d: CongressDraft): Congress => ({
    ...d,
    id,
    short_name: d.short_name || null,
    city: d.city || null,
    venue: d.venue || null,
    website: d.website || null,
    hashtags: d.hashtags.split(/[\s,]+/).filter(Boolean),
  });

  mockIPC((cmd, payload) => {
    const args = (payload ?? {}) as Record<string, unknown>;
    b.calls.push({ cmd, args });
    switch (cmd) {
      case "list_congresses":
        return b.congresses;
      case "get_settings":
        return b.settings;
      case "update_settings":
        b.settings = args.settings as Settings;
        return b.settings;
      case "time_zones":
        return ["America/Los_Angeles", "Europe/Paris"];
      case "app_info":
        return { version: "0.1.0", database_path: "/home/doc/.local/share/hallway/hallway.sqlite3" };
      case "validate_congress":
        return b.validate(args.draft as CongressDraft);
      case "congress_contents":
        return b.contents;
      case "create_congress":
      case "update_congress": {
        if (b.saveError) throw b.saveError;
        const id = cmd === "create_congress" ? Math.max(0, ...b.congresses.map((c) => c.id)) + 1 : (args.id as number);
        const saved = fromDraft(id, args.draft as CongressDraft);
        b.congresses = [...b.congresses.filter((c) => c.id !== id), saved];
        return saved;
      }
      case "delete_congress":
        b.congresses = b.congresses.filter((c) => c.id !== args.id);
        return null;
      default:
        throw { kind: "not_found", message: `no command ${cmd}` } satisfies CommandError;
    }
  });
  return b;
}
