// Why: a pitch and goals show up where they are used, not only on their own screens: the person
// page's target section picks the pitch for a target (link_pitch) and shows it folded with its
// timing; Today shows the goals as compact bars and "Your pitch" on the meeting it was linked for.
import { beforeEach, describe, expect, it } from "vitest";
import { fireEvent, render, screen, waitFor, within } from "@testing-library/svelte";
import TargetSection from "./people/TargetSection.svelte";
import TodayScreen from "./TodayScreen.svelte";
import { congress, installFakeBackend, person, target, type FakeBackend } from "../testing/fake-backend";
import { installFakeToday, meetingItem, todayView } from "../testing/fake-today";
import { goal, installFakeGoals, pitch } from "../testing/fake-goals";
import { congresses } from "../lib/congresses.svelte";
import { pitches } from "../lib/pitches.svelte";
import { settings } from "../lib/settings.svelte";
import { targets } from "../lib/targets.svelte";
import { today } from "../lib/today.svelte";

const ash = congress({ id: 1, name: "ASH Annual Meeting 2026", short_name: "ASH 2026", time_zone: "America/New_York" });
const ana = person({ id: 1, display_name: "Ana Sánchez", institution: "Hospital Clínic" });
const mentorPitch = pitch({ id: 41, title: "To a myeloma mentor", audience: "mentor", congress_id: null, body: "I study MRD-guided CAR-T — in myeloma, 2.5 years.", target_seconds: 30 });
const boothPitch = pitch({ id: 42, title: "Booth chat", audience: "industry", congress_id: 1, body: "Hello." });

let backend: FakeBackend;
const text = (el: Element | null | undefined) => el?.textContent?.replace(/\s+/g, " ").trim();
const callsOf = (cmd: string) => backend.calls.filter((c) => c.cmd === cmd);

async function start() {
  backend = installFakeBackend({ congresses: [ash], people: [ana], targets: [target({ id: 11, person_id: 1, display_name: "Ana Sánchez", why: "mentor", status: "contacted" })] });
  backend.settings.current_congress_id = ash.id;
  installFakeGoals(backend, { pitches: [mentorPitch, boothPitch], goals: [goal({ id: 1, title: "Meet 3 potential mentors", rule: "targets_met", target: 3, progress: 1 })] });
  await Promise.all([settings.load(), congresses.load()]);
}

beforeEach(() => {
  pitches.reset();
  targets.reset();
  today.reset();
});

describe("a pitch on a target", () => {
  it("links a pitch from the person page and shows it folded with its timing; None unlinks", async () => {
    await start();
    await targets.load(1);
    render(TargetSection, { props: { person: ana, congressLabel: "ASH 2026", speaksHere: false } });
    const select = (await screen.findByTestId("target-pitch")) as HTMLSelectElement;
    await waitFor(() => expect(select.disabled).toBe(false));
    expect([...select.options].map((o) => o.textContent?.trim())).toEqual(["None", "To a myeloma mentor", "Booth chat"]);
    expect(select.value).toBe("");
    expect(screen.getByTestId("book-meeting")).toBeTruthy(); // the other helper's button stays

    await fireEvent.change(select, { target: { value: "41" } });
    const shown = await screen.findByTestId("target-pitch-shown");
    expect(callsOf("link_pitch").at(-1)?.args).toEqual({ targetId: 11, pitchId: 41 });
    expect(text(shown)).toContain("To a myeloma mentor");
    expect(text(within(shown).getByTestId("pitch-reveal-timing"))).toBe("8 words · 4 s of 30 s");
    const details = shown.querySelector("details") as HTMLDetailsElement;
    expect(details.open).toBe(false);
    expect(text(within(shown).getByTestId("pitch-reveal-body"))).toBe("I study MRD-guided CAR-T — in myeloma, 2.5 years.");
    expect((screen.getByTestId("target-pitch") as HTMLSelectElement).value).toBe("41");

    await fireEvent.change(screen.getByTestId("target-pitch"), { target: { value: "" } });
    await waitFor(() => expect(screen.queryByTestId("target-pitch-shown")).toBeNull());
    expect(callsOf("link_pitch").at(-1)?.args).toEqual({ targetId: 11, pitchId: null });
  });
});

describe("Today", () => {
  it("shows the goals as compact bars with a way to Goals, and the pitch on the meeting", async () => {
    await start();
    installFakeToday(backend, {
      view: todayView({
        next: meetingItem(71, { title: "Coffee with Ana", starts_at: "2026-12-05T10:30:00-05:00", ends_at: "2026-12-05T11:00:00-05:00", pitch: mentorPitch }),
        goals: [
          goal({ id: 1, title: "Meet 3 potential mentors", rule: "targets_met", target: 3, progress: 1 }),
          goal({ id: 2, title: "Present my poster", target: 1, progress: 1 }),
        ],
      }),
    });
    render(TodayScreen, { props: { clock: () => Date.parse("2026-12-05T10:18:00-05:00") } });
    const rows = await screen.findAllByTestId("today-goal");
    expect(rows.map(text)).toEqual(["Meet 3 potential mentors 1 of 3", "Present my poster ✓1 of 1, met"]);
    expect(screen.getByTestId("today-goals-link").getAttribute("href")).toBe("#/goals");

    const next = screen.getByTestId("today-next");
    const yours = within(next).getByTestId("today-pitch");
    expect(text(yours)).toContain("Your pitch: To a myeloma mentor");
    expect(text(within(yours).getByTestId("pitch-reveal-timing"))).toBe("8 words · 4 s of 30 s");
    await fireEvent.click(within(yours).getByTestId("pitch-reveal-toggle"));
    expect(text(within(yours).getByTestId("pitch-reveal-body"))).toContain("MRD-guided CAR-T");
  });
});
