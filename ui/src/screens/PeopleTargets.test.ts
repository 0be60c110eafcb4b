// Why: targets are who a physician came to meet. These drive the board and the person page's
// target section as a user does: columns by status with must before should before nice, moving a
// target along in one action, filters, making and removing a target, the badge in the list, and
// notes tied to the congress.
import { beforeEach, describe, expect, it } from "vitest";
import { fireEvent, render, screen, waitFor, within } from "@testing-library/svelte";
import PeopleScreen from "./PeopleScreen.svelte";
import { congress, installFakeBackend, person, target, type FakeBackend } from "../testing/fake-backend";
import { congresses } from "../lib/congresses.svelte";
import { people } from "../lib/people.svelte";
import { settings } from "../lib/settings.svelte";
import { targets } from "../lib/targets.svelte";
import { openPerson, personRow as rowOf, resetPeople, text } from "../testing/screens";

const ash = congress({ id: 1, name: "ASH Annual Meeting 2026", short_name: "ASH 2026", time_zone: "America/New_York" });
const who = [
  person({ id: 1, display_name: "Ana Sánchez", institution: "Hospital Clínic" }),
  person({ id: 2, display_name: "Ben Okafor", institution: "SWOG" }),
  person({ id: 3, display_name: "Cleo Dubois", institution: "IFM" }),
  person({ id: 4, display_name: "Dan Müller", institution: "Charité" }),
  person({ id: 5, display_name: "Eve Tanaka", institution: "Novartis" }),
  person({ id: 6, display_name: "Wei Zhang", institution: "MD Anderson" }),
];
const talk = { session_id: 9, title: "Menin inhibitors in NPM1 AML", starts_at: "2026-12-05T10:30:00-05:00", room: "Room 6A" };
const board = [
  target({ id: 11, person_id: 1, display_name: "Ana Sánchez", institution: "Hospital Clínic", priority: "nice", why: "mentor", status: "idea", reason: "Ask about the GEM trials" }),
  target({ id: 12, person_id: 2, display_name: "Ben Okafor", institution: "SWOG", priority: "must", why: "cooperative_group", status: "idea", next_talk: talk }),
  target({ id: 13, person_id: 3, display_name: "Cleo Dubois", institution: "IFM", priority: "should", why: "collaborator", status: "idea" }),
  target({ id: 14, person_id: 4, display_name: "Dan Müller", institution: "Charité", priority: "must", why: "peer", status: "met" }),
  target({ id: 15, person_id: 5, display_name: "Eve Tanaka", institution: "Novartis", priority: "should", why: "industry", status: "declined" }),
];

let backend: FakeBackend;

async function open(init: Partial<FakeBackend> = {}, tab?: "targets"): Promise<FakeBackend> {
  backend = installFakeBackend({ congresses: [ash], people: who, targets: board, ...init });
  backend.settings.current_congress_id = ash.id;
  await Promise.all([settings.load(), congresses.load()]);
  render(PeopleScreen);
  if (tab) await fireEvent.click(await screen.findByTestId("people-tab-targets"));
  return backend;
}

const cards = () => screen.queryAllByTestId("target-card");
const cardOf = (personId: number) => cards().find((c) => c.dataset.personId === String(personId)) as HTMLElement;
const column = (status: string) =>
  cards()
    .filter((c) => c.dataset.status === status)
    .map((c) => Number(c.dataset.personId));

beforeEach(resetPeople);

