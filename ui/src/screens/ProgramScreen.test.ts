// Why: the Program screen is where a physician decides which talks to attend. These drive it the
// way a user does (through the fake backend, never a store's insides): filters, ranked search,
// attendance, clash marks, the agenda, the detail, keyboard, import and the empty state.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { fireEvent, render, screen, waitFor, within } from "@testing-library/svelte";
import { emit } from "@tauri-apps/api/event";
import ProgramScreen from "./ProgramScreen.svelte";
import { answerCommands, congress, installFakeBackend, report, session, wrapInvoke, type FakeBackend } from "../testing/fake-backend";
import type { CommandError, ImportReport, ProgramChange } from "../lib/bindings";
import { congresses } from "../lib/congresses.svelte";
import { program } from "../lib/program.svelte";
import { programImport } from "../lib/program-import.svelte";
import { GRID_MAX_ROOMS, programView } from "../lib/program-view.svelte";
import { settings } from "../lib/settings.svelte";

const ash = congress({ id: 7, name: "ASH 2026", starts_on: "2026-12-05", ends_on: "2026-12-06", time_zone: "America/New_York" });
const sat = (hhmm: string) => `2026-12-05T${hhmm}:00-05:00`;
const sun = (hhmm: string) => `2026-12-06T${hhmm}:00-05:00`;

const menin = session({ id: 1, key: "abs-101", title: "Menin inhibitors in NPM1 AML", track: "AML", room: "Room 6A", starts_at: sat("08:30"), ends_at: sat("10:00") });
const cart = session({ id: 2, key: "abs-102", title: "CAR-T after BCMA bispecifics", track: "Myeloma", room: "Hall B", starts_at: sat("09:00"), ends_at: sat("10:30") });
const posters = session({ id: 3, key: "pos-1", title: "Posters: CAR-T toxicity", kind: "poster", track: "Cellular therapy", room: "Poster Hall", starts_at: sat("17:30"), ends_at: sat("19:30") });
const edu = session({ id: 4, key: "edu-1", title: "Education: MDS for the generalist", kind: "education", track: "MDS", room: "Room 6A", starts_at: sun("07:00"), ends_at: sun("08:00") });

let backend: FakeBackend;

async function open(init: Partial<FakeBackend> = {}, view?: "list" | "agenda"): Promise<FakeBackend> {
  backend = installFakeBackend({ congresses: [ash], sessions: [menin, cart, posters, edu], ...init });
  backend.settings.current_congress_id = ash.id;
  await Promise.all([settings.load(), congresses.load()]);
  render(ProgramScreen);
  if (view) await fireEvent.click(await screen.findByTestId(`view-${view}`));
  return backend;
}

const rows = () => screen.queryAllByTestId("session-row");
const rowIds = () => rows().map((r) => Number(r.dataset.sessionId));
const rowOf = (id: number) => rows().find((r) => r.dataset.sessionId === String(id)) as HTMLElement;
const select = (testid: string, value: string) => fireEvent.change(screen.getByTestId(testid), { target: { value } });
const deferred = <T,>() => {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
};

beforeEach(() => {
  // Long before the congress, so the day tabs open on its first day whatever today is.
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(new Date("2026-11-20T12:00:00Z"));
  program.reset();
  programView.reset();
  programImport.state = { phase: "idle" };
});

afterEach(() => {
  vi.useRealTimers();
});

describe("ProgramScreen: the view it opens on", () => {
  const pressed = (view: string) => screen.getByTestId(`view-${view}`).getAttribute("aria-pressed");

  it("opens a day of a few rooms on the grid", async () => {
    await open();
    await screen.findByTestId("view-grid");
    await waitFor(() => expect(pressed("grid")).toBe("true"));
  });

  it("opens a congress-scale day (more rooms than a grid can show) on the list, until a view is picked", async () => {
    const many = Array.from({ length: GRID_MAX_ROOMS + 1 }, (_, i) =>
      session({ id: 100 + i, key: `r${i}`, title: `Session in room ${i}`, room: `Room ${i}`, starts_at: sat("08:00"), ends_at: sat("09:00") }),
    );
    await open({ sessions: many });
    await waitFor(() => expect(rows().length).toBeGreaterThan(0));
    expect(pressed("list")).toBe("true");
    await fireEvent.click(screen.getByTestId("view-grid"));
    expect(pressed("grid")).toBe("true");
    expect(programView.view).toBe("grid");
  });
});

