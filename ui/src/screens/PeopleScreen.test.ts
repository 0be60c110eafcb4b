// Why: People is where a physician finds anyone among tens of thousands and keeps their records
// straight. These drive the screen as a user does (through the fake backend, never a store's
// insides): lazy paging, search, the empty state, the person form's errors, delete with Undo and
// merge.
import { beforeEach, describe, expect, it } from "vitest";
import { fireEvent, render, screen, waitFor, within } from "@testing-library/svelte";
import PeopleScreen from "./PeopleScreen.svelte";
import { congress, installFakeBackend, person, type FakeBackend } from "../testing/fake-backend";
import { followUp, installFakeFollowUps } from "../testing/fake-follow-ups";
import type { Person } from "../lib/bindings";
import { congresses } from "../lib/congresses.svelte";
import { people } from "../lib/people.svelte";
import { settings } from "../lib/settings.svelte";
import { targets } from "../lib/targets.svelte";
import { openPerson, resetPeople, text } from "../testing/screens";

const ash = congress({ id: 1, name: "ASH Annual Meeting 2026", short_name: "ASH 2026" });
const ana = person({ id: 1, display_name: "Ana Sánchez", institution: "Hospital Clínic", position: "Head of Myeloma Unit", city: "Barcelona", country: "Spain" });
const anaDup = person({ id: 2, display_name: "Ana Sanchez", institution: "IDIBAPS" });
const wei = person({ id: 3, display_name: "Wei Zhang", institution: "MD Anderson" });

/** "Person 0001" … in alphabetical order, so row i is person i + 1. */
const crowd = (n: number): Person[] =>
  Array.from({ length: n }, (_, i) => person({ id: i + 1, display_name: `Person ${String(i + 1).padStart(4, "0")}` }));

let backend: FakeBackend;

async function open(init: Partial<FakeBackend> = {}): Promise<FakeBackend> {
  backend = installFakeBackend({ congresses: [ash], people: [ana, anaDup, wei], ...init });
  backend.settings.current_congress_id = ash.id;
  await Promise.all([settings.load(), congresses.load()]);
  render(PeopleScreen);
  return backend;
}

const rows = () => screen.queryAllByTestId("person-row");
const rowIds = () => rows().map((r) => Number(r.dataset.personId));
const rowOf = (id: number) => rows().find((r) => r.dataset.personId === String(id)) as HTMLElement;
const pageOffsets = () => backend.calls.filter((c) => c.cmd === "list_people").map((c) => c.args.offset);

beforeEach(resetPeople);

