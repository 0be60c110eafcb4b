// Why: Today is what a physician glances at between sessions. These drive it as a user does,
// through the fake backend with "now" injected (never the wall clock): now/next/later with place,
// people, purpose and clashes; the countdown; who is left with their next talk; "met someone"
// (known and new); snoozes sent as venue-time instants and woken again; "Done" with its note;
// the states before the congress and with nothing booked.
import { beforeEach, describe, expect, it } from "vitest";
import { fireEvent, render, screen, waitFor, within } from "@testing-library/svelte";
import TodayScreen from "./TodayScreen.svelte";
import { answerCommands, congress, installFakeBackend, person, target, type FakeBackend } from "../testing/fake-backend";
import { installFakeMeetings, meeting } from "../testing/fake-meetings";
import { dayItem, dayProgress, installFakeToday, meetingItem, todayView } from "../testing/fake-today";
import type { ProgramChange, Today } from "../lib/bindings";
import { congresses } from "../lib/congresses.svelte";
import { settings } from "../lib/settings.svelte";
import { today } from "../lib/today.svelte";

const ash = congress({ id: 1, name: "ASH Annual Meeting 2026", short_name: "ASH 2026", time_zone: "America/New_York", starts_on: "2026-12-05", ends_on: "2026-12-08" });
const who = [
  person({ id: 1, display_name: "Ana Sánchez", institution: "Hospital Clínic" }),
  person({ id: 2, display_name: "Ben Okafor", institution: "SWOG" }),
  person({ id: 3, display_name: "Cleo Dubois", institution: "IFM" }),
];
const talk = { session_id: 9, title: "Menin inhibitors in NPM1 AML", starts_at: "2026-12-05T14:00:00-05:00", room: "Room 6A" };
const board = () => [
  target({ id: 11, person_id: 1, display_name: "Ana Sánchez", institution: "Hospital Clínic", priority: "should", status: "contacted" }),
  target({ id: 12, person_id: 2, display_name: "Ben Okafor", institution: "SWOG", priority: "must", status: "idea", next_talk: talk }),
  target({ id: 13, person_id: 3, display_name: "Cleo Dubois", institution: "IFM", priority: "nice", status: "met" }),
];

/** 10:18 EST on the first congress day. */
const NOW = Date.parse("2026-12-05T10:18:00-05:00");

const plenary = dayItem({ item: { type: "session", id: 5 }, title: "Plenary scientific session", place: "Hall A", starts_at: "2026-12-05T10:00:00-05:00", ends_at: "2026-12-05T11:00:00-05:00", session_kind: "plenary", clashes_with: ["Coffee with Ana"] });
const coffee = meetingItem(71, { title: "Coffee with Ana", place: "Café Bleu", starts_at: "2026-12-05T10:30:00-05:00", ends_at: "2026-12-05T11:00:00-05:00", people: ["Ana Sánchez"], purpose: "Ask about the GEM trials", clashes_with: ["Plenary scientific session"] });
const lunch = meetingItem(72, { title: "Lunch with SWOG", place: "Marriott lobby", starts_at: "2026-12-05T12:30:00-05:00", ends_at: "2026-12-05T13:30:00-05:00", people: ["Ben Okafor"] });
const poster = dayItem({ item: { type: "session", id: 6 }, title: "Myeloma posters", place: "Hall B", starts_at: "2026-12-05T15:00:00-05:00", ends_at: "2026-12-05T17:00:00-05:00", session_kind: "poster" });

const day = (overrides: Partial<Today> = {}): Today =>
  todayView({
    now: "2026-12-05T10:18:00-05:00",
    day: "2026-12-05",
    current: [plenary],
    next: coffee,
    later: [lunch, poster],
    progress: dayProgress({ meetings_today: 2, meetings_done_today: 0, sessions_today: 2, people_met_today: 1 }),
    ...overrides,
  });

let backend: FakeBackend;
let clockNow = NOW;