describe("ProgramScreen: finding sessions", () => {
  it("shows one tab per congress day and the first day's sessions, grouped by start time", async () => {
    await open({}, "list");
    await waitFor(() => expect(rowIds()).toEqual([1, 2, 3]));
    const tabs = screen.getAllByTestId("day-tab");
    expect(tabs.map((t) => t.dataset.day)).toEqual(["2026-12-05", "2026-12-06"]);
    expect(tabs.map((t) => t.textContent?.replace(/\s+/g, " ").trim())).toEqual(["Sat 5 Dec 3 sessions", "Sun 6 Dec 1 session"]);
    expect(tabs[0]?.getAttribute("aria-selected")).toBe("true");
    expect(rowOf(1).dataset.key).toBe("abs-101");
    expect(rowOf(1).textContent).toContain("08:30–10:00 EST");
    expect(screen.getAllByRole("heading", { level: 2 }).map((h) => h.textContent)).toEqual(["08:30 EST", "09:00 EST", "17:30 EST"]);

    await fireEvent.click(tabs[1] as HTMLElement);
    await waitFor(() => expect(rowIds()).toEqual([4]));
  });

  it("filters by track, kind and room, with counts in each option", async () => {
    await open({}, "list");
    await waitFor(() => expect(rows()).toHaveLength(3));
    const kinds = within(screen.getByTestId("filter-kind")).getAllByRole("option").map((o) => [(o as HTMLOptionElement).value, o.textContent]);
    expect(kinds).toEqual([
      ["", "All kinds"],
      ["oral", "Oral (2)"],
      ["poster", "Poster (1)"],
    ]);

    await select("filter-kind", "oral");
    await waitFor(() => expect(rowIds()).toEqual([1, 2]));
    await select("filter-track", "Myeloma");
    await waitFor(() => expect(rowIds()).toEqual([2]));
    await select("filter-track", "");
    // The room menu offers what the other filters leave, as counted by the backend for this look.
    await waitFor(() => expect(rowIds()).toEqual([1, 2]));
    await select("filter-room", "Room 6A");
    await waitFor(() => expect(rowIds()).toEqual([1]));
    // Room 6A on Sunday is the education session; the kind filter is still "oral".
    await fireEvent.click(screen.getAllByTestId("day-tab")[1] as HTMLElement);
    await waitFor(() => expect(rows()).toHaveLength(0));
    expect(screen.getByText(/No sessions on this day match with these filters/)).toBeTruthy();
    await fireEvent.click(screen.getByTestId("clear-filters"));
    await waitFor(() => expect(rowIds()).toEqual([4]));
  });

  it("searches through the backend and keeps its ranking, within the day and filters", async () => {
    await open({ search: (q) => (q === "car-t" ? [4, 3, 2] : []) }, "list");
    await waitFor(() => expect(rows()).toHaveLength(3));
    const search = screen.getByTestId("program-search");
    await fireEvent.input(search, { target: { value: "car-t" } });

    // Best match first (3 over 2); 4 is on Sunday, so Sunday's tab counts it.
    await waitFor(() => expect(rowIds()).toEqual([3, 2]));
    const filter = { track: null, kind: null, room: null, search: "car-t" };
    expect(backend.calls.filter((c) => c.cmd === "list_program_day").at(-1)?.args).toEqual({ congressId: ash.id, day: "2026-12-05", filter });
    await waitFor(() => expect(backend.calls.filter((c) => c.cmd === "get_program_overview").at(-1)?.args).toEqual({ congressId: ash.id, day: "2026-12-05", filter }));
    expect(screen.getAllByTestId("day-tab").map((t) => t.textContent?.replace(/\D+/g, " ").trim())).toEqual(["5 2", "6 1"]);
    expect(rowOf(3).textContent).toContain("Sat 5 Dec"); // ranked rows name their day

    await fireEvent.keyDown(search, { key: "Escape" });
    await waitFor(() => expect(rowIds()).toEqual([1, 2, 3]));
    expect((search as HTMLInputElement).value).toBe("");
  });

  it("says whether search results are best first or, past 500 matches, in time order", async () => {
    const many = Array.from({ length: 501 }, (_, i) =>
      session({ id: 100 + i, key: `p-${i}`, title: `Poster ${i}`, kind: "poster", room: "Poster Hall", starts_at: sat("12:00"), ends_at: sat("13:00") }),
    );
    const all = [menin, cart, posters, edu, ...many];
    await open({ sessions: all, search: (q) => (q === "poster" ? many.map((m) => m.id) : q === "car-t" ? [3, 2] : []) }, "list");
    await waitFor(() => expect(rows().length).toBeGreaterThan(0));
    const search = screen.getByTestId("program-search");

    await fireEvent.input(search, { target: { value: "poster" } });
    await waitFor(() => expect(screen.getByRole("feed").getAttribute("aria-label")).toBe("Sessions matching the search, in time order"));
    await fireEvent.input(search, { target: { value: "car-t" } });
    await waitFor(() => expect(screen.getByRole("feed").getAttribute("aria-label")).toBe("Sessions, best match first"));
  });

  it("focuses the search with / and leaves typing alone", async () => {
    await open({}, "list");
    await waitFor(() => expect(rows()).toHaveLength(3));
    await fireEvent.keyDown(document.body, { key: "/" });
    expect(document.activeElement).toBe(screen.getByTestId("program-search"));
  });
});

