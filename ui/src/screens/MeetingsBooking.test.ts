// Why: a meeting is usually booked from a target ("Book meeting" on the board or the person
// page), and looked at again in the day view beside the sessions attended. These drive both paths
// through the fake backend: the hand-over from People to Meetings, and the day view's blocks.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { fireEvent, render, screen, within } from "@testing-library/svelte";
import MeetingsScreen from "./MeetingsScreen.svelte";
import PeopleScreen from "./PeopleScreen.svelte";
import { congress, installFakeBackend, person, session, target, type FakeBackend } from "../testing/fake-backend";
import { installFakeMeetings, meeting } from "../testing/fake-meetings";
import { congresses } from "../lib/congresses.svelte";
import { meetings } from "../lib/meetings.svelte";
import { people } from "../lib/people.svelte";
import { peopleView } from "../lib/people-view.svelte";
import { route } from "../lib/route.svelte";
import { settings } from "../lib/settings.svelte";
import { targets } from "../lib/targets.svelte";
import { startMeetings, text } from "../testing/screens";

const ash = congress({ id: 1, name: "ASH 2026", starts_on: "2026-12-05", ends_on: "2026-12-06", time_zone: "America/New_York" });
const sat = (hhmm: string) => `2026-12-05T${hhmm}:00-05:00`;
const ana = person({ id: 1, display_name: "Ana Sánchez", institution: "Hospital Clínic" });
const anaTarget = target({ id: 11, person_id: 1, display_name: "Ana Sánchez", priority: "must", status: "idea" });

let backend: FakeBackend;

async function setUp(init: Partial<FakeBackend> = {}) {
  backend = installFakeBackend({ congresses: [ash], people: [ana], targets: [anaTarget], ...init });
  backend.settings.current_congress_id = ash.id;
  await Promise.all([settings.load(), congresses.load()]);
}


beforeEach(() => {
  startMeetings();
  people.reset();
  peopleView.reset();
});

afterEach(() => {
  vi.useRealTimers();
  route.replace("today");
});

describe("Booking a meeting with a target", () => {
  it("goes from the target card to Meetings with the editor open for that person", async () => {
    await setUp();
    installFakeMeetings(backend);
    const people = render(PeopleScreen);
    await fireEvent.click(await screen.findByTestId("people-tab-targets"));
    const card = await screen.findByTestId("target-card");
    await fireEvent.click(within(card).getByTestId("book-meeting"));
    expect(route.current).toBe("meetings");
    expect(meetings.pendingBooking).toEqual({ id: 1, display_name: "Ana Sánchez" });
    people.unmount();

    render(MeetingsScreen);
    const editor = await screen.findByTestId("meeting-editor");
    expect(within(editor).getAllByTestId("person-chip").map(text)).toEqual(["Ana Sánchez ×"]);
    expect((within(editor).getByTestId("field-title") as HTMLInputElement).value).toBe("Meeting with Ana Sánchez");
    expect(document.activeElement).toBe(within(editor).getByTestId("field-time"));
    expect(meetings.pendingBooking).toBeNull();
  });

  it("offers the same from the person page's target section", async () => {
    await setUp();
    installFakeMeetings(backend);
    render(PeopleScreen);
    const row = await screen.findByTestId("person-row");
    await fireEvent.click(within(row).getByRole("button"));
    const page = await screen.findByTestId("person-page");
    const section = await within(page).findByTestId("target-section");
    await fireEvent.click(within(section).getByTestId("book-meeting"));
    expect(route.current).toBe("meetings");
    expect(meetings.pendingBooking).toEqual({ id: 1, display_name: "Ana Sánchez" });
  });
});

describe("The day view", () => {
  it("draws the sessions I attend and my meetings on the day, and opens a meeting on click", async () => {
    await setUp({
      sessions: [
        session({ id: 50, title: "Menin inhibitors", starts_at: sat("10:00"), ends_at: sat("11:00"), attendance: "attending" }),
        session({ id: 51, title: "Not going", starts_at: sat("12:00"), ends_at: sat("13:00") }),
      ],
    });
    installFakeMeetings(backend, {
      meetings: [
        meeting({ id: 7, title: "Coffee with Ana", starts_at: sat("10:30"), ends_at: sat("11:00"), people: [{ id: 1, display_name: "Ana Sánchez", institution: null, target_status: "scheduled" }] }),
        meeting({ id: 8, title: "Sunday lunch", starts_at: "2026-12-06T12:00:00-05:00", ends_at: "2026-12-06T13:00:00-05:00" }),
      ],
    });
    render(MeetingsScreen);
    await fireEvent.click(await screen.findByTestId("meetings-tab-day"));
    const tabs = screen.getAllByTestId("day-tab");
    expect(tabs.map((t) => t.getAttribute("title"))).toEqual(["Saturday 5 December, 1 meeting", "Sunday 6 December, 1 meeting"]);

    const day = screen.getByTestId("meetings-day");
    const block = await within(day).findByTestId("day-meeting", {}, { timeout: 3000 });
    expect(block.dataset.meetingId).toBe("7");
    expect(block.className).toContain("clashing");
    expect(text(block)).toContain("Coffee with Ana");
    expect(text(block)).toContain("⚠ Clash");
    const sessions = within(day).getAllByTestId("day-session");
    expect(sessions.map((s) => s.dataset.sessionId)).toEqual(["50"]);
    expect(sessions[0]?.className).toContain("clashing");

    await fireEvent.click(block);
    const editor = await screen.findByTestId("meeting-editor");
    expect((within(editor).getByTestId("field-title") as HTMLInputElement).value).toBe("Coffee with Ana");
  });
});
