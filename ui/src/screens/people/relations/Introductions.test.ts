// Why: an introduction owed is a promise, and the person's page is where it is kept. These pin how
// each one reads from either side, Made and Declined, offering one with the people picker (its
// problems said under the field, an owed one twice said in words), "met through", removal that
// asks first, and the empty state.
import { describe, expect, it } from "vitest";
import { fireEvent, screen, waitFor, within } from "@testing-library/svelte";
import { congress, person } from "../../../testing/fake-backend";
import { introduction } from "../../../testing/fake-person-relations";
import { callsOf, openPersonPanel } from "../../../testing/person-panel";
import { text } from "../../../testing/screens";

const ana = person({ id: 1, display_name: "Ana Sánchez" });
const ben = person({ id: 2, display_name: "Ben Okafor" });
const carl = person({ id: 3, display_name: "Carl Weiss" });
const ref = (p: typeof ana) => ({ id: p.id, display_name: p.display_name });
const TODAY = "2026-12-07";

const rows = (page: HTMLElement) => within(page).queryAllByTestId("person-intro");
const rowTexts = (page: HTMLElement) => rows(page).map((r) => text(r.querySelector(".what")));

async function pick(dialog: HTMLElement, query: string) {
  await fireEvent.input(within(dialog).getByTestId("field-people-search"), { target: { value: query } });
  await fireEvent.click(await within(dialog).findByTestId("people-option"));
}