describe("ProgramScreen: one day at a time", () => {
  /** Holds back the backend's answer for `day`'s rows until the test lets it go. */
  function holdDay(day: string) {
    const gate = deferred<void>();
    wrapInvoke((next) => async (cmd, payload, options) => {
      if (cmd === "list_program_day" && (payload as { day?: string }).day === day) await gate.promise;
      return next(cmd, payload, options);
    });
    return gate;
  }
  const tab = (day: string) => screen.getAllByTestId("day-tab").find((t) => t.dataset.day === day) as HTMLElement;

  it("asks for the shown day only, and loads another day when its tab is chosen", async () => {
    await open({}, "list");
    await waitFor(() => expect(rowIds()).toEqual([1, 2, 3]));
    const days = () => backend.calls.filter((c) => c.cmd === "list_program_day").map((c) => c.args.day);
    expect(new Set(days())).toEqual(new Set(["2026-12-05"]));
    expect(backend.calls.some((c) => c.cmd === "list_sessions")).toBe(false);

    await fireEvent.click(tab("2026-12-06"));
    await waitFor(() => expect(rowIds()).toEqual([4]));
    expect(days().at(-1)).toBe("2026-12-06");
  });

  it("keeps the old day's rows on screen until the new day's arrive", async () => {
    await open({}, "list");
    await waitFor(() => expect(rowIds()).toEqual([1, 2, 3]));
    const sunday = holdDay("2026-12-06");
    await fireEvent.click(tab("2026-12-06"));
    await waitFor(() => expect(tab("2026-12-06").getAttribute("aria-selected")).toBe("true"));
    await new Promise((r) => setTimeout(r, 20));
    expect(rowIds()).toEqual([1, 2, 3]); // no blank list meanwhile
    expect(screen.queryByText(/No sessions on this day/)).toBeNull();

    sunday.resolve();
    await waitFor(() => expect(rowIds()).toEqual([4]));
  });

  it("drops the answer for a day no longer shown", async () => {
    await open({}, "list");
    await waitFor(() => expect(rowIds()).toEqual([1, 2, 3]));
    const sunday = holdDay("2026-12-06");
    await fireEvent.click(tab("2026-12-06"));
    await waitFor(() => expect(tab("2026-12-06").getAttribute("aria-selected")).toBe("true"));
    await fireEvent.click(tab("2026-12-05"));
    await waitFor(() => expect(backend.calls.filter((c) => c.cmd === "list_program_day").at(-1)?.args.day).toBe("2026-12-05"));

    sunday.resolve(); // Sunday's rows arrive late, for a day no longer shown
    await new Promise((r) => setTimeout(r, 20));
    expect(rowIds()).toEqual([1, 2, 3]);
    expect(tab("2026-12-05").getAttribute("aria-selected")).toBe("true");
  });

  it("marks a row in place and shows it on the agenda of another day's session", async () => {
    await open({}, "list");
    await waitFor(() => expect(rowIds()).toEqual([1, 2, 3]));
    await fireEvent.click(within(rowOf(2)).getByTestId("attend-toggle"));
    await waitFor(() => expect(within(rowOf(2)).getByTestId("attend-toggle").getAttribute("aria-pressed")).toBe("true"));
    await fireEvent.click(tab("2026-12-06"));
    await waitFor(() => expect(rowIds()).toEqual([4]));
    await fireEvent.click(within(rowOf(4)).getByTestId("maybe-toggle"));
    await waitFor(() => expect(within(rowOf(4)).getByTestId("maybe-toggle").getAttribute("aria-pressed")).toBe("true"));

    await fireEvent.click(screen.getByTestId("view-agenda"));
    await waitFor(() => expect(screen.getAllByTestId("agenda-item").map((i) => i.dataset.sessionId)).toEqual(["2", "4"]));
  });
});

