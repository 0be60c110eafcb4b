// Why: Goals is where a physician checks "am I doing what I came for?". These drive the screen as
// a user does, through the fake backend: adopting the starter set from the empty state, progress
// fetched fresh on arrival, ticking a manual goal (set_goal_count), the stepper, errors by field
// in the goal form, a new counted goal with its narrowing and due time, delete with undo, and `N`.
import { beforeEach, describe, expect, it } from "vitest";
import { fireEvent, render, screen, waitFor, within } from "@testing-library/svelte";
import GoalsScreen from "./GoalsScreen.svelte";
import { congress, type FakeBackend } from "../testing/fake-backend";
import { goal, type FakeGoals } from "../testing/fake-goals";
import { goals } from "../lib/goals.svelte";
import { installGoalsStand, text } from "../testing/screens";

const ash = congress({ id: 1, name: "ASH Annual Meeting 2026", short_name: "ASH 2026", starts_on: "2026-12-05", ends_on: "2026-12-08", time_zone: "America/New_York" });
/** Sunday 7 Dec 2026, 09:00 EST. */
const NOW = Date.parse("2026-12-07T09:00:00-05:00");

let backend: FakeBackend;
let fake: FakeGoals;

async function open(init: Partial<FakeGoals> = {}) {
  ({ backend, fake } = await installGoalsStand(ash, init));
  render(GoalsScreen, { props: { clock: () => NOW } });
}

const callsOf = (cmd: string) => backend.calls.filter((c) => c.cmd === cmd);
const card = (id: number) => screen.getAllByTestId("goal-card").find((c) => c.dataset.goalId === String(id)) as HTMLElement;
const form = () => screen.getByTestId("goal-form");
const field = (id: string) => within(form()).getByTestId(id) as HTMLInputElement & HTMLSelectElement;

beforeEach(() => {
  goals.reset();
});

