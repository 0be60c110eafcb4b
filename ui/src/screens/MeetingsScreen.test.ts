// Why: Meetings is where a physician books the one-to-ones they came for. These drive the screen
// as a user does, through the fake backend: the empty state, booking from a suggested free slot
// (and the targets it moves), errors in words next to their fields, clashes before and after
// saving, mark done with its dialog, cancel with undo, delete, editing, and `N`.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { fireEvent, render, screen, waitFor, within } from "@testing-library/svelte";
import MeetingsScreen from "./MeetingsScreen.svelte";
import { congress, installFakeBackend, person, session, target, type FakeBackend } from "../testing/fake-backend";
import { installFakeMeetings, meeting, slot, type FakeMeetings } from "../testing/fake-meetings";
import { congresses } from "../lib/congresses.svelte";
import { meetings } from "../lib/meetings.svelte";
import { settings } from "../lib/settings.svelte";
import { targets } from "../lib/targets.svelte";
import { startMeetings, text } from "../testing/screens";

const ash = congress({ id: 1, name: "ASH 2026", starts_on: "2026-12-05", ends_on: "2026-12-08", time_zone: "America/New_York" });
const sat = (hhmm: string) => `2026-12-05T${hhmm}:00-05:00`;
const ana = person({ id: 1, display_name: "Ana Sánchez", institution: "Hospital Clínic" });
const ben = person({ id: 2, display_name: "Ben Okafor", institution: "SWOG" });
const menin = session({ id: 50, title: "Menin inhibitors in NPM1 AML", starts_at: sat("10:00"), ends_at: sat("11:00"), attendance: "attending" });
const anaPerson = { id: 1, display_name: "Ana Sánchez", institution: "Hospital Clínic", target_status: null };

let backend: FakeBackend;
let fake: FakeMeetings;

async function open(init: Partial<FakeMeetings> = {}, backendInit: Partial<FakeBackend> = {}) {
  backend = installFakeBackend({
    congresses: [ash],
    people: [ana, ben],
    targets: [target({ id: 11, person_id: 1, display_name: "Ana Sánchez", priority: "must", status: "contacted" })],
    ...backendInit,
  });
  backend.settings.current_congress_id = ash.id;
  fake = installFakeMeetings(backend, init);
  await Promise.all([settings.load(), congresses.load()]);
  render(MeetingsScreen);
}

const rows = () => screen.queryAllByTestId("meeting-row");
const rowOf = (id: number) => rows().find((r) => r.dataset.meetingId === String(id)) as HTMLElement;
const callsOf = (cmd: string) => backend.calls.filter((c) => c.cmd === cmd);
const editor = () => screen.getByTestId("meeting-editor");
const field = (id: string) => within(editor()).getByTestId(id) as HTMLInputElement;

async function chooseAna() {
  await fireEvent.input(field("field-people-search"), { target: { value: "sanchez" } });
  const option = await within(editor()).findByTestId("people-option");
  expect(text(option)).toContain("Ana Sánchez");
  expect(text(option)).toContain("Target · Contacted");
  await fireEvent.click(option);
}

beforeEach(() => {
  // Weeks before the congress: every slot is still ahead, the editor opens on its first day.
  startMeetings();
});

afterEach(() => {
  vi.useRealTimers();
});