async function open(view: Today = day(), init: Partial<FakeBackend> = {}, setup?: (b: FakeBackend) => void): Promise<void> {
  backend = installFakeBackend({ congresses: [ash], people: who, targets: board(), ...init });
  setup?.(backend);
  backend.settings = { ...backend.settings, current_congress_id: ash.id, day_start_hour: 8, ...init.settings };
  installFakeMeetings(backend, {
    meetings: [meeting({ id: 71, congress_id: 1, title: "Coffee with Ana", status: "confirmed", people: [{ id: 1, display_name: "Ana Sánchez", institution: "Hospital Clínic", target_status: "contacted" }] })],
  });
  installFakeToday(backend, { view });
  await Promise.all([settings.load(), congresses.load()]);
  render(TodayScreen, { props: { clock: () => clockNow } });
  await screen.findByTestId("today-progress");
}

const text = (el: Element | null | undefined) => el?.textContent?.replace(/\s+/g, " ").trim();
const targetIds = () => screen.queryAllByTestId("today-target").map((t) => Number(t.dataset.targetId));
const targetRow = (id: number) => screen.getAllByTestId("today-target").find((t) => t.dataset.targetId === String(id)) as HTMLElement;
const callsOf = (cmd: string) => backend.calls.filter((c) => c.cmd === cmd);

beforeEach(() => {
  today.reset();
  clockNow = NOW;
});

describe("TodayScreen: the day at a glance", () => {
  it("shows what is on now, the next item with its countdown, the rest of the day and how it goes", async () => {
    await open();
    const now = screen.getByTestId("today-now");
    expect(text(now)).toContain("Plenary scientific session");
    expect(text(now)).toContain("10:00–11:00 EST");
    expect(text(now)).toContain("ends in 42 min");
    expect(text(now)).toContain("Hall A");
    expect(text(within(now).getByTestId("today-clash"))).toBe("⚠Clashes with Coffee with Ana");

    const next = screen.getByTestId("today-next");
    expect(next.dataset.itemType).toBe("meeting");
    expect(next.dataset.itemId).toBe("71");
    expect(text(within(next).getByTestId("today-countdown"))).toBe("in 12 min");
    expect(text(next)).toContain("Coffee with Ana");
    expect(text(next)).toContain("Café Bleu");
    expect(text(next)).toContain("Who: Ana Sánchez");
    expect(text(next)).toContain("Ask about the GEM trials");
    expect(within(next).getByTestId("today-done").dataset.meetingId).toBe("71");

    const later = screen.getAllByTestId("today-later-item");
    expect(later.map((l) => `${l.dataset.itemType}-${l.dataset.itemId}`)).toEqual(["meeting-72", "session-6"]);
    expect(text(later[0])).toContain("12:30 EST");
    expect(text(later[0])).toContain("Marriott lobby · with Ben Okafor");
    expect(within(later[0] as HTMLElement).getByTestId("today-done").dataset.meetingId).toBe("72");
    expect(within(later[1] as HTMLElement).queryByTestId("today-done")).toBeNull();

    const progress = screen.getByTestId("today-progress");
    expect(text(progress)).toContain("Meetings done 0/2");
    expect(text(progress)).toContain("Sessions today 2");
    expect(text(progress)).toContain("People met today 1");
    expect(text(progress)).toContain("Targets met 1/3");
  });

  it("lists who is left, must-meet first, with where they speak next", async () => {
    await open();
    expect(targetIds()).toEqual([12, 11]);
    const ben = targetRow(12);
    expect(ben.dataset.personId).toBe("2");
    expect(text(ben)).toContain("Ben Okafor");
    expect(text(ben)).toContain("Must");
    expect(text(ben)).toContain("Speaks 14:00 · Room 6A");
  });

  it("marks the sessions whose change is not seen yet, with what changed, until seen in the Program", async () => {
    const changes: ProgramChange[] = [
      { id: 1, session_id: 6, key: "p-6", title: "Myeloma posters", kind: "room", before: "Hall A", after: "Hall B", found_at: 1 },
      { id: 2, session_id: 71, key: "m", title: "not a session", kind: "moved", before: null, after: null, found_at: 1 },
    ];
    await open(day(), {}, (b) => answerCommands(b, ["program_changes"], () => changes));
    const later = await waitFor(() => {
      const row = screen.getAllByTestId("today-later-item").find((li) => li.dataset.itemId === "6" && li.dataset.itemType === "session");
      expect(row?.querySelector('[data-testid="changed-mark"]')).not.toBeNull();
      return row as HTMLElement;
    });
    expect(text(within(later).getByTestId("changed-mark"))).toBe("Changed Another room: was Hall A, now Hall B");
    // A meeting with the same number as a changed session is not marked, nor is the unchanged plenary.
    expect(within(screen.getByTestId("today-next")).queryByTestId("changed-mark")).toBeNull();
    expect(within(screen.getByTestId("today-now")).queryByTestId("changed-mark")).toBeNull();
  });

  it("moves the countdown on and fetches the day again when the window comes back", async () => {
    await open();
    const fetches = callsOf("today").length;
    clockNow = NOW + 5 * 60_000;
    window.dispatchEvent(new Event("focus"));
    await waitFor(() => expect(text(screen.getByTestId("today-countdown"))).toBe("in 7 min"));
    expect(callsOf("today").length).toBe(fetches + 1);
  });
});