describe("ProgramScreen: attending and clashes", () => {
  it("toggles Attend and Maybe with aria-pressed, saved through setAttendance", async () => {
    await open({}, "list");
    await waitFor(() => expect(rows()).toHaveLength(3));
    const attend = within(rowOf(1)).getByTestId("attend-toggle");
    expect(attend.getAttribute("aria-pressed")).toBe("false");

    await fireEvent.click(attend);
    await waitFor(() => expect(within(rowOf(1)).getByTestId("attend-toggle").getAttribute("aria-pressed")).toBe("true"));
    expect(backend.calls.find((c) => c.cmd === "set_attendance")?.args).toEqual({ id: 1, attendance: "attending" });

    await fireEvent.click(within(rowOf(1)).getByTestId("maybe-toggle"));
    await waitFor(() => expect(within(rowOf(1)).getByTestId("maybe-toggle").getAttribute("aria-pressed")).toBe("true"));
    expect(within(rowOf(1)).getByTestId("attend-toggle").getAttribute("aria-pressed")).toBe("false");

    await fireEvent.click(within(rowOf(1)).getByTestId("maybe-toggle"));
    await waitFor(() => expect(backend.calls.filter((c) => c.cmd === "set_attendance").at(-1)?.args).toEqual({ id: 1, attendance: null }));
  });

  it("marks attending sessions that clash, naming the other one, as agendaClashes reports", async () => {
    const a = { ...menin, attendance: "attending" as const };
    const b = { ...cart, attendance: "attending" as const };
    await open({ sessions: [a, b, posters, edu] }, "list");
    await waitFor(() => expect(within(rowOf(1)).queryByTestId("clash-mark")).toBeTruthy());
    expect(within(rowOf(1)).getByTestId("clash-mark").textContent).toContain("Clashes with CAR-T after BCMA bispecifics");
    expect(within(rowOf(2)).getByTestId("clash-mark").textContent).toContain("Clashes with Menin inhibitors in NPM1 AML");
    expect(within(rowOf(3)).queryByTestId("clash-mark")).toBeNull();

    // Dropping one side of the clash clears both marks (clashes are asked for again).
    await fireEvent.click(within(rowOf(2)).getByTestId("attend-toggle"));
    await waitFor(() => expect(screen.queryAllByTestId("clash-mark")).toHaveLength(0));
  });

  it("lists my agenda by day with each clash's overlap", async () => {
    const a = { ...menin, attendance: "attending" as const };
    const b = { ...cart, attendance: "attending" as const, title: "Oral abstracts — AML" };
    const c = { ...edu, attendance: "maybe" as const };
    await open({ sessions: [a, b, posters, c] }, "agenda");
    await waitFor(() => expect(screen.getAllByTestId("agenda-item")).toHaveLength(3));
    expect(screen.getByRole("heading", { name: "Saturday 5 December" })).toBeTruthy();
    expect(screen.getByRole("heading", { name: "Sunday 6 December" })).toBeTruthy();
    const clash = within(screen.getAllByTestId("agenda-item")[0] as HTMLElement).getByTestId("agenda-clash");
    expect(clash.textContent?.replace(/\s+/g, " ").trim()).toBe("⚠ Clash: overlaps 09:00–10:00 EST with Oral abstracts — AML");
    expect(within(screen.getAllByTestId("agenda-item")[2] as HTMLElement).getByText("Maybe", { selector: ".status" })).toBeTruthy();
    // Reminders come before talks attended alone and meetings too, not only sessions.
    expect(screen.getByTestId("leave-note").textContent?.replace(/\s+/g, " ").trim()).toBe(
      "A “Leave now” reminder comes before each session you attend, each talk you attend inside a session you skip, and each meeting, with the walk from where you will be.",
    );
  });
});