describe("MeetingsScreen", () => {
  it("says what to do when there are no meetings, and N opens a new one", async () => {
    await open();
    const empty = await screen.findByTestId("meetings-empty");
    expect(text(empty)).toContain("No meetings yet. Book one with a target");
    expect(screen.getAllByTestId("new-meeting")).toHaveLength(1);
    await fireEvent.keyDown(window, { key: "n" });
    expect(await screen.findByTestId("meeting-editor")).toBeTruthy();
    expect(document.activeElement).toBe(field("field-people-search"));
  });

  it("books a meeting from a suggested slot, then lists it and names who moved", async () => {
    await open({
      slots: (q) => [
        slot("2026-11-19T10:00:00-05:00", q.minutes, "Coffee break"), // already past: left out
        slot(sat("10:00"), q.minutes, "Coffee break"),
        slot(sat("16:15"), q.minutes),
      ],
    });
    await fireEvent.click(await screen.findByTestId("new-meeting"));
    await chooseAna();
    expect(field("field-title").value).toBe("Meeting with Ana Sánchez");
    await fireEvent.click(field("length-45"));
    expect(field("field-minutes").value).toBe("45");

    await waitFor(() => expect(within(editor()).getAllByTestId("slot-option")).toHaveLength(2));
    expect(callsOf("free_slots").at(-1)?.args).toEqual({ query: { congress_id: 1, person_id: 1, minutes: 45, except_meeting: null } });
    const [inBreak, later] = within(editor()).getAllByTestId("slot-option");
    expect(text(inBreak)).toBe("Sat 10:00–10:45 · Coffee break");
    expect(text(later)).toBe("16:15");
    await fireEvent.click(later as HTMLElement);
    expect(field("field-day").value).toBe("2026-12-05");
    expect(field("field-time").value).toBe("16:15");
    expect(later?.getAttribute("aria-pressed")).toBe("true");
    await fireEvent.input(field("field-purpose"), { target: { value: "Ask about the GEM trials" } });
    await fireEvent.input(field("field-place"), { target: { value: "Café by Hall B" } });
    await fireEvent.change(field("field-kind"), { target: { value: "coffee" } });

    await fireEvent.click(field("save-meeting"));
    await waitFor(() => expect(screen.queryByTestId("meeting-editor")).toBeNull());
    expect(callsOf("create_meeting")[0]?.args).toEqual({
      draft: {
        congress_id: 1,
        title: "Meeting with Ana Sánchez",
        purpose: "Ask about the GEM trials",
        place: "Café by Hall B",
        kind: "coffee",
        status: "proposed",
        starts_local: "2026-12-05T16:15:00",
        minutes: 45,
        notes: "",
        people: [1],
      },
    });
    expect(text(await screen.findByTestId("toast"))).toContain("Booked “Meeting with Ana Sánchez” on Sat 5 Dec at 16:15. Ana Sánchez → scheduled.");
    await waitFor(() => expect(rows()).toHaveLength(1));
    const row = rows()[0] as HTMLElement;
    expect(text(row)).toContain("16:15–17:00 EST");
    expect(text(row)).toContain("Ana Sánchez");
    expect(text(row)).toContain("Café by Hall B");
    expect(text(row)).toContain("Coffee");
    expect(text(within(row).getByTestId("meeting-status"))).toBe("◌Proposed");
    await waitFor(() => expect(targets.byPerson.get(1)?.status).toBe("scheduled"));
  });

  it("says what is wrong next to each field and keeps what was typed", async () => {
    await open();
    await fireEvent.click(await screen.findByTestId("new-meeting"));
    await fireEvent.input(field("field-purpose"), { target: { value: "Talk MRD" } });
    await fireEvent.click(field("save-meeting"));
    expect(text(await within(editor()).findByTestId("error-time"))).toContain("Give the start as HH:MM");
    expect(callsOf("create_meeting")).toHaveLength(0);
    expect(document.activeElement).toBe(field("field-time"));

    await fireEvent.input(field("field-time"), { target: { value: "930" } });
    expect(within(editor()).queryByTestId("error-time")).toBeNull();
    await fireEvent.input(field("field-minutes"), { target: { value: "0" } });
    await fireEvent.click(field("save-meeting"));
    expect(text(await within(editor()).findByTestId("error-people"))).toContain("Choose who you are meeting.");
    expect(text(within(editor()).getByTestId("error-title"))).toContain("Give the meeting a title");
    expect(text(within(editor()).getByTestId("error-minutes"))).toContain("between 5 minutes and 8 hours");
    expect(callsOf("create_meeting")[0]?.args).toMatchObject({ draft: { starts_local: "2026-12-05T09:30:00", minutes: 0, people: [] } });
    expect(field("field-purpose").value).toBe("Talk MRD");
    expect(field("field-time").value).toBe("09:30");

    // Choosing someone clears that field's message and fills the title.
    await chooseAna();
    expect(within(editor()).queryByTestId("error-people")).toBeNull();
    expect(field("field-title").value).toBe("Meeting with Ana Sánchez");
  });

  it("warns about a clash while the time is chosen, and lists it on the saved meeting", async () => {
    await open({}, { sessions: [menin] });
    await fireEvent.click(await screen.findByTestId("new-meeting"));
    await chooseAna();
    await fireEvent.input(field("field-time"), { target: { value: "10:30" } });
    const clash = await within(editor()).findByTestId("editor-clash");
    expect(text(clash)).toBe("⚠ Clashes with Menin inhibitors in NPM1 AML 10:30–11:00");
    expect(callsOf("meeting_clashes").at(-1)?.args).toEqual({ congressId: 1, except: null, startsLocal: "2026-12-05T10:30:00", minutes: 30 });

    await fireEvent.input(field("field-time"), { target: { value: "11:00" } });
    await waitFor(() => expect(within(editor()).queryByTestId("editor-clash")).toBeNull());
    expect(text(within(editor()).getByTestId("editor-clashes"))).toContain("Nothing else on your agenda then.");
    await fireEvent.input(field("field-time"), { target: { value: "09:45" } });
    await within(editor()).findByTestId("editor-clash");

    await fireEvent.click(field("save-meeting"));
    await waitFor(() => expect(rows()).toHaveLength(1));
    expect(text(within(rows()[0] as HTMLElement).getByTestId("meeting-clash"))).toBe("⚠ Clashes with Menin inhibitors in NPM1 AML 10:00–10:15");
  });

  it("marks a meeting done through the status command and opens the done dialog", async () => {
    await open({
      meetings: [meeting({ id: 7, title: "Coffee with Ana", people: [anaPerson], starts_at: sat("16:00"), ends_at: sat("16:30") })],
    });
    await waitFor(() => expect(rows()).toHaveLength(1));
    await fireEvent.click(within(rowOf(7)).getByTestId("meeting-done"));
    const dialog = await screen.findByTestId("meeting-done-dialog");
    expect(callsOf("set_meeting_status")[0]?.args).toEqual({ id: 7, status: "done" });
    expect(text(dialog)).toContain("Coffee with Ana");
    expect(text(within(dialog).getByTestId("done-moved"))).toContain("Ana Sánchez: Contacted → Met");
    await waitFor(() => expect(text(within(rowOf(7)).getByTestId("meeting-status"))).toBe("✓Done"));
    expect(within(rowOf(7)).queryByTestId("meeting-done")).toBeNull();
    await fireEvent.click(within(dialog).getByTestId("done-skip"));
    await waitFor(() => expect(screen.queryByTestId("meeting-done-dialog")).toBeNull());
  });

  it("cancels with undo, and deletes after asking", async () => {
    await open({
      meetings: [
        meeting({ id: 7, title: "Coffee with Ana", status: "confirmed", people: [anaPerson], starts_at: sat("16:00"), ends_at: sat("16:30") }),
        meeting({ id: 8, title: "Lunch with Ben", people: [{ ...anaPerson, id: 2, display_name: "Ben Okafor" }], starts_at: sat("12:00"), ends_at: sat("13:00") }),
      ],
    }, { targets: [target({ id: 11, person_id: 1, display_name: "Ana Sánchez", status: "scheduled" })] });
    await waitFor(() => expect(rows()).toHaveLength(2));
    await fireEvent.click(within(rowOf(7)).getByTestId("meeting-cancel"));
    await waitFor(() => expect(rowOf(7).dataset.status).toBe("cancelled"));
    expect(text(await screen.findByTestId("toast"))).toContain("Cancelled “Coffee with Ana”. Ana Sánchez → contacted.");
    await fireEvent.click(screen.getByTestId("undo-cancel-meeting"));
    await waitFor(() => expect(rowOf(7).dataset.status).toBe("confirmed"));
    expect(callsOf("set_meeting_status").map((c) => c.args.status)).toEqual(["cancelled", "confirmed"]);

    await fireEvent.click(within(rowOf(8)).getByTestId("meeting-delete"));
    const confirm = await screen.findByTestId("confirm-dialog");
    expect(text(confirm)).toContain("“Lunch with Ben” leaves your agenda");
    await fireEvent.click(within(confirm).getByTestId("confirm-ok"));
    await waitFor(() => expect(rows().map((r) => r.dataset.meetingId)).toEqual(["7"]));
    expect(callsOf("delete_meeting")[0]?.args).toEqual({ id: 8 });
  });

  it("edits a meeting in place: its values, its own time free, saved with update", async () => {
    await open({
      meetings: [meeting({ id: 7, title: "Coffee with Ana", purpose: "GEM trials", people: [anaPerson], starts_at: sat("16:00"), ends_at: sat("16:45"), minutes: 45 })],
      slots: (q) => (q.minutes > 30 ? [] : [slot(sat("09:00"), q.minutes)]),
    });
    await waitFor(() => expect(rows()).toHaveLength(1));
    await fireEvent.click(within(rowOf(7)).getByTestId("meeting-edit"));
    expect(field("field-title").value).toBe("Coffee with Ana");
    expect(field("field-time").value).toBe("16:00");
    expect(field("field-minutes").value).toBe("45");
    expect(within(editor()).getAllByTestId("person-chip").map(text)).toEqual(["Ana Sánchez ×"]);
    expect(text(await within(editor()).findByTestId("slots-none"))).toBe(
      "No free slot for 45 minutes with Ana Sánchez: try a shorter meeting or free a session.",
    );
    expect(callsOf("free_slots").at(-1)?.args).toMatchObject({ query: { except_meeting: 7 } });
    await waitFor(() => expect(callsOf("meeting_clashes").at(-1)?.args).toMatchObject({ except: 7 }));

    await fireEvent.click(field("length-30"));
    await fireEvent.click(await within(editor()).findByTestId("slot-option"));
    await fireEvent.click(field("save-meeting"));
    await waitFor(() => expect(screen.queryByTestId("meeting-editor")).toBeNull());
    expect(callsOf("update_meeting")[0]?.args).toMatchObject({ id: 7, draft: { starts_local: "2026-12-05T09:00:00", minutes: 30, title: "Coffee with Ana" } });
    await waitFor(() => expect(text(rowOf(7))).toContain("09:00–09:30 EST"));
  });

  it("removes a person with × or Backspace, and offers targets before anything is typed", async () => {
    await open();
    await fireEvent.click(await screen.findByTestId("new-meeting"));
    const search = field("field-people-search");
    await fireEvent.keyDown(search, { key: "ArrowDown" });
    const suggested = await within(editor()).findAllByTestId("people-option");
    expect(suggested.map((o) => o.dataset.personId)).toEqual(["1"]);
    await fireEvent.keyDown(search, { key: "Enter" });
    expect(within(editor()).getAllByTestId("person-chip").map((c) => c.dataset.personId)).toEqual(["1"]);
    expect(callsOf("create_meeting")).toHaveLength(0); // Enter picked, it did not save

    await fireEvent.input(search, { target: { value: "okafor" } });
    await fireEvent.click(await within(editor()).findByTestId("people-option"));
    expect(within(editor()).getAllByTestId("person-chip").map((c) => c.dataset.personId)).toEqual(["1", "2"]);
    await fireEvent.keyDown(search, { key: "Backspace" });
    expect(within(editor()).getAllByTestId("person-chip").map((c) => c.dataset.personId)).toEqual(["1"]);
    await fireEvent.click(within(editor()).getByTestId("remove-person"));
    expect(within(editor()).queryByTestId("person-chip")).toBeNull();
    expect(field("field-title").value).toBe("");
  });
});