describe("PeopleScreen: the targets board", () => {
  it("groups cards by status, must before should before nice, with what each card needs", async () => {
    await open({}, "targets");
    await waitFor(() => expect(cards()).toHaveLength(5));
    expect(text(screen.getByTestId("people-tab-targets"))).toBe("Targets at ASH 2026 5");
    expect(column("idea")).toEqual([2, 3, 1]);
    expect(column("met")).toEqual([4]);
    expect(column("contacted")).toEqual([]);
    expect(screen.getAllByRole("heading", { level: 3 }).map(text)).toEqual(["○ Idea 3", "◔ Contacted 0", "◑ Scheduled 0", "◕ Met 1", "● Followed up 0"]);
    // Declined is folded away below the board.
    const declined = screen.getByTestId("declined-targets") as HTMLDetailsElement;
    expect(declined.open).toBe(false);
    expect(within(declined).getAllByTestId("target-card").map((c) => c.dataset.personId)).toEqual(["5"]);

    const ben = cardOf(2);
    expect(text(ben)).toContain("Ben Okafor");
    expect(text(ben)).toContain("SWOG");
    expect(text(ben)).toContain("●Must"); // shape and label, not colour alone
    expect(text(ben)).toContain("Cooperative group");
    expect(text(ben)).toContain("Sat 10:30 · Room 6A · Menin inhibitors in NPM1 AML");
    expect(text(cardOf(1))).toContain("Ask about the GEM trials");
    expect(text(cardOf(1))).toContain("○Nice");
  });

  it("moves a target to the next status with one button, through setTargetStatus", async () => {
    await open({}, "targets");
    await waitFor(() => expect(cards()).toHaveLength(5));
    const advance = within(cardOf(2)).getByTestId("target-card-advance");
    expect(text(advance)).toBe("→Contacted");
    expect(advance.getAttribute("aria-label")).toBe("Move Ben Okafor to Contacted");

    await fireEvent.click(advance);
    await waitFor(() => expect(column("contacted")).toEqual([2]));
    expect(backend.calls.find((c) => c.cmd === "set_target_status")?.args).toEqual({ id: 12, status: "contacted" });
    expect(column("idea")).toEqual([3, 1]);
    expect(text(within(cardOf(2)).getByTestId("target-card-advance"))).toBe("→Scheduled");
    // Met moves on to followed up, the last step: no button after that.
    await fireEvent.click(within(cardOf(4)).getByTestId("target-card-advance"));
    await waitFor(() => expect(column("followed_up")).toEqual([4]));
    expect(within(cardOf(4)).queryByTestId("target-card-advance")).toBeNull();
  });

  it("moves a target anywhere with its status select, and filters by priority and why", async () => {
    await open({}, "targets");
    await waitFor(() => expect(cards()).toHaveLength(5));
    await fireEvent.change(within(cardOf(3)).getByTestId("target-card-status"), { target: { value: "declined" } });
    await waitFor(() => expect(column("declined")).toEqual([3, 5]));
    expect(backend.calls.find((c) => c.cmd === "set_target_status")?.args).toEqual({ id: 13, status: "declined" });

    await fireEvent.change(screen.getByTestId("board-filter-priority"), { target: { value: "must" } });
    await waitFor(() => expect(cards().map((c) => Number(c.dataset.personId))).toEqual([2, 4]));
    await fireEvent.change(screen.getByTestId("board-filter-why"), { target: { value: "peer" } });
    await waitFor(() => expect(cards().map((c) => Number(c.dataset.personId))).toEqual([4]));
    await fireEvent.click(screen.getByTestId("board-clear-filters"));
    await waitFor(() => expect(cards()).toHaveLength(5));
  });

  it("explains targets when there are none and leads to Everyone", async () => {
    await open({ targets: [] }, "targets");
    const empty = await screen.findByTestId("targets-empty");
    expect(text(empty)).toContain("No targets at ASH 2026 yet");
    expect(text(empty)).toContain("Targets are the people you want to meet at this congress");
    await fireEvent.click(within(empty).getByTestId("pick-targets"));
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId("people-search")));
    expect(screen.getByTestId("people-tab-everyone").getAttribute("aria-selected")).toBe("true");
  });
});