describe("ProgramScreen: detail and keyboard", () => {
  const detail = {
    description: "Phase 2 results. <b>Not bold</b>\nSecond line.",
    url: "https://example.org/abs-101",
    people: [
      { person_id: 11, name: "Ana Sánchez", role: "speaker", institution: "Hospital Clínic", target_status: "contacted", target_priority: "high" },
      { person_id: 12, name: "Wei Zhang", role: "chair", institution: null, target_status: null, target_priority: null },
    ],
  };

  it("opens a session's detail with its description as text, people and targets; Esc closes it", async () => {
    await open({ details: { 1: detail } }, "list");
    await waitFor(() => expect(rows()).toHaveLength(3));
    await fireEvent.click(within(rowOf(1)).getByRole("button", { name: "Menin inhibitors in NPM1 AML" }));

    const panel = await screen.findByTestId("session-detail");
    await waitFor(() => expect(panel.textContent).toContain("Phase 2 results. <b>Not bold</b>"));
    expect(panel.querySelector("b")).toBeNull(); // text, never HTML
    expect(panel.textContent).toContain("https://example.org/abs-101");
    expect(panel.textContent?.replace(/\s+/g, " ")).toContain("Saturday 5 December, 08:30–10:00 EST");
    expect(panel.textContent).toContain("Target · high priority · contacted");
    expect(panel.textContent).toContain("Wei Zhang");

    await fireEvent.keyDown(window, { key: "Escape" });
    await waitFor(() => expect(screen.queryByTestId("session-detail")).toBeNull());
  });

  it("moves through rows with the arrow keys; a, m and Enter act on the focused row", async () => {
    await open({ details: { 2: detail } }, "list");
    await waitFor(() => expect(rows()).toHaveLength(3));
    expect(rows().map((r) => r.tabIndex)).toEqual([0, -1, -1]);
    rowOf(1).focus();

    await fireEvent.keyDown(rowOf(1), { key: "ArrowDown" });
    await waitFor(() => expect(document.activeElement).toBe(rowOf(2)));
    expect(rows().map((r) => r.tabIndex)).toEqual([-1, 0, -1]);

    await fireEvent.keyDown(rowOf(2), { key: "a" });
    await waitFor(() => expect(within(rowOf(2)).getByTestId("attend-toggle").getAttribute("aria-pressed")).toBe("true"));
    await fireEvent.keyDown(rowOf(2), { key: "m" });
    await waitFor(() => expect(within(rowOf(2)).getByTestId("maybe-toggle").getAttribute("aria-pressed")).toBe("true"));

    await fireEvent.keyDown(rowOf(2), { key: "Enter" });
    expect((await screen.findByTestId("session-detail")).textContent).toContain("CAR-T after BCMA bispecifics");
    await fireEvent.click(screen.getByTestId("detail-close"));
    await waitFor(() => expect(screen.queryByTestId("session-detail")).toBeNull());
  });
});