describe("PeopleScreen: Everyone", () => {
  it("loads the first page, shows the total, and loads further pages as the list scrolls", async () => {
    await open({ people: crowd(1000) });
    await waitFor(() => expect(rows().length).toBeGreaterThan(10));
    expect(text(screen.getByTestId("people-count"))).toBe("1,000 people");
    expect(text(screen.getByTestId("people-tab-everyone"))).toBe("Everyone 1,000");
    expect(rowIds().slice(0, 3)).toEqual([1, 2, 3]);
    expect(text(rowOf(1))).toContain("Person 0001");
    expect(pageOffsets()).toEqual([0]); // only the page in view, not all 1,000
    expect(backend.calls.find((c) => c.cmd === "list_people")?.args).toEqual({ offset: 0, limit: 200 });

    // Scroll to about row 650: its page (offset 600) loads, and only that one; its rows show.
    const feed = screen.getByRole("feed");
    feed.scrollTop = 650 * 60;
    await fireEvent.scroll(feed);
    await waitFor(() => expect(rowIds().filter((id) => id > 600).length).toBeGreaterThan(10));
    const far = rowIds().find((id) => id > 600) as number;
    expect(text(rowOf(far))).toContain(`Person ${String(far).padStart(4, "0")}`);
    expect(pageOffsets()).toEqual([0, 600]);
  });

  it("says whether search results are best first or, past 500 matches, by name", async () => {
    await open({ people: crowd(501), searchPeople: (q, live) => (q === "person" ? live : live.slice(0, 3)) });
    await waitFor(() => expect(rows().length).toBeGreaterThan(10));
    const search = screen.getByTestId("people-search");

    await fireEvent.input(search, { target: { value: "person" } });
    await waitFor(() => expect(text(screen.getByTestId("people-count"))).toBe("Too many matches to rank: the first 200 by name"));
    expect(screen.getByRole("feed").getAttribute("aria-label")).toBe("People matching the search, by name");

    await fireEvent.input(search, { target: { value: "person 000" } });
    await waitFor(() => expect(text(screen.getByTestId("people-count"))).toBe("3 matches"));
    expect(screen.getByRole("feed").getAttribute("aria-label")).toBe("People matching the search, best match first");
  });

  it("shows search results in place of the list, and Esc brings everyone back", async () => {
    await open({ searchPeople: (q, live) => (q === "sanchez" ? live.filter((p) => p.id !== 3).reverse() : []) });
    await waitFor(() => expect(rowIds()).toEqual([2, 1, 3]));
    const search = screen.getByTestId("people-search");
    await fireEvent.input(search, { target: { value: "sanchez" } });

    await waitFor(() => expect(rowIds()).toEqual([2, 1])); // the backend's order: best first
    expect(text(screen.getByTestId("people-count"))).toBe("2 matches");
    expect(backend.calls.filter((c) => c.cmd === "search_people").at(-1)?.args).toEqual({ query: "sanchez" });
    expect(text(rowOf(1))).toContain("Head of Myeloma Unit · Hospital Clínic");
    expect(text(rowOf(1))).toContain("Barcelona, Spain");

    await fireEvent.input(search, { target: { value: "zzz" } });
    expect(await screen.findByText("No one matches “zzz”.")).toBeTruthy();

    await fireEvent.keyDown(search, { key: "Escape" });
    await waitFor(() => expect(rowIds()).toEqual([2, 1, 3]));
    expect((search as HTMLInputElement).value).toBe("");
  });

  it("focuses the search with /, moves through rows with the arrows and opens one with Enter", async () => {
    await open();
    await waitFor(() => expect(rows()).toHaveLength(3));
    await fireEvent.keyDown(document.body, { key: "/" });
    expect(document.activeElement).toBe(screen.getByTestId("people-search"));

    await fireEvent.keyDown(screen.getByTestId("people-search"), { key: "ArrowDown" });
    await waitFor(() => expect(document.activeElement).toBe(rowOf(2)));
    await fireEvent.keyDown(rowOf(2), { key: "ArrowDown" });
    await waitFor(() => expect(document.activeElement).toBe(rowOf(1)));
    await fireEvent.keyDown(rowOf(1), { key: "Enter" });
    const page = await screen.findByTestId("person-page");
    await waitFor(() => expect(text(within(page).getByTestId("person-name"))).toBe("Ana Sánchez"));
    await fireEvent.keyDown(window, { key: "Escape" });
    await waitFor(() => expect(screen.queryByTestId("person-page")).toBeNull());
  });

  it("opens a person from a click anywhere on their row, and marks the row", async () => {
    await open();
    await waitFor(() => expect(rows()).toHaveLength(3));
    await fireEvent.click(rowOf(3).querySelector(".role") as HTMLElement);
    const page = await screen.findByTestId("person-page");
    await waitFor(() => expect(text(within(page).getByTestId("person-name"))).toBe("Wei Zhang"));
    expect(rowOf(3).getAttribute("aria-current")).toBe("true");
    await fireEvent.click(within(page).getByTestId("person-close"));
    await waitFor(() => expect(screen.queryByTestId("person-page")).toBeNull());
  });

  it("says what People is for when nobody is there yet, and where contacts come in", async () => {
    await open({ people: [] });
    const empty = await screen.findByTestId("people-empty");
    expect(text(empty)).toContain("People is everyone you know or want to meet");
    expect(text(empty)).toContain("Importing a congress program adds its speakers");
    expect(text(empty)).toContain("a LinkedIn Connections.csv export, vCard files");
    // The header offers the import, which opens the contacts dialog.
    await fireEvent.click(screen.getByTestId("import-contacts"));
    expect(await screen.findByTestId("contacts-path-open")).toBeTruthy();
    await fireEvent.click(screen.getByTestId("contacts-cancel"));
    expect(within(empty).getAllByRole("button").map((b) => text(b))).toEqual(["Add a person N"]);
    expect(screen.getAllByTestId("new-person")).toHaveLength(1);

    await fireEvent.click(within(empty).getByTestId("new-person"));
    expect(await screen.findByTestId("person-dialog")).toBeTruthy();
  });
});