describe("PeopleScreen: targets on the person page and in the list", () => {
  it("badges targets in the list with priority and status", async () => {
    await open();
    await waitFor(() => expect(rowOf(2)).toBeTruthy());
    expect(text(rowOf(2))).toContain("Target at ASH 2026: ●Must ○ Idea");
    expect(text(rowOf(6))).not.toContain("Target");
  });

  it("makes someone a target with priority, why and reason, then moves and removes it (with Undo)", async () => {
    await open();
    const page = await openPerson(6);
    const section = within(page).getByTestId("target-section");
    expect(within(section).queryByTestId("target-status")).toBeNull();
    await fireEvent.change(within(section).getByTestId("target-priority"), { target: { value: "must" } });
    await fireEvent.change(within(section).getByTestId("target-why"), { target: { value: "mentor" } });
    await fireEvent.input(within(section).getByTestId("target-reason"), { target: { value: "Career advice on MRD trials" } });
    await fireEvent.click(within(section).getByTestId("make-target"));

    await waitFor(() => expect(text(within(section).getByTestId("target-status"))).toBe("Idea"));
    expect(backend.calls.find((c) => c.cmd === "set_target")?.args).toEqual({
      congressId: 1,
      personId: 6,
      draft: { priority: "must", why: "mentor", status: "idea", reason: "Career advice on MRD trials" },
    });
    await waitFor(() => expect(text(rowOf(6))).toContain("Target at ASH 2026"));

    await fireEvent.click(within(section).getByTestId("target-advance"));
    await waitFor(() => expect(text(within(section).getByTestId("target-status"))).toBe("Contacted"));
    expect(backend.calls.find((c) => c.cmd === "set_target_status")?.args).toMatchObject({ status: "contacted" });

    await fireEvent.click(within(section).getByTestId("remove-target"));
    await waitFor(() => expect(within(section).queryByTestId("target-status")).toBeNull());
    expect(within(section).getByTestId("make-target")).toBeTruthy();
    expect(backend.calls.some((c) => c.cmd === "remove_target")).toBe(true);
    await fireEvent.click(await screen.findByTestId("undo-remove-target"));
    await waitFor(() => expect(text(within(section).getByTestId("target-status"))).toBe("Contacted"));
  });

  it("adds notes tied to the current congress unless untied, newest first", async () => {
    await open({
      interactions: [{ id: 1, person_id: 1, congress_id: null, congress_name: null, occurred_at: "2025-06-13T12:00:00Z", note: "Emailed the abstract." }],
    });
    const page = await openPerson(1);
    expect(within(page).getAllByTestId("interaction-item")).toHaveLength(1);

    await fireEvent.input(within(page).getByTestId("interaction-note"), { target: { value: "Coffee after the plenary" } });
    await fireEvent.click(within(page).getByTestId("add-interaction"));
    await waitFor(() => expect(within(page).getAllByTestId("interaction-item")).toHaveLength(2));
    expect(backend.calls.find((c) => c.cmd === "add_interaction")?.args).toEqual({
      draft: { person_id: 1, congress_id: 1, meeting_id: null, occurred_at: null, note: "Coffee after the plenary" },
    });
    expect(text(within(page).getAllByTestId("interaction-item")[0])).toContain("ASH Annual Meeting 2026");
    expect(text(within(page).getAllByTestId("interaction-item")[0])).toContain("Coffee after the plenary");
    expect((within(page).getByTestId("interaction-note") as HTMLTextAreaElement).value).toBe("");

    await fireEvent.click(within(page).getByTestId("interaction-tied"));
    await fireEvent.input(within(page).getByTestId("interaction-note"), { target: { value: "Sent the slides" } });
    await fireEvent.click(within(page).getByTestId("add-interaction"));
    await waitFor(() => expect(within(page).getAllByTestId("interaction-item")).toHaveLength(3));
    expect(backend.calls.filter((c) => c.cmd === "add_interaction").at(-1)?.args).toMatchObject({ draft: { congress_id: null } });

    // An empty note is refused in words.
    await fireEvent.click(within(page).getByTestId("add-interaction"));
    expect(text(await within(page).findByRole("alert"))).toBe("Write what happened, even briefly.");
  });
});
