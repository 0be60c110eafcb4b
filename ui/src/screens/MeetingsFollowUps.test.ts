// Why: Meetings is where follow-ups and reminders start. These pin, through the fake backend, that
// "Remind me" sets the OS reminder the chosen minutes before the (possibly moved) start, shows the
// last choice when the meeting is opened again and clears it on "No reminder", and that marking a
// meeting done lists the follow-ups drafted with a way into Follow-ups.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { fireEvent, render, screen, waitFor, within } from "@testing-library/svelte";
import MeetingsScreen from "./MeetingsScreen.svelte";
import { congress, installFakeBackend, person, target, type FakeBackend } from "../testing/fake-backend";
import { installFakeMeetings, meeting } from "../testing/fake-meetings";
import { installFakeFollowUps, type FakeFollowUps } from "../testing/fake-follow-ups";
import { congresses } from "../lib/congresses.svelte";
import { followUps } from "../lib/follow-ups.svelte";
import { meetingReminders } from "../lib/meeting-reminders.svelte";
import { meetings } from "../lib/meetings.svelte";
import { route } from "../lib/route.svelte";
import { settings } from "../lib/settings.svelte";
import { targets } from "../lib/targets.svelte";
import { startMeetings, text } from "../testing/screens";

const ash = congress({ id: 1, name: "ASH 2026", starts_on: "2026-12-05", ends_on: "2026-12-08", time_zone: "America/New_York" });
const anaPerson = { id: 1, display_name: "Ana Sánchez", institution: null, target_status: null };
const coffee = meeting({
  id: 7,
  title: "Coffee with Ana",
  place: "Café by Hall B",
  status: "confirmed",
  starts_at: "2026-12-05T10:30:00-05:00",
  ends_at: "2026-12-05T11:00:00-05:00",
  people: [anaPerson],
});

let backend: FakeBackend;
let fake: FakeFollowUps;

async function open() {
  backend = installFakeBackend({
    congresses: [ash],
    people: [person({ id: 1, display_name: "Ana Sánchez", email: "ana@example.org" })],
    targets: [target({ id: 11, person_id: 1, display_name: "Ana Sánchez", status: "scheduled" })],
  });
  backend.settings.current_congress_id = ash.id;
  installFakeMeetings(backend, { meetings: [coffee] });
  fake = installFakeFollowUps(backend);
  await Promise.all([settings.load(), congresses.load()]);
  render(MeetingsScreen);
}

const rowOf = (id: number) => screen.getAllByTestId("meeting-row").find((r) => r.dataset.meetingId === String(id)) as HTMLElement;
const editor = () => screen.getByTestId("meeting-editor");
const field = (id: string) => within(editor()).getByTestId(id) as HTMLInputElement;
const callsOf = (cmd: string) => backend.calls.filter((c) => c.cmd === cmd);

async function edit(id: number) {
  await waitFor(() => expect(rowOf(id)).toBeTruthy());
  await fireEvent.click(within(rowOf(id)).getByTestId("meeting-edit"));
  await screen.findByTestId("meeting-editor");
}

async function save() {
  await fireEvent.click(field("save-meeting"));
  await waitFor(() => expect(screen.queryByTestId("meeting-editor")).toBeNull());
}

beforeEach(() => {
  startMeetings();
  followUps.reset();
  meetingReminders.clear();
});

afterEach(() => {
  vi.useRealTimers();
  meetingReminders.clear();
});

describe("Meetings: reminders", () => {
  it("sets the reminder the chosen minutes before the start, and keeps the choice", async () => {
    await open();
    await edit(7);
    expect(field("field-remind").value).toBe("none");
    await fireEvent.change(field("field-remind"), { target: { value: "10" } });
    await save();
    expect(callsOf("set_meeting_reminder").map((c) => c.args)).toEqual([{ id: 7, remindAt: "2026-12-05T10:20:00-05:00" }]);

    // Moved to 14:00: the reminder moves with it.
    await edit(7);
    expect(field("field-remind").value).toBe("10");
    await fireEvent.input(field("field-time"), { target: { value: "14:00" } });
    await save();
    expect(fake.meetingReminders.get(7)).toBe("2026-12-05T13:50:00-05:00");

    // "No reminder" clears it.
    await edit(7);
    await fireEvent.change(field("field-remind"), { target: { value: "none" } });
    await save();
    expect(fake.meetingReminders.get(7)).toBeNull();
    expect(callsOf("set_meeting_reminder")).toHaveLength(3);
  });

  it("leaves the backend alone when no reminder was ever chosen", async () => {
    await open();
    await edit(7);
    await fireEvent.input(field("field-place"), { target: { value: "Hall C" } });
    await save();
    expect(callsOf("update_meeting")).toHaveLength(1);
    expect(callsOf("set_meeting_reminder")).toHaveLength(0);
  });
});

describe("Meetings: done drafts follow-ups", () => {
  it("lists the follow-up drafted and opens it in Follow-ups", async () => {
    await open();
    await waitFor(() => expect(rowOf(7)).toBeTruthy());
    await fireEvent.click(within(rowOf(7)).getByTestId("meeting-done"));
    const dialog = await screen.findByTestId("meeting-done-dialog");
    const drafted = within(dialog).getByTestId("done-follow-up");
    const created = fake.followUps[0];
    expect(created?.person_id).toBe(1);
    expect(drafted.dataset.followUpId).toBe(String(created?.id));
    expect(text(drafted)).toContain("Follow-up drafted for Ana Sánchez, due Mon 7 Dec.");
    await fireEvent.click(within(drafted).getByTestId("done-open-follow-up"));
    await waitFor(() => expect(screen.queryByTestId("meeting-done-dialog")).toBeNull());
    expect(route.current).toBe("follow-ups");
    expect(followUps.pending?.id).toBe(created?.id);
    followUps.reset();
    route.replace("meetings");
  });
});