describe("PeopleScreen: the person form", () => {
  it("shows each problem next to its field, keeps what was typed, and saves once fixed", async () => {
    await open({
      personProblems: (d) => [
        ...(d.display_name.trim() ? [] : [{ field: "display_name", message: "Give the person a name." }]),
        ...(d.emails.includes("@clinic.cat") || !d.emails ? [] : [{ field: "emails", message: `“${d.emails}” is not an email address.` }]),
      ],
    });
    await waitFor(() => expect(rows()).toHaveLength(3));
    await fireEvent.keyDown(document.body, { key: "n" });
    const dialog = await screen.findByTestId("person-dialog");
    await fireEvent.input(within(dialog).getByTestId("pfield-emails"), { target: { value: "ana@clinic" } });
    await fireEvent.input(within(dialog).getByTestId("pfield-institution"), { target: { value: "Hospital Clínic" } });
    await fireEvent.click(within(dialog).getByTestId("save-person"));

    expect(text(await within(dialog).findByTestId("perror-display_name"))).toBe("!Give the person a name.");
    expect(text(within(dialog).getByTestId("perror-emails"))).toBe("!“ana@clinic” is not an email address.");
    expect(within(dialog).getByTestId("pfield-emails").getAttribute("aria-invalid")).toBe("true");
    expect(within(dialog).getByTestId("pfield-emails").getAttribute("aria-describedby")).toContain(
      within(dialog).getByTestId("perror-emails").id,
    );
    expect((within(dialog).getByTestId("pfield-institution") as HTMLInputElement).value).toBe("Hospital Clínic");
    expect(document.activeElement).toBe(within(dialog).getByTestId("pfield-display_name"));

    await fireEvent.input(within(dialog).getByTestId("pfield-display_name"), { target: { value: "Marta Pérez" } });
    expect(within(dialog).queryByTestId("perror-display_name")).toBeNull(); // gone once the field changes
    await fireEvent.input(within(dialog).getByTestId("pfield-emails"), { target: { value: "marta@clinic.cat" } });
    await fireEvent.click(within(dialog).getByTestId("save-person"));

    await waitFor(() => expect(screen.queryByTestId("person-dialog")).toBeNull());
    const created = backend.calls.find((c) => c.cmd === "create_person" && (c.args.draft as { display_name: string }).display_name === "Marta Pérez");
    expect(created?.args.draft).toMatchObject({ display_name: "Marta Pérez", emails: "marta@clinic.cat", institution: "Hospital Clínic" });
    const page = await screen.findByTestId("person-page");
    await waitFor(() => expect(text(within(page).getByTestId("person-name"))).toBe("Marta Pérez"));
    await waitFor(() => expect(rows().map((r) => text(r.querySelector("h3")))).toContain("Marta Pérez"));
  });

  it("edits a person with their values filled in", async () => {
    await open();
    const page = await openPerson(1);
    await fireEvent.click(within(page).getByTestId("edit-person"));
    const dialog = await screen.findByTestId("person-dialog");
    expect((within(dialog).getByTestId("pfield-display_name") as HTMLInputElement).value).toBe("Ana Sánchez");
    expect((within(dialog).getByTestId("pfield-city") as HTMLInputElement).value).toBe("Barcelona");
    await fireEvent.input(within(dialog).getByTestId("pfield-position"), { target: { value: "Director" } });
    await fireEvent.click(within(dialog).getByTestId("save-person"));
    await waitFor(() => expect(screen.queryByTestId("person-dialog")).toBeNull());
    expect(backend.calls.find((c) => c.cmd === "update_person")?.args).toMatchObject({ id: 1, draft: { position: "Director" } });
    await waitFor(() => expect(text(screen.getByTestId("person-page"))).toContain("Director · Hospital Clínic"));
  });
});

