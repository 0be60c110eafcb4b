// Why: Pitches is where a physician prepares what to say. These drive it as a user does, through
// the fake backend: the empty state, writing a pitch while its words and speaking time update
// live (counted as the core counts them), the over-target warning in words, errors by field, the
// list grouped by audience with each pitch's timing, delete after asking, and practice mode's
// countdown with a fake clock and a hand-driven ticker (never the wall clock).
import { beforeEach, describe, expect, it } from "vitest";
import { fireEvent, render, screen, waitFor, within } from "@testing-library/svelte";
import PitchesScreen from "./PitchesScreen.svelte";
import PitchPractice from "./pitches/PitchPractice.svelte";
import { congress, type FakeBackend } from "../testing/fake-backend";
import { pitch, type FakeGoals } from "../testing/fake-goals";
import { pitches } from "../lib/pitches.svelte";
import { installGoalsStand, text } from "../testing/screens";

const ash = congress({ id: 1, name: "ASH Annual Meeting 2026", short_name: "ASH 2026", time_zone: "America/New_York" });
const words = (n: number) => Array.from({ length: n }, (_, i) => `word${i}`).join(" ");

let backend: FakeBackend;
let fake: FakeGoals;

async function open(init: Partial<FakeGoals> = {}) {
  ({ backend, fake } = await installGoalsStand(ash, init));
  render(PitchesScreen);
}

const callsOf = (cmd: string) => backend.calls.filter((c) => c.cmd === cmd);
const form = () => screen.getByTestId("pitch-form");
const field = (id: string) => within(form()).getByTestId(id) as HTMLInputElement & HTMLTextAreaElement & HTMLSelectElement;
const cardOf = (id: number) => screen.getAllByTestId("pitch-card").find((c) => c.dataset.pitchId === String(id)) as HTMLElement;

beforeEach(() => {
  pitches.reset();
});

describe("PitchesScreen", () => {
  it("writes a pitch with its words and speaking time counted live against the target", async () => {
    await open();
    const empty = await screen.findByTestId("pitches-empty");
    await fireEvent.click(within(empty).getByTestId("new-pitch"));

    expect(text(field("pitch-live-words"))).toBe("0 words");
    expect(field("pitch-target-60").getAttribute("aria-pressed")).toBe("true");
    expect(field("pitch-field-wpm").value).toBe("130");

    await fireEvent.input(field("pitch-field-title"), { target: { value: "To a myeloma mentor" } });
    await fireEvent.input(field("pitch-field-body"), { target: { value: `I study MRD-guided CAR-T — in myeloma, 2.5 years. ${words(120)}` } });
    expect(text(field("pitch-live-words"))).toBe("128 words");
    expect(text(field("pitch-live-time"))).toBe("59 s of 60 s");
    expect(field("pitch-live-fit").dataset.state).toBe("fits");

    await fireEvent.click(field("pitch-target-30"));
    expect(text(field("pitch-live-time"))).toBe("59 s of 30 s");
    expect(text(field("pitch-live-fit"))).toBe("⚠29 s over");
    expect(field("pitch-live-fit").dataset.state).toBe("over");

    await fireEvent.input(field("pitch-field-wpm"), { target: { value: "160" } });
    expect(text(field("pitch-live-time"))).toBe("48 s of 30 s");

    await fireEvent.click(field("pitch-target-90"));
    await fireEvent.input(field("pitch-field-wpm"), { target: { value: "130" } });
    await fireEvent.click(field("pitch-save"));
    await waitFor(() => expect(screen.queryByTestId("pitch-form")).toBeNull());

    expect(callsOf("create_pitch").at(-1)?.args).toMatchObject({
      draft: { congress_id: null, audience: "mentor", title: "To a myeloma mentor", target_seconds: 90, words_per_minute: 130 },
    });
    const card = screen.getByTestId("pitch-card");
    expect(text(within(card).getByTestId("pitch-timing"))).toBe("128 words · 59 s of 90 s");
    expect(text(within(card).getByTestId("pitch-scope"))).toBe("Any congress");
    expect(text(within(card).getByTestId("pitch-fit"))).toBe("✓Fits, 31 s to spare");
  });

  it("says what is wrong next to each field and keeps the text", async () => {
    await open({ pitches: [pitch({ id: 1, title: "Booth", audience: "industry" })] });
    await fireEvent.click(await screen.findByTestId("new-pitch"));
    await fireEvent.input(field("pitch-field-body"), { target: { value: "Hello, I work on myeloma." } });
    await fireEvent.input(field("pitch-field-target"), { target: { value: "5" } });
    await fireEvent.input(field("pitch-field-wpm"), { target: { value: "300" } });
    await fireEvent.click(field("pitch-save"));

    expect(text(await within(form()).findByTestId("error-title"))).toContain("Name the pitch");
    expect(text(within(form()).getByTestId("error-target_seconds"))).toContain("Aim for 10 seconds to 10 minutes.");
    expect(text(within(form()).getByTestId("error-words_per_minute"))).toContain("60 to 250 words a minute");
    expect(document.activeElement).toBe(field("pitch-field-title"));
    expect(field("pitch-field-body").value).toBe("Hello, I work on myeloma.");
    await fireEvent.click(field("pitch-target-60"));
    expect(within(form()).queryByTestId("error-target_seconds")).toBeNull();
  });

  it("groups pitches by audience, with this congress's and the general ones, and edits one", async () => {
    await open({
      pitches: [
        pitch({ id: 1, title: "Booth chat", audience: "industry", congress_id: 1, body: words(150), target_seconds: 60 }),
        pitch({ id: 2, title: "To a mentor", audience: "mentor", congress_id: null, body: words(65), target_seconds: 30 }),
        pitch({ id: 3, title: "EHA only", audience: "mentor", congress_id: 2 }),
      ],
    });
    const groups = await screen.findAllByTestId("pitch-group");
    expect(groups.map((g) => [g.dataset.audience, text(g.querySelector("h2"))])).toEqual([
      ["mentor", "For mentors"],
      ["industry", "For industry"],
    ]);
    expect(screen.getAllByTestId("pitch-card").map((c) => c.dataset.pitchId)).toEqual(["2", "1"]);
    expect(text(within(cardOf(1)).getByTestId("pitch-timing"))).toBe("150 words · 69 s of 60 s");
    expect(text(within(cardOf(1)).getByTestId("pitch-fit"))).toBe("⚠9 s over");
    expect(text(within(cardOf(1)).getByTestId("pitch-scope"))).toBe("For this congress");

    await fireEvent.click(within(cardOf(2)).getByTestId("pitch-edit"));
    expect(field("pitch-field-title").value).toBe("To a mentor");
    expect(field("pitch-target-30").getAttribute("aria-pressed")).toBe("true");
    expect(text(field("pitch-live-time"))).toBe("30 s of 30 s");
    await fireEvent.change(field("pitch-field-audience"), { target: { value: "committee" } });
    await fireEvent.click(field("pitch-field-congress"));
    await fireEvent.click(field("pitch-save"));
    await waitFor(() => expect(screen.getAllByTestId("pitch-group").map((g) => g.dataset.audience)).toEqual(["industry", "committee"]));
    expect(callsOf("update_pitch").at(-1)?.args).toMatchObject({ id: 2, draft: { audience: "committee", congress_id: 1 } });
  });

  it("deletes a pitch after asking", async () => {
    await open({ pitches: [pitch({ id: 1, title: "Booth chat", audience: "industry" })] });
    await fireEvent.click(within(await waitFor(() => cardOf(1))).getByTestId("pitch-delete"));
    expect(text(screen.getByTestId("confirm-message"))).toContain("“Booth chat”");
    await fireEvent.click(screen.getByTestId("confirm-ok"));
    await screen.findByTestId("pitches-empty");
    expect(callsOf("delete_pitch").at(-1)?.args).toEqual({ id: 1 });
    expect(fake.pitches).toHaveLength(0);
  });

  it("opens practice mode from a card and leaves it with Esc or Exit", async () => {
    await open({ pitches: [pitch({ id: 1, title: "To a mentor", body: "Hello, I work on myeloma.", target_seconds: 30 })] });
    await fireEvent.click(within(await waitFor(() => cardOf(1))).getByTestId("pitch-practice"));
    const view = screen.getByTestId("practice-view");
    expect(text(within(view).getByTestId("practice-countdown"))).toBe("0:30");
    expect(text(within(view).getByTestId("practice-text"))).toBe("Hello, I work on myeloma.");
    await fireEvent.keyDown(within(view).getByTestId("practice-start"), { key: "Escape" });
    expect(screen.queryByTestId("practice-view")).toBeNull();

    await fireEvent.click(within(cardOf(1)).getByTestId("pitch-practice"));
    await fireEvent.click(screen.getByTestId("practice-exit"));
    expect(screen.queryByTestId("practice-view")).toBeNull();
  });
});