describe("Introductions", () => {
  it("lists them both ways, each with why, when and where", async () => {
    const { page } = await openPersonPanel([ana, ben, carl], {
      today: TODAY,
      intros: [
        introduction({ id: 1, person: ref(ana), to: ref(ben), note: "Both run MRD-guided trials", congress_id: 9, congress_name: "EHA 2026", offered_on: "2026-06-14" }),
        introduction({ id: 2, person: ref(carl), to: ref(ana), status: "made", offered_on: "2026-03-01", closed_on: "2026-03-09" }),
        introduction({ id: 3, person: ref(ana), to: null, through: ref(carl), status: "made", offered_on: "2025-12-01", closed_on: "2025-12-01" }),
      ],
    });
    expect(rowTexts(page)).toEqual([
      "◌ You owe: introduce Ana Sánchez to Ben Okafor",
      "✓ Introduced Carl Weiss to Ana Sánchez",
      "↪ Met through Carl Weiss",
    ]);
    const [owed, made, through] = rows(page);
    expect(text(owed?.querySelector(".why"))).toBe("Both run MRD-guided trials");
    expect(text(owed?.querySelector(".meta"))).toBe("Offered 14 Jun · EHA 2026");
    expect(text(made?.querySelector(".meta"))).toBe("Offered 1 Mar · made 9 Mar");
    expect(text(through?.querySelector(".meta"))).toBe("Noted 1 Dec 2025");
    // Made and Declined only where it is owed; the group is named for screen readers.
    expect(within(owed as HTMLElement).getByRole("group").getAttribute("aria-label")).toBe(
      "Actions for “You owe: introduce Ana Sánchez to Ben Okafor”",
    );
    expect(within(owed as HTMLElement).queryByTestId("intro-mark-made")).toBeTruthy();
    expect(within(made as HTMLElement).queryByTestId("intro-mark-made")).toBeNull();
    expect(within(through as HTMLElement).queryByTestId("intro-mark-owed")).toBeNull();
  });

  it("marks one made or declined, and reads the list again", async () => {
    const { page, backend } = await openPersonPanel([ana, ben, carl], {
      today: TODAY,
      intros: [introduction({ id: 1, person: ref(ana), to: ref(ben) }), introduction({ id: 2, person: ref(ana), to: ref(carl) })],
    });
    await fireEvent.click(within(rows(page)[0] as HTMLElement).getByTestId("intro-mark-made"));
    await waitFor(() => expect(rowTexts(page)[0]).toBe("✓ Introduced Ana Sánchez to Ben Okafor"));
    await fireEvent.click(within(rows(page)[1] as HTMLElement).getByTestId("intro-mark-declined"));
    await waitFor(() => expect(rowTexts(page)[1]).toBe("✕ Declined: introduce Ana Sánchez to Carl Weiss"));
    expect(callsOf(backend, "set_intro_status")).toEqual([
      { id: 1, status: "made" },
      { id: 2, status: "declined" },
    ]);
    expect(text(rows(page)[0]?.querySelector(".meta"))).toBe("Offered 7 Dec · made 7 Dec");
  });

  it("offers one to someone picked, owed until made, tied to the congress under way", async () => {
    const ash = congress({ id: 1, short_name: "ASH 2026", starts_on: "2026-12-05", ends_on: "2026-12-08" });
    const { page, backend } = await openPersonPanel([ana, ben, carl], { today: TODAY }, ash);
    await fireEvent.click(within(page).getByTestId("intro-add"));
    const dialog = await screen.findByTestId("intro-dialog");
    expect(text(within(dialog).getByRole("heading"))).toBe("Introduce Ana Sánchez to…");

    // Nobody picked: said under the field, nothing sent.
    await fireEvent.click(within(dialog).getByTestId("intro-save"));
    expect(text(await within(dialog).findByTestId("intro-other-error"))).toBe("!Choose whom to introduce Ana Sánchez to.");
    expect(within(dialog).getByLabelText("To").getAttribute("aria-invalid")).toBe("true");

    // Ana herself is never offered.
    await fireEvent.input(within(dialog).getByTestId("field-people-search"), { target: { value: "a" } });
    await waitFor(() => expect(within(dialog).getAllByTestId("people-option").map((o) => o.dataset.personId)).toEqual(["2", "3"]));
    await fireEvent.click(within(dialog).getAllByTestId("people-option")[0] as HTMLElement);
    expect(within(dialog).queryByTestId("intro-other-error")).toBeNull();
    expect(within(dialog).getAllByTestId("person-chip").map((c) => text(c.querySelector("span")))).toEqual(["Ben Okafor"]);
    // Another pick replaces the first: an introduction is to one person.
    await pick(dialog, "carl");
    expect(within(dialog).getAllByTestId("person-chip").map((c) => text(c.querySelector("span")))).toEqual(["Carl Weiss"]);

    await fireEvent.input(within(dialog).getByTestId("intro-note"), { target: { value: " Both study CAR-T toxicity " } });
    expect((within(dialog).getByTestId("intro-owed") as HTMLInputElement).checked).toBe(true);
    expect(text(within(dialog).getByTestId("intro-at-congress").closest("label"))).toBe("Offered at ASH 2026");
    await fireEvent.click(within(dialog).getByTestId("intro-save"));

    await waitFor(() => expect(screen.queryByTestId("intro-dialog")).toBeNull());
    expect(callsOf(backend, "offer_intro")).toEqual([
      { draft: { person_id: 1, to_person_id: 3, status: "owed", note: "Both study CAR-T toxicity", congress_id: 1 } },
    ]);
    await waitFor(() => expect(rowTexts(page)).toEqual(["◌ You owe: introduce Ana Sánchez to Carl Weiss"]));
  });

  it("records one made at once, and says when the same one is already owed", async () => {
    const { page, backend } = await openPersonPanel([ana, ben], {
      today: TODAY,
      intros: [introduction({ id: 1, person: ref(ben), to: ref(ana) })],
    });
    await fireEvent.click(within(page).getByTestId("intro-add"));
    let dialog = await screen.findByTestId("intro-dialog");
    await pick(dialog, "ben");
    await fireEvent.click(within(dialog).getByTestId("intro-save"));
    expect(text(await within(dialog).findByTestId("intro-problem"))).toBe(
      "You already owe this introduction (either way round): mark that one made instead.",
    );
    await fireEvent.click(within(dialog).getByTestId("intro-made"));
    await fireEvent.click(within(dialog).getByTestId("intro-save"));
    await waitFor(() => expect(screen.queryByTestId("intro-dialog")).toBeNull());
    expect(callsOf(backend, "offer_intro").map((a) => (a.draft as { status: string }).status)).toEqual(["owed", "made"]);
    await waitFor(() => expect(rowTexts(page)).toContain("✓ Introduced Ana Sánchez to Ben Okafor"));

    // Cancel leaves everything as it was.
    await fireEvent.click(within(page).getByTestId("intro-met-through"));
    dialog = await screen.findByTestId("intro-dialog");
    await fireEvent.click(within(dialog).getByTestId("intro-cancel"));
    await waitFor(() => expect(screen.queryByTestId("intro-dialog")).toBeNull());
  });

  it("notes who introduced you", async () => {
    const { page, backend } = await openPersonPanel([ana, ben, carl], { today: TODAY });
    await fireEvent.click(within(page).getByTestId("intro-met-through"));
    const dialog = await screen.findByTestId("intro-dialog");
    expect(text(within(dialog).getByRole("heading"))).toBe("Who introduced you to Ana Sánchez?");
    expect(within(dialog).queryByTestId("intro-owed")).toBeNull();
    await pick(dialog, "carl");
    await fireEvent.input(within(dialog).getByTestId("intro-note"), { target: { value: "At his lab's dinner" } });
    await fireEvent.click(within(dialog).getByTestId("intro-save"));
    await waitFor(() => expect(screen.queryByTestId("intro-dialog")).toBeNull());
    expect(callsOf(backend, "record_met_through")).toEqual([{ personId: 1, through: 3, note: "At his lab's dinner", congressId: null }]);
    await waitFor(() => expect(rowTexts(page)).toEqual(["↪ Met through Carl Weiss"]));
  });

  it("asks before removing one, and Cancel keeps it", async () => {
    const { page, backend } = await openPersonPanel([ana, ben], {
      today: TODAY,
      intros: [introduction({ id: 1, person: ref(ana), to: ref(ben) })],
    });
    await fireEvent.click(within(page).getByTestId("intro-remove"));
    let confirm = await screen.findByTestId("confirm-dialog");
    expect(text(within(confirm).getByTestId("confirm-message"))).toBe(
      "“You owe: introduce Ana Sánchez to Ben Okafor” is removed from both people's pages, for good.",
    );
    await fireEvent.click(within(confirm).getByTestId("confirm-cancel"));
    await waitFor(() => expect(screen.queryByTestId("confirm-dialog")).toBeNull());
    expect(rows(page)).toHaveLength(1);

    await fireEvent.click(within(page).getByTestId("intro-remove"));
    confirm = await screen.findByTestId("confirm-dialog");
    await fireEvent.click(within(confirm).getByTestId("confirm-ok"));
    await waitFor(() => expect(rows(page)).toHaveLength(0));
    expect(callsOf(backend, "delete_intro")).toEqual([{ id: 1 }]);
  });

  it("says what introductions are for when there are none", async () => {
    const { page } = await openPersonPanel([ana], { today: TODAY });
    expect(text(within(page).getByTestId("person-intros"))).toContain(
      "None yet. Offer to introduce Ana Sánchez to someone who should know them, or note who introduced you.",
    );
  });
});