describe("ProgramScreen: empty state and import", () => {
  it("says what the Program is for and loads the sample program", async () => {
    const sample = [session({ id: 50, title: "Sample plenary", kind: "plenary", sample: true, starts_at: sat("08:00"), ends_at: sat("09:00") })];
    await open({ sessions: [], sampleSessions: sample });
    const empty = await screen.findByTestId("program-empty");
    expect(empty.textContent).toContain("The Program is the congress schedule by day, room and time.");
    expect(within(empty).getByTestId("import-program")).toBeTruthy();

    await fireEvent.click(within(empty).getByTestId("load-sample"));
    expect((await screen.findByTestId("import-report")).textContent).toBe(
      "Loaded the sample program: 1 added, 0 updated, 0 unchanged, 0 withdrawn; 0 new people",
    );
    expect(backend.calls.find((c) => c.cmd === "load_sample_program")?.args).toEqual({ congressId: ash.id });
    await fireEvent.click(await screen.findByTestId("view-list"));
    await waitFor(() => expect(rowIds()).toEqual([50]));
    expect(rowOf(50).textContent).toContain("Sample");
    expect(screen.queryByTestId("program-empty")).toBeNull();
  });

  it("imports a typed path, with progress from the backend's events, then reports what it did", async () => {
    const done = deferred<ImportReport>();
    await open({ sessions: [], importProgram: () => done.promise });
    await screen.findByTestId("program-empty");
    await fireEvent.input(screen.getByTestId("import-path"), { target: { value: "/home/doc/schedule.xml" } });
    await fireEvent.click(screen.getByTestId("import-path-submit"));

    const progress = await screen.findByTestId("import-progress");
    await waitFor(() => expect(backend.calls.some((c) => c.cmd === "import_program")).toBe(true));
    await emit("program-import-progress", { done: 1200, total: 9000 });
    await waitFor(() => expect(progress.textContent).toContain("1,200 of 9,000 sessions"));
    expect((progress.querySelector("progress") as HTMLProgressElement).value).toBe(1200);
    expect(backend.calls.find((c) => c.cmd === "import_program")?.args).toEqual({ congressId: ash.id, path: "/home/doc/schedule.xml" });

    backend.sessions = [menin];
    done.resolve(report({ added: 812, updated: 3, withdrawn: 2, people_added: 154 }));
    expect((await screen.findByTestId("import-report")).textContent).toBe(
      "Imported from schedule.xml (frab XML): 812 added, 3 updated, 0 unchanged, 2 withdrawn; 154 new people",
    );
    expect(screen.queryByTestId("import-progress")).toBeNull();
    await waitFor(() => expect(screen.queryByTestId("program-empty")).toBeNull());
  });

  it("says in words which file and line could not be imported", async () => {
    const broken: CommandError = { kind: "import", message: "expected </event>, found </day>", file: "/home/doc/schedule.xml", line: 42 };
    await open({
      sessions: [],
      importProgram: () => {
        throw broken;
      },
    });
    await screen.findByTestId("program-empty");
    await fireEvent.input(screen.getByTestId("import-path"), { target: { value: "/home/doc/schedule.xml" } });
    await fireEvent.click(screen.getByTestId("import-path-submit"));
    expect((await screen.findByTestId("import-error")).textContent).toBe(
      "Could not import schedule.xml, line 42: expected </event>, found </day>. Nothing was changed.",
    );
  });

  it("cancels a running import, which then changes nothing", async () => {
    const done = deferred<ImportReport>();
    await open({ importProgram: () => done.promise, dialogPath: "/home/doc/program.ics" });
    await waitFor(() => expect(screen.getByTestId("import-program")).toBeTruthy());
    await fireEvent.click(screen.getByTestId("import-program")); // the OS dialog answers dialogPath
    await fireEvent.click(await screen.findByTestId("import-cancel"));
    await waitFor(() => expect(backend.calls.some((c) => c.cmd === "cancel_import")).toBe(true));
    expect(backend.calls.find((c) => c.cmd === "import_program")?.args).toEqual({ congressId: ash.id, path: "/home/doc/program.ics" });

    done.reject({ kind: "cancelled", message: "cancelled" } satisfies CommandError);
    expect((await screen.findByTestId("import-error")).textContent).toBe("Import cancelled; nothing was changed.");
  });

  it("offers to create a congress when there is none", async () => {
    backend = installFakeBackend({ congresses: [] });
    await Promise.all([settings.load(), congresses.load()]);
    render(ProgramScreen);
    expect(await screen.findByTestId("empty-new-congress")).toBeTruthy();
    expect(screen.queryByTestId("program-empty")).toBeNull();
    expect(backend.calls.some((c) => c.cmd === "list_program_day" || c.cmd === "get_program_overview")).toBe(false);
  });
});