describe("PeopleScreen: delete and merge", () => {
  it("deletes at once and offers Undo, which restores the person", async () => {
    await open();
    const page = await openPerson(1);
    await fireEvent.click(within(page).getByTestId("delete-person"));

    const toast = await screen.findByTestId("toast");
    expect(text(toast)).toContain("Deleted Ana Sánchez. Undo");
    expect(backend.calls.find((c) => c.cmd === "delete_person")?.args).toEqual({ id: 1 });
    await waitFor(() => expect(rowIds()).toEqual([2, 3]));
    expect(screen.queryByTestId("person-page")).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole("heading", { level: 1, name: "People" })); // not lost to the page

    await fireEvent.click(within(toast).getByTestId("undo-delete"));
    await waitFor(() => expect(backend.calls.find((c) => c.cmd === "restore_person")?.args).toEqual({ id: 1 }));
    await waitFor(() => expect(rowIds()).toEqual([2, 1, 3]));
    expect(text(await screen.findByTestId("toast"))).toContain("Restored Ana Sánchez.");
  });

  it("merges after a confirmation that names both people and what moves; the page then shows the kept one", async () => {
    await open();
    const page = await openPerson(1);
    await fireEvent.click(within(page).getByTestId("merge-person"));
    const dialog = await screen.findByTestId("merge-dialog");
    const search = within(dialog).getByTestId("merge-search") as HTMLInputElement;
    expect(search.value).toBe("Ana Sánchez"); // duplicates usually share the name
    await fireEvent.input(search, { target: { value: "ana" } });
    const candidate = await waitFor(() => {
      const found = within(dialog).getAllByTestId("merge-candidate");
      expect(found.map((c) => c.dataset.personId)).toEqual(["2"]); // never the person themselves
      return found[0] as HTMLElement;
    });
    await fireEvent.click(candidate);

    const message = within(dialog).getByTestId("merge-message");
    expect(text(message)).toBe(
      "Everything of Ana Sanchez (IDIBAPS) moves to Ana Sánchez (Hospital Clínic): talks, targets, notes, meetings, follow-ups and email addresses. " +
        "Details Ana Sánchez (Hospital Clínic) lacks are taken from Ana Sanchez (IDIBAPS), and Ana Sanchez (IDIBAPS) leaves the list.",
    );
    expect(text(within(dialog).getByTestId("merge-confirm"))).toBe("Merge into Ana Sánchez");
    expect(backend.calls.some((c) => c.cmd === "merge_people")).toBe(false); // nothing before the confirmation

    await fireEvent.click(within(dialog).getByTestId("merge-confirm"));
    await waitFor(() => expect(screen.queryByTestId("merge-dialog")).toBeNull());
    expect(backend.calls.find((c) => c.cmd === "merge_people")?.args).toEqual({ keep: 1, absorb: 2 });
    await waitFor(() => expect(rowIds()).toEqual([1, 3]));
    expect(text(within(screen.getByTestId("person-page")).getByTestId("person-name"))).toBe("Ana Sánchez");
  });

  it("can keep the other record instead, and then shows that one", async () => {
    await open();
    const page = await openPerson(1);
    await fireEvent.click(within(page).getByTestId("merge-person"));
    const dialog = await screen.findByTestId("merge-dialog");
    await fireEvent.click(await within(dialog).findByTestId("merge-candidate"));
    await fireEvent.click(within(dialog).getByLabelText("Ana Sanchez (IDIBAPS)"));
    expect(text(within(dialog).getByTestId("merge-message"))).toMatch(/^Everything of Ana Sánchez \(Hospital Clínic\) moves to Ana Sanchez \(IDIBAPS\)/);
    await fireEvent.click(within(dialog).getByTestId("merge-confirm"));
    await waitFor(() => expect(backend.calls.find((c) => c.cmd === "merge_people")?.args).toEqual({ keep: 2, absorb: 1 }));
    await waitFor(() => expect(text(within(screen.getByTestId("person-page")).getByTestId("person-name"))).toBe("Ana Sanchez"));
  });
});

describe("PeopleScreen: a person's follow-ups", () => {
  it("lists what is owed to them first, marks one done, and says when nothing is owed", async () => {
    await open();
    const f = installFakeFollowUps(backend, {
      followUps: [
        followUp({ id: 1, person_id: ana.id, status: "done", due_at: "2026-12-03T11:00:00-05:00" }),
        followUp({ id: 2, person_id: ana.id, channel: "linkedin", due_at: "2026-12-09T11:00:00-05:00" }),
        followUp({ id: 3, person_id: wei.id, display_name: "Wei Zhang" }),
      ],
    });
    const page = await openPerson(ana.id);
    const items = () => within(page).queryAllByTestId("person-follow-up");
    await waitFor(() => expect(items().map((i) => i.dataset.status)).toEqual(["owed", "done"]));
    expect(text(items()[0] ?? null)).toContain("LinkedIn · ASH 2026");
    expect(text(items()[1] ?? null)).toContain("Was due Thu 3 Dec");

    await fireEvent.click(within(items()[0] as HTMLElement).getByTestId("person-follow-up-done"));
    await waitFor(() => expect(items().map((i) => i.dataset.status)).toEqual(["done", "done"]));
    expect(backend.calls.some((c) => c.cmd === "set_follow_up_status" && c.args.id === 2 && c.args.status === "done")).toBe(true);
    expect(f.followUps.find((x) => x.id === 3)?.status).toBe("owed");

    const other = await openPerson(anaDup.id);
    await waitFor(() => expect(text(within(other).getByTestId("person-follow-ups"))).toContain("Nothing owed to Ana Sanchez"));
    expect(within(other).queryAllByTestId("person-follow-up")).toHaveLength(0);
  });
});