describe("GoalsScreen", () => {
  it("offers the starter set when there are no goals, all ticked, and adopts the ones kept", async () => {
    await open();
    const empty = await screen.findByTestId("goals-empty");
    const starters = await within(empty).findAllByTestId("starter-goal");
    expect(starters.map((s) => s.dataset.key)).toEqual(["mentors", "posters", "present"]);
    expect(text(starters[0])).toContain("Counts mentor targets you have met.");
    const checks = within(empty).getAllByTestId("starter-check") as HTMLInputElement[];
    expect(checks.every((c) => c.checked)).toBe(true);

    await fireEvent.click(checks[1]!); // not the posters
    await fireEvent.click(within(empty).getByTestId("adopt-starters"));

    await waitFor(() => expect(screen.getAllByTestId("goal-card")).toHaveLength(2));
    expect(callsOf("adopt_starter_goals").at(-1)?.args).toEqual({ congressId: 1, keys: ["mentors", "present"] });
    expect(screen.getAllByTestId("goal-title").map(text)).toEqual(["Meet 3 potential mentors", "Present my poster"]);
    expect(screen.queryByTestId("goals-empty")).toBeNull();
    expect(text(screen.getByTestId("toast"))).toContain("Added 2 goals.");

    // Later, "Add starter goals" shows the ones already there as added, and only the rest ticked.
    await fireEvent.click(screen.getByTestId("add-starters"));
    const dialog = await screen.findByTestId("starters-dialog");
    const again = within(dialog).getAllByTestId("starter-check") as HTMLInputElement[];
    expect(again.map((c) => [c.checked, c.disabled])).toEqual([
      [false, true],
      [true, false],
      [false, true],
    ]);
    await fireEvent.click(within(dialog).getByTestId("adopt-starters"));
    await waitFor(() => expect(screen.getAllByTestId("goal-card")).toHaveLength(3));
    expect(callsOf("adopt_starter_goals").at(-1)?.args).toEqual({ congressId: 1, keys: ["posters"] });
  });

  it("shows each goal's progress, what it counts, met with a word, and the due time in venue time", async () => {
    await open({
      goals: [
        goal({ id: 1, title: "Meet 3 potential mentors", rule: "targets_met", params: { why: "mentor", keyword: null, session_kind: null }, target: 3, due_at: "2026-12-06T18:00:00-05:00" }),
        goal({ id: 2, title: "Attend 6 myeloma sessions", rule: "sessions_attended", params: { why: null, keyword: "myeloma", session_kind: null }, target: 6, due_at: "2026-12-08T18:00:00-05:00" }),
      ],
      progress: (g) => (g.id === 1 ? 1 : 6),
    });
    await screen.findAllByTestId("goal-card");
    expect(callsOf("list_goals")).toHaveLength(1); // fetched on arrival: progress comes from elsewhere

    const mentors = card(1);
    expect(text(within(mentors).getByTestId("goal-progress"))).toBe("1 of 3");
    expect(text(mentors)).toContain("Counts mentor targets you've met.");
    expect(text(within(mentors).getByTestId("goal-due"))).toBe("⚠Overdue: due Sun 6 Dec, 18:00 EST");
    expect(within(mentors).queryByTestId("goal-met")).toBeNull();
    expect(within(mentors).queryByTestId("goal-check")).toBeNull(); // counted, not ticked

    const sessions = card(2);
    expect(text(within(sessions).getByTestId("goal-progress"))).toBe("6 of 6");
    expect(text(within(sessions).getByTestId("goal-met"))).toBe("✓Met");
    expect(text(within(sessions).getByTestId("goal-due"))).toBe("Due Tue 8 Dec, 18:00 EST");
    expect(text(screen.getByTestId("goals-summary"))).toContain("1 of 2 goals met");
  });

  it("ticks a manual goal with set_goal_count and steps a counted-by-hand one", async () => {
    await open({
      goals: [
        goal({ id: 5, title: "Present my poster", target: 1 }),
        goal({ id: 6, title: "Hand out 3 cards", target: 3, progress: 1, position: 2 }),
      ],
    });
    const check = (await within(await waitFor(() => card(5))).findByTestId("goal-check")) as HTMLInputElement;
    expect(check.checked).toBe(false);
    await fireEvent.click(check);
    await waitFor(() => expect(within(card(5)).getByTestId("goal-met")).toBeTruthy());
    expect(callsOf("set_goal_count").at(-1)?.args).toEqual({ id: 5, count: 1 });
    expect(text(within(card(5)).getByTestId("goal-progress"))).toBe("1 of 1");

    await fireEvent.click(within(card(5)).getByTestId("goal-check"));
    await waitFor(() => expect(within(card(5)).queryByTestId("goal-met")).toBeNull());
    expect(callsOf("set_goal_count").at(-1)?.args).toEqual({ id: 5, count: 0 });

    await fireEvent.click(within(card(6)).getByTestId("goal-increment"));
    await waitFor(() => expect(text(within(card(6)).getByTestId("goal-progress"))).toBe("2 of 3"));
    expect(callsOf("set_goal_count").at(-1)?.args).toEqual({ id: 6, count: 2 });
  });

  it("says what is wrong next to each field of the goal form and keeps what was typed", async () => {
    await open({ goals: [goal({ id: 5 })] });
    await screen.findAllByTestId("goal-card");
    await fireEvent.click(screen.getByTestId("new-goal"));
    await fireEvent.change(field("goal-field-rule"), { target: { value: "sessions_attended" } });
    await fireEvent.input(field("goal-field-keyword"), { target: { value: "x".repeat(101) } });
    await fireEvent.input(field("goal-field-target"), { target: { value: "0" } });
    await fireEvent.click(field("goal-save"));

    expect(text(await within(form()).findByTestId("error-title"))).toContain("Say what you want to achieve");
    expect(text(within(form()).getByTestId("error-target"))).toContain("Aim for between 1 and 1,000.");
    expect(text(within(form()).getByTestId("error-keyword"))).toContain("Keep the keyword short.");
    expect(field("goal-field-title").getAttribute("aria-invalid")).toBe("true");
    expect(document.activeElement).toBe(field("goal-field-title"));
    expect(field("goal-field-keyword").value).toHaveLength(101);
    expect(callsOf("create_goal")).toHaveLength(1);

    // Fixing a field clears its message; a due day needs a readable time, said before asking.
    await fireEvent.input(field("goal-field-title"), { target: { value: "Attend 6 myeloma sessions" } });
    expect(within(form()).queryByTestId("error-title")).toBeNull();
    await fireEvent.change(field("goal-field-due-day"), { target: { value: "2026-12-07" } });
    await fireEvent.input(field("goal-field-due-time"), { target: { value: "7pm" } });
    await fireEvent.click(field("goal-save"));
    expect(text(await within(form()).findByTestId("error-due"))).toContain("HH:MM");
    expect(callsOf("create_goal")).toHaveLength(1);
  });

  it("adds a counted goal with its narrowing and due time, and edits it", async () => {
    await open({ goals: [goal({ id: 5 })] });
    await screen.findAllByTestId("goal-card");
    await fireEvent.click(screen.getByTestId("new-goal"));
    expect(within(form()).queryByTestId("goal-field-keyword")).toBeNull(); // targets_met reads "why" only
    await fireEvent.input(field("goal-field-title"), { target: { value: "Meet 2 industry contacts" } });
    await fireEvent.change(field("goal-field-why"), { target: { value: "industry" } });
    expect(text(form())).toContain("Counts industry targets you've met.");
    await fireEvent.input(field("goal-field-target"), { target: { value: "2" } });
    await fireEvent.change(field("goal-field-due-day"), { target: { value: "2026-12-08" } });
    expect(field("goal-field-due-time").value).toBe("18:00");
    await fireEvent.input(field("goal-field-due-time"), { target: { value: "1230" } });
    await fireEvent.click(field("goal-save"));

    await waitFor(() => expect(screen.queryByTestId("goal-form")).toBeNull());
    expect(callsOf("create_goal").at(-1)?.args).toEqual({
      draft: {
        congress_id: 1,
        title: "Meet 2 industry contacts",
        rule: "targets_met",
        params: { why: "industry", keyword: null, session_kind: null },
        target: 2,
        due_local: "2026-12-08T12:30:00",
      },
    });
    const id = fake.goals.find((g) => g.title === "Meet 2 industry contacts")!.id;
    expect(text(within(card(id)).getByTestId("goal-due"))).toBe("Due Tue 8 Dec, 12:30 EST");

    await fireEvent.click(within(card(id)).getByTestId("goal-edit"));
    expect(field("goal-field-title").value).toBe("Meet 2 industry contacts");
    expect(field("goal-field-why").value).toBe("industry");
    expect(field("goal-field-due-time").value).toBe("12:30");
    await fireEvent.input(field("goal-field-target"), { target: { value: "4" } });
    await fireEvent.click(field("goal-save"));
    await waitFor(() => expect(text(within(card(id)).getByTestId("goal-progress"))).toBe("0 of 4"));
    expect(callsOf("update_goal").at(-1)?.args).toMatchObject({ id, draft: { target: 4 } });
  });

  it("deletes a goal with Undo, which brings it back with its count", async () => {
    await open({ goals: [goal({ id: 5, title: "Hand out 3 cards", target: 3, progress: 2 })] });
    await fireEvent.click(await within(await waitFor(() => card(5))).findByTestId("goal-delete"));
    await waitFor(() => expect(screen.queryAllByTestId("goal-card")).toHaveLength(0));
    expect(callsOf("delete_goal").at(-1)?.args).toEqual({ id: 5 });
    await fireEvent.click(screen.getByTestId("undo-delete-goal"));
    await waitFor(() => expect(text(screen.getByTestId("goal-progress"))).toBe("2 of 3"));
    expect(screen.getAllByTestId("goal-card")).toHaveLength(1);
    expect(callsOf("set_goal_count").at(-1)?.args).toMatchObject({ count: 2 });
    expect(text(screen.getByTestId("goal-title"))).toBe("Hand out 3 cards");
  });

  it("opens a new goal with N, but not while typing", async () => {
    await open({ goals: [goal({ id: 5 })] });
    await screen.findAllByTestId("goal-card");
    await fireEvent.keyDown(window, { key: "n" });
    expect(screen.getByTestId("goal-form")).toBeTruthy();
    await fireEvent.keyDown(field("goal-field-title"), { key: "n" });
    expect(screen.getAllByTestId("goal-form")).toHaveLength(1);
  });
});