describe("TodayScreen: quick actions", () => {
  it("logs someone new from the Met someone dialog and says so", async () => {
    await open();
    await fireEvent.click(screen.getByTestId("met-someone"));
    const dialog = await screen.findByTestId("met-dialog");
    await fireEvent.input(within(dialog).getByTestId("met-search"), { target: { value: "Dana Ross" } });
    await fireEvent.click(within(dialog).getByTestId("met-new"));
    // What was typed in the search becomes the name.
    expect((within(dialog).getByTestId("met-name") as HTMLInputElement).value).toBe("Dana Ross");
    await fireEvent.input(within(dialog).getByTestId("met-institution"), { target: { value: "Mayo Clinic" } });
    await fireEvent.input(within(dialog).getByTestId("met-note"), { target: { value: "Poster 1234, wants our CAR-T data" } });
    await fireEvent.click(within(dialog).getByTestId("met-save"));
    await waitFor(() => expect(screen.queryByTestId("met-dialog")).toBeNull());
    expect(callsOf("met_someone").at(-1)?.args).toEqual({
      met: { congress_id: 1, person: { type: "new", display_name: "Dana Ross", institution: "Mayo Clinic" }, note: "Poster 1234, wants our CAR-T data" },
    });
    expect(text(screen.getByTestId("toast"))).toContain("Logged: met Dana Ross");
  });

  it("asks for a name before logging someone new", async () => {
    await open();
    await fireEvent.click(screen.getByTestId("met-someone"));
    const dialog = await screen.findByTestId("met-dialog");
    await fireEvent.click(within(dialog).getByTestId("met-new"));
    await fireEvent.click(within(dialog).getByTestId("met-save"));
    expect(text(within(dialog).getByTestId("error-display_name"))).toBe("!Type their name.");
    expect(callsOf("met_someone")).toHaveLength(0);
  });

  it("logs someone known picked from the search, and their target leaves the list", async () => {
    await open();
    await fireEvent.click(screen.getByTestId("met-someone"));
    const dialog = await screen.findByTestId("met-dialog");
    await fireEvent.input(within(dialog).getByTestId("met-search"), { target: { value: "sanchez" } });
    const option = await within(dialog).findByTestId("met-option");
    expect(option.dataset.personId).toBe("1");
    await fireEvent.click(option);
    await fireEvent.click(within(dialog).getByTestId("met-save"));
    await waitFor(() => expect(text(screen.queryByTestId("toast"))).toContain("Logged: met Ana Sánchez — target now met"));
    expect(callsOf("met_someone").at(-1)?.args).toEqual({ met: { congress_id: 1, person: { type: "known", id: 1 }, note: "" } });
    await waitFor(() => expect(targetIds()).toEqual([12]));
  });

  it("picks with the keyboard: focus stays in the search, the arrows move the highlight, Enter picks", async () => {
    await open();
    await fireEvent.click(screen.getByTestId("met-someone"));
    const dialog = await screen.findByTestId("met-dialog");
    const search = within(dialog).getByTestId("met-search");
    await waitFor(() => expect(document.activeElement).toBe(search));
    await fireEvent.input(search, { target: { value: "o" } });
    const options = await within(dialog).findAllByTestId("met-option");
    expect(options.length).toBeGreaterThan(1);
    expect(search.getAttribute("role")).toBe("combobox");
    // The first match is highlighted as the answers arrive; ↓ moves on, focus stays in the field.
    await waitFor(() => expect(search.getAttribute("aria-activedescendant")).toBe(options[0]?.id));
    await fireEvent.keyDown(search, { key: "ArrowDown" });
    await waitFor(() => expect(options[1]?.hasAttribute("data-highlighted")).toBe(true));
    expect(document.activeElement).toBe(search);
    await fireEvent.keyDown(search, { key: "Enter" });
    const picked = await within(dialog).findByTestId("met-picked");
    expect(picked.dataset.personId).toBe(options[1]?.dataset.personId);
    // The field gave way to the picked card; focus is on its button, before the note.
    await waitFor(() => expect(document.activeElement).toBe(within(dialog).getByTestId("met-change")));
    expect(callsOf("met_someone")).toHaveLength(0);
  });

  it("picks the first match on Enter even with the list closed", async () => {
    await open();
    await fireEvent.click(screen.getByTestId("met-someone"));
    const dialog = await screen.findByTestId("met-dialog");
    const search = within(dialog).getByTestId("met-search");
    await fireEvent.input(search, { target: { value: "o" } });
    const first = (await within(dialog).findAllByTestId("met-option"))[0];
    await fireEvent.keyDown(search, { key: "Escape" });
    await waitFor(() => expect(within(dialog).queryAllByTestId("met-option")).toHaveLength(0));
    expect(screen.queryByTestId("met-dialog")).not.toBeNull(); // Esc closed the list, not the dialog
    await fireEvent.keyDown(search, { key: "Enter" });
    expect((await within(dialog).findByTestId("met-picked")).dataset.personId).toBe(first?.dataset.personId);
  });

  it("marks a target met in one tap", async () => {
    await open();
    await fireEvent.click(within(targetRow(12)).getByTestId("target-met"));
    await waitFor(() => expect(text(screen.queryByTestId("toast"))).toBe("Logged: met Ben Okafor — target now met ✕"));
    expect(callsOf("met_someone").at(-1)?.args).toEqual({ met: { congress_id: 1, person: { type: "known", id: 2 }, note: "" } });
    await waitFor(() => expect(targetIds()).toEqual([11]));
    expect(text(screen.getByTestId("today-progress"))).toContain("Targets met 2/3");
  });

  it("snoozes a target for an hour as a venue-time instant, and brings snoozed ones back", async () => {
    await open();
    await fireEvent.click(within(targetRow(12)).getByTestId("target-snooze"));
    await fireEvent.click(within(targetRow(12)).getByTestId("snooze-hour"));
    await waitFor(() => expect(targetIds()).toEqual([11]));
    expect(callsOf("snooze_target").at(-1)?.args).toEqual({ id: 12, until: "2026-12-05T11:18:00-05:00" });
    const show = screen.getByTestId("show-snoozed");
    expect(text(show)).toBe("1 snoozed · show");
    await fireEvent.click(show);
    await waitFor(() => expect(targetIds()).toEqual([12, 11]));
    expect(callsOf("snooze_target").at(-1)?.args).toEqual({ id: 12, until: null });
    expect(screen.queryByTestId("show-snoozed")).toBeNull();
  });

  it("snoozes until tomorrow at the day start hour from Settings", async () => {
    await open();
    await fireEvent.click(within(targetRow(11)).getByTestId("target-snooze"));
    const tomorrow = within(targetRow(11)).getByTestId("snooze-tomorrow");
    expect(text(tomorrow)).toBe("Until tomorrow 08:00");
    await fireEvent.click(tomorrow);
    await waitFor(() => expect(callsOf("snooze_target")).toHaveLength(1));
    expect(callsOf("snooze_target")[0]?.args).toEqual({ id: 11, until: "2026-12-06T08:00:00-05:00" });
  });

  it("marks a meeting done, says who moved to met, and logs the note on everyone there", async () => {
    await open();
    await fireEvent.click(within(screen.getByTestId("today-next")).getByTestId("today-done"));
    const dialog = await screen.findByTestId("meeting-done-dialog");
    expect(callsOf("set_meeting_status").at(-1)?.args).toEqual({ id: 71, status: "done" });
    expect(text(dialog)).toContain("Marked done");
    expect(text(dialog)).toContain("Ana Sánchez: Contacted → Met");
    await fireEvent.input(within(dialog).getByTestId("done-note"), { target: { value: "Will send the GEM protocol" } });
    await fireEvent.click(within(dialog).getByTestId("done-log"));
    await waitFor(() => expect(screen.queryByTestId("meeting-done-dialog")).toBeNull());
    expect(callsOf("add_interaction").map((c) => c.args)).toEqual([
      { draft: { person_id: 1, congress_id: 1, meeting_id: 71, occurred_at: null, note: "Will send the GEM protocol" } },
    ]);
  });
});

