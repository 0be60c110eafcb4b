// Why: where a program does not say which session holds a talk, Hallway places talks inside the
// session around them (issue 17). The user must be told so (the import report's note, the count by
// the box) and be able to switch it off and on from the import area, the program following at once.
// Driven through the fake backend, the way a user does.
import { beforeEach, afterEach, describe, expect, it, vi } from "vitest";
import { fireEvent, render, screen, waitFor, within } from "@testing-library/svelte";
import ProgramScreen from "../ProgramScreen.svelte";
import { answerCommands, congress, installFakeBackend, report, session, type FakeBackend } from "../../testing/fake-backend";
import type { CommandError, Nesting } from "../../lib/bindings";
import { congresses } from "../../lib/congresses.svelte";
import { program } from "../../lib/program.svelte";
import { programImport } from "../../lib/program-import.svelte";
import { programView } from "../../lib/program-view.svelte";
import { settings } from "../../lib/settings.svelte";

const ash = congress({ id: 7, name: "ASH 2026", starts_on: "2026-12-05", ends_on: "2026-12-06", time_zone: "America/New_York" });
const sat = (hhmm: string) => `2026-12-05T${hhmm}:00-05:00`;
const oral = session({ id: 20, key: "oral-20", title: "Oral 101: Myeloma", room: "Hall A", starts_at: sat("14:00"), ends_at: sat("15:30") });
const talk = (id: number, from: string, to: string, parent: number | null) =>
  session({ id, key: `t-${id}`, title: `Talk ${id}`, room: "Hall A", starts_at: sat(from), ends_at: sat(to), parent_id: parent });
const placed = [oral, talk(21, "14:00", "14:15", 20), talk(22, "14:15", "14:30", 20)];
const flat = [oral, talk(21, "14:00", "14:15", null), talk(22, "14:15", "14:30", null)];
const NOTE = "Placed 2 talks inside the session around them in the same room (the file does not link them). You can switch this off.";

let backend: FakeBackend;
let nesting: Nesting;

/** The Program of ASH, empty; importing places two talks in their session, as the backend would. */
async function open(init: { nesting?: Nesting; setError?: CommandError } = {}): Promise<void> {
  nesting = init.nesting ?? { infer: true, inferred: 0, linked: 0 };
  backend = installFakeBackend({
    congresses: [ash],
    sessions: [],
    importProgram: () => {
      backend.sessions = nesting.infer ? placed : flat;
      nesting = { ...nesting, inferred: nesting.infer ? 2 : 0 };
      return report({ format: "ics", added: 3, inferred_parents: nesting.inferred, notes: nesting.infer ? [NOTE] : [] });
    },
  });
  backend.settings.current_congress_id = ash.id;
  answerCommands(backend, ["program_nesting", "set_program_nesting"], (cmd, args) => {
    if (cmd === "set_program_nesting") {
      if (init.setError) throw init.setError;
      const infer = args.infer as boolean;
      const imported = backend.sessions.length > 0;
      if (imported) backend.sessions = infer ? placed : flat;
      nesting = { infer, inferred: infer && imported ? 2 : 0, linked: 0 };
    }
    return nesting;
  });
  await Promise.all([settings.load(), congresses.load()]);
  render(ProgramScreen);
}

async function importFile(): Promise<void> {
  await screen.findByTestId("program-empty");
  await fireEvent.input(screen.getByTestId("import-path"), { target: { value: "/home/doc/program.ics" } });
  await fireEvent.click(screen.getByTestId("import-path-submit"));
  await screen.findByTestId("import-report");
  await fireEvent.click(await screen.findByTestId("view-list"));
}

const box = () => screen.getByTestId("program-nesting") as HTMLInputElement;
const rowTitles = () => screen.queryAllByTestId("session-row").map((r) => within(r).getAllByRole("button")[0]?.textContent?.trim());
const talkCount = () => screen.queryByTestId("session-talk-count")?.textContent ?? null;

beforeEach(() => {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(new Date("2026-11-20T12:00:00Z"));
  program.reset();
  programView.reset();
  programImport.state = { phase: "idle" };
  programImport.nesting = null;
  programImport.nestingError = null;
});

afterEach(() => {
  vi.useRealTimers();
});

describe("Program import: talks placed inside the session around them", () => {
  it("says so in the report and by the box, and switches off and on at once, the program following", async () => {
    await open();
    await importFile();
    expect(within(screen.getByTestId("import-notes")).getByText(NOTE)).toBeTruthy();
    await waitFor(() => expect(talkCount()).toBe("2 talks inside"));
    await waitFor(() => expect(screen.getByTestId("program-nesting-count").textContent).toBe("(2 placed this way)"));
    expect(box().checked).toBe(true);

    await fireEvent.click(box());
    await waitFor(() => expect(backend.calls.find((c) => c.cmd === "set_program_nesting")?.args).toEqual({ congressId: ash.id, infer: false }));
    // The program reloads: the talks stand on their own again.
    await waitFor(() => expect(talkCount()).toBeNull());
    expect(rowTitles()).toEqual(["Oral 101: Myeloma", "Talk 21", "Talk 22"]);
    expect(box().checked).toBe(false);
    expect(screen.getByTestId("program-nesting-count").textContent).toBe("");

    await fireEvent.click(box());
    await waitFor(() => expect(talkCount()).toBe("2 talks inside"));
    expect(backend.calls.filter((c) => c.cmd === "set_program_nesting").at(-1)?.args).toEqual({ congressId: ash.id, infer: true });
    expect(box().checked).toBe(true);
  });

  it("offers nothing to switch before anything was placed, and keeps the box while switched off", async () => {
    await open();
    await screen.findByTestId("program-empty");
    await waitFor(() => expect(backend.calls.some((c) => c.cmd === "program_nesting")).toBe(true));
    expect(screen.queryByTestId("program-nesting")).toBeNull();
    await importFile();
    await waitFor(() => expect(box().checked).toBe(true));
    await fireEvent.click(box());
    await waitFor(() => expect(box().checked).toBe(false));
    // Off, nothing is placed, but the box stays to switch it back on.
    expect(screen.getByTestId("program-nesting")).toBeTruthy();
  });

  it("offers nothing to switch when the program itself links its talks", async () => {
    await open({ nesting: { infer: true, inferred: 0, linked: 2 } });
    await screen.findByTestId("program-empty");
    await waitFor(() => expect(backend.calls.some((c) => c.cmd === "program_nesting")).toBe(true));
    await Promise.resolve();
    expect(screen.queryByTestId("program-nesting")).toBeNull();
  });

  it("says why a switch failed and leaves the box as it is", async () => {
    await open({ setError: { kind: "storage", message: "the database is locked" } });
    await importFile();
    await waitFor(() => expect(box().checked).toBe(true));
    await fireEvent.click(box());
    expect((await screen.findByRole("alert")).textContent).toBe("Could not switch this off: the database is locked");
    expect(box().checked).toBe(true);
  });
});