describe("ProgramScreen: sessions that hold talks", () => {
  const oral = session({ id: 20, key: "oral-20", title: "Oral 101: Myeloma", room: "Hall A", starts_at: sat("14:00"), ends_at: sat("15:30") });
  const talk1 = session({ id: 21, key: "t-21", title: "653 Quadruplet induction", room: "Hall A", starts_at: sat("14:00"), ends_at: sat("14:15"), parent_id: 20, speakers: "Ana Sánchez", targets: 1 });
  const talk2 = session({ id: 22, key: "t-22", title: "654 MRD after transplant", room: "Hall A", starts_at: sat("14:15"), ends_at: sat("14:30"), parent_id: 20 });

  it("lists the session, not its talks; opens to its talks, each attended on its own", async () => {
    await open({ sessions: [menin, oral, talk1, talk2] }, "list");
    await waitFor(() => expect(rowIds()).toEqual([1, 20]));
    expect(within(rowOf(20)).getByTestId("session-talk-count").textContent).toBe("2 talks inside");

    await fireEvent.click(within(rowOf(20)).getByRole("button", { name: "Oral 101: Myeloma" }));
    const talks = await screen.findAllByTestId("session-talk");
    expect(talks.map((t) => t.dataset.sessionId)).toEqual(["21", "22"]);
    expect(talks[0]?.textContent).toContain("14:00–14:15");
    expect(talks[0]?.textContent).toContain("Target");
    await fireEvent.click(within(talks[1] as HTMLElement).getByTestId("attend-toggle"));
    await waitFor(() => expect(backend.calls.find((c) => c.cmd === "set_attendance")?.args).toEqual({ id: 22, attendance: "attending" }));

    // A talk opens on its own and names its session, which opens again from there.
    await fireEvent.click(within(talks[0] as HTMLElement).getByRole("button", { name: "653 Quadruplet induction" }));
    const partOf = await screen.findByTestId("detail-part-of");
    expect(partOf.textContent).toBe("Oral 101: Myeloma");
    await fireEvent.click(partOf);
    await waitFor(() => expect(screen.getAllByTestId("session-talk")).toHaveLength(2));
  });

  it("finds a talk by search and says which session it is in", async () => {
    await open({ sessions: [menin, oral, talk1, talk2], search: (q) => (q === "mrd" ? [22] : []) }, "list");
    await waitFor(() => expect(rowIds()).toEqual([1, 20]));
    await fireEvent.input(screen.getByTestId("program-search"), { target: { value: "mrd" } });
    await waitFor(() => expect(rowIds()).toEqual([22]));
    expect(within(rowOf(22)).getByTestId("session-part-of").textContent).toBe("In Oral 101: Myeloma");
  });
});