describe("TodayScreen: honest states", () => {
  it("before the congress, says when it starts and still shows the first item and the targets", async () => {
    clockNow = Date.parse("2026-12-02T09:00:00-05:00");
    const opening = dayItem({ item: { type: "session", id: 1 }, title: "Opening plenary", starts_at: "2026-12-05T08:00:00-05:00", ends_at: "2026-12-05T09:30:00-05:00", session_kind: "plenary" });
    await open(day({ now: "2026-12-02T09:00:00-05:00", day: "2026-12-02", running: false, current: [], next: opening, later: [] }));
    expect(text(screen.getByTestId("today-phase"))).toBe("ASH 2026 starts in 3 days");
    expect(text(screen.getByTestId("today-countdown"))).toBe("in 3 days");
    expect(text(screen.getByTestId("today-next"))).toContain("Sat 5 Dec · 08:00–09:30 EST");
    expect(targetIds()).toEqual([12, 11]);
  });

  it("with nothing booked, points to Program and Meetings", async () => {
    await open(day({ current: [], next: null, later: [] }));
    const nothing = screen.getByTestId("today-nothing");
    expect(within(nothing).getByRole("link", { name: "Program" }).getAttribute("href")).toBe("#/program");
    expect(within(nothing).getByRole("link", { name: "Meetings" }).getAttribute("href")).toBe("#/meetings");
    expect(screen.queryByTestId("today-now")).toBeNull();
  });

  it("with no targets, points to People", async () => {
    await open(day(), { targets: [] });
    expect(text(screen.getByTestId("today-no-targets"))).toContain("No targets yet");
  });

  it("without a congress, offers to create one", async () => {
    backend = installFakeBackend({ congresses: [] });
    installFakeToday(backend);
    await Promise.all([settings.load(), congresses.load()]);
    render(TodayScreen, { props: { clock: () => clockNow } });
    expect(await screen.findByTestId("empty-new-congress")).toBeTruthy();
    expect(screen.queryByTestId("met-someone")).toBeNull();
    expect(callsOf("today")).toHaveLength(0);
  });
});