describe("practice mode", () => {
  it("counts down from the target with start, pause (Space too) and reset, then says how far over", async () => {
    let now = 1_000_000;
    let tick: (() => void) | null = null;
    const schedule = (fn: () => void) => {
      tick = fn;
      return () => {
        tick = null;
      };
    };
    const advance = async (ms: number) => {
      now += ms;
      tick?.();
      await Promise.resolve();
    };
    render(PitchPractice, {
      props: { text: { title: "To a mentor", body: words(20), targetSeconds: 10 }, onclose: () => {}, clock: () => now, schedule },
    });
    const countdown = screen.getByTestId("practice-countdown");
    const startButton = screen.getByTestId("practice-start");
    expect(text(countdown)).toBe("0:10");
    expect(text(startButton)).toBe("Start");
    expect(tick).toBeNull(); // nothing ticks until started

    await fireEvent.click(startButton);
    expect(text(startButton)).toBe("Pause");
    await advance(3_000);
    expect(text(countdown)).toBe("0:07");

    const view = screen.getByTestId("practice-view");
    await fireEvent.keyDown(within(view).getByTestId("practice-start"), { key: " " }); // Space pauses
    expect(text(startButton)).toBe("Resume");
    expect(tick).toBeNull();
    now += 60_000; // time passing while paused does not count
    await fireEvent.keyDown(within(view).getByTestId("practice-start"), { key: " " }); // and resumes
    await advance(6_500);
    expect(text(countdown)).toBe("0:01");
    await advance(1_000);
    expect(text(countdown)).toBe("0:00");
    await advance(4_000);
    expect(text(countdown)).toBe("⚠over by 4 s");
    expect(countdown.dataset.over).toBe("true");

    await fireEvent.click(screen.getByTestId("practice-reset"));
    expect(text(countdown)).toBe("0:10");
    expect(text(startButton)).toBe("Start");
  });
});