describe("ProgramScreen: a poster session", () => {
  const hall = session({ id: 30, key: "pos-30", title: "Poster Session II", kind: "poster", room: "Poster Hall", starts_at: sat("18:00"), ends_at: sat("20:00") });
  const poster = (id: number, board: string, title: string, extra: Partial<Parameters<typeof session>[0]> = {}) =>
    session({ id, key: `p-${id}`, title, kind: "poster", board, parent_id: 30, room: "Poster Hall", starts_at: sat("18:00"), ends_at: sat("20:00"), ...extra });
  const p10 = poster(31, "I-10", "Hydroxyurea adherence in Ghana", { targets: 1, speakers: "Chidi Okafor" });
  const p9 = poster(32, "I-9", "Luspatercept in MDS", { starts_at: sat("18:00"), ends_at: sat("19:00") });
  const p100 = poster(33, "I-100", "Sickle cell pain crises", { attendance: "attending" });

  it("lists posters in board order, narrows them by topic or targets, and walks the marked ones by board", async () => {
    await open({ sessions: [hall, p10, p9, p100] }, "list");
    await waitFor(() => expect(rowIds()).toEqual([30]));
    expect(within(rowOf(30)).getByTestId("session-talk-count").textContent).toBe("3 posters inside");
    await fireEvent.click(within(rowOf(30)).getByRole("button", { name: "Poster Session II" }));
    const ids = () => screen.getAllByTestId("session-talk").map((t) => t.dataset.sessionId);
    await waitFor(() => expect(ids()).toEqual(["32", "31", "33"]));
    // The board and the hour the presenter stands there, in the venue's time.
    expect(screen.getAllByTestId("session-talk")[0]?.querySelector("[data-testid=talk-when]")?.textContent).toBe("Board I-9 · 18:00–19:00 EST");
    expect(screen.getByTestId("poster-walk").textContent).toBe("To visit, in board order: I-100");

    await fireEvent.click(screen.getByTestId("poster-targets"));
    expect(ids()).toEqual(["31"]);
    await fireEvent.click(screen.getByTestId("poster-targets"));
    await fireEvent.input(screen.getByTestId("poster-topic"), { target: { value: "sickle" } });
    expect(ids()).toEqual(["33"]);
    await fireEvent.input(screen.getByTestId("poster-topic"), { target: { value: "" } });

    await fireEvent.click(within(screen.getAllByTestId("session-talk")[0] as HTMLElement).getByTestId("attend-toggle"));
    await waitFor(() => expect(screen.getByTestId("poster-walk").textContent).toBe("To visit, in board order: I-9 → I-100"));
  });
});

describe("ProgramScreen: what changed for me", () => {
  it("announces the changes to my plan, lists them with before and after, and clears them once seen", async () => {
    const changes: ProgramChange[] = [
      { id: 1, session_id: 1, key: "abs-101", title: "Menin inhibitors in NPM1 AML", kind: "moved", before: "Sat 5 Dec 08:30–10:00", after: "Sat 5 Dec 11:00–12:30", found_at: 1 },
      { id: 2, session_id: 2, key: "abs-102", title: "CAR-T after BCMA bispecifics", kind: "withdrawn", before: "Sat 5 Dec 09:00–10:30", after: null, found_at: 1 },
    ];
    backend = installFakeBackend({ congresses: [ash], sessions: [menin, cart, posters, edu] });
    backend.settings.current_congress_id = ash.id;
    let unseen = changes;
    answerCommands(backend, ["program_changes", "acknowledge_program_changes"], (cmd) => {
      if (cmd === "program_changes") return unseen;
      const n = unseen.length;
      unseen = [];
      return n;
    });
    await Promise.all([settings.load(), congresses.load()]);
    render(ProgramScreen);
    const notice = await screen.findByTestId("program-changes");
    expect(notice.textContent).toContain("2 changes to your plan since the last import.");
    await fireEvent.click(screen.getByTestId("view-list"));
    await waitFor(() => expect(within(rowOf(1)).queryByTestId("changed-mark")).not.toBeNull());
    expect(within(rowOf(3)).queryByTestId("changed-mark")).toBeNull();
    await fireEvent.click(screen.getByTestId("program-changes-open"));
    const items = await screen.findAllByTestId("program-change");
    expect(items[0]?.textContent?.replace(/\s+/g, " ")).toContain("Moved Menin inhibitors in NPM1 AML Before: Sat 5 Dec 08:30–10:00 → Now: Sat 5 Dec 11:00–12:30");
    expect(items[1]?.textContent).toContain("Withdrawn");
    await fireEvent.click(screen.getByTestId("program-changes-seen"));
    await waitFor(() => expect(screen.queryByTestId("program-changes")).toBeNull());
    expect(within(rowOf(1)).queryByTestId("changed-mark")).toBeNull();
    expect(backend.calls.find((c) => c.cmd === "acknowledge_program_changes")?.args).toEqual({ congressId: ash.id });
  });
});
