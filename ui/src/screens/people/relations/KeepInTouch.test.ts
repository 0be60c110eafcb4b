// Why: "am I still in touch with her?" is answered by one line on the person's page, and changing
// the cadence or logging a contact must move that line at once. These drive the page as a user
// does: the status in each state with where the cadence comes from, the cadence select (usual
// choices, off, groups', custom with its problems), a contact logged resetting the check-in, and a
// check-in drafted and copied.
import { afterEach, describe, expect, it, vi } from "vitest";
import { fireEvent, render, screen, waitFor, within } from "@testing-library/svelte";
import PersonPanel from "../PersonPanel.svelte";
import { congress, installFakeBackend, person, wrapInvoke } from "../../../testing/fake-backend";
import { contact, given, installFakePersonRelations } from "../../../testing/fake-person-relations";
import { callsOf, openPersonPanel } from "../../../testing/person-panel";
import { resetPeople, text } from "../../../testing/screens";

const ana = person({ id: 1, display_name: "Ana Sánchez" });
const TODAY = "2026-12-07";

const status = (page: HTMLElement) => text(within(page).getByTestId("check-in-status"));
const choice = (page: HTMLElement) => within(page).getByTestId("cadence-choice") as HTMLSelectElement;

afterEach(() => vi.restoreAllMocks());

describe("Keep in touch: the status", () => {
  it("says when the check-in is due, the last contact and where the cadence comes from", async () => {
    const { page } = await openPersonPanel([ana], {
      today: TODAY,
      groups: new Map([[1, { cadence: { every: 3, unit: "month" }, source: { kind: "tag", tag: "mentor" } }]]),
      contacts: [contact({ person_id: 1, kind: "email", on_day: "2026-12-05" })],
    });
    expect(status(page)).toBe("○ Due 5 Mar 2027 · last contact 5 Dec (email)");
    expect(text(within(page).getByTestId("cadence-source"))).toBe("From their tag ‘mentor’: every 3 months");
    expect(choice(page).value).toBe("group");
    expect(within(page).getByLabelText("How often")).toBe(choice(page));
    expect(Array.from(choice(page).options).map((o) => o.text)).toEqual([
      "Their groups' cadence",
      "Off",
      "Every 2 weeks",
      "Every month",
      "Every 3 months",
      "Every 6 months",
      "Every 12 months",
      "Custom…",
    ]);
  });

  it("says overdue by how long, and losing touch after twice the cadence", async () => {
    const { page, fake, backend } = await openPersonPanel([ana], {
      today: TODAY,
      own: new Map([[1, { kind: "every", cadence: { every: 1, unit: "month" } }]]),
      contacts: [contact({ person_id: 1, kind: "call", on_day: "2026-10-28" })],
    });
    expect(status(page)).toBe("⚠ Overdue by 9 days · last contact 28 Oct (call)");
    expect(within(page).getByTestId("check-in-status").dataset.state).toBe("overdue");
    expect(text(within(page).getByTestId("cadence-source"))).toBe("Set for them: every month");
    expect(choice(page).value).toBe("1m");

    fake.contacts = [contact({ person_id: 1, kind: "met", on_day: "2026-09-30" })];
    await fireEvent.change(choice(page), { target: { value: "2w" } });
    await waitFor(() => expect(status(page)).toBe("⚠ Losing touch: no contact for twice their cadence · last contact 30 Sep (met)"));
    expect(callsOf(backend, "set_person_cadence")).toEqual([{ personId: 1, every: "2w" }]);
  });

  it("says what to do when no cadence applies, and that off means off", async () => {
    const { page, backend } = await openPersonPanel([ana], { today: TODAY });
    expect(status(page)).toBe(
      "No cadence yet: choose how often you want to be in touch, and Hallway says when a check-in is due.",
    );
    expect(within(page).queryByTestId("cadence-source")).toBeNull();

    await fireEvent.change(choice(page), { target: { value: "3m" } });
    await waitFor(() => expect(status(page)).toBe("○ Due 7 Mar 2027 · no contact logged yet"));
    expect(choice(page).value).toBe("3m");
    await waitFor(() => expect(choice(page).disabled).toBe(false)); // saving is over

    await fireEvent.change(choice(page), { target: { value: "off" } });
    await waitFor(() => expect(status(page)).toBe("Off: no check-ins for them, whatever their groups say."));
    await waitFor(() => expect(choice(page).disabled).toBe(false));
    await fireEvent.change(choice(page), { target: { value: "group" } });
    await waitFor(() => expect(choice(page).value).toBe("group"));
    expect(callsOf(backend, "set_person_cadence").map((a) => a.every)).toEqual(["3m", "off", "group"]);
  });
});

describe("Keep in touch: a custom cadence", () => {
  it("saves a number of weeks, months or days, and says what is wrong under the fields", async () => {
    const { page, backend } = await openPersonPanel([ana], { today: TODAY });
    await fireEvent.change(choice(page), { target: { value: "custom" } });
    const every = await within(page).findByTestId("cadence-every");
    expect(callsOf(backend, "set_person_cadence")).toEqual([]); // opening the fields saves nothing
    await waitFor(() => expect(document.activeElement).toBe(every));

    // A number that is not one is said before anything is sent.
    await fireEvent.input(every, { target: { value: "0" } });
    await fireEvent.change(every);
    expect(text(within(page).getByTestId("cadence-problem"))).toBe("!Write how many: a whole number from 1.");
    expect(every.getAttribute("aria-invalid")).toBe("true");
    expect(callsOf(backend, "set_person_cadence")).toEqual([]);

    // The core refuses more than five years: its words under the fields.
    await fireEvent.input(every, { target: { value: "999" } });
    await fireEvent.click(within(page).getByTestId("cadence-save"));
    await waitFor(() => expect(callsOf(backend, "set_person_cadence")).toEqual([{ personId: 1, every: "999m" }]));
    expect(text(await within(page).findByTestId("cadence-problem"))).toContain("“999m” is not a cadence");

    await fireEvent.input(every, { target: { value: "5" } });
    await fireEvent.change(within(page).getByTestId("cadence-unit"), { target: { value: "week" } });
    await waitFor(() => expect(status(page)).toBe("○ Due 11 Jan 2027 · no contact logged yet"));
    expect(callsOf(backend, "set_person_cadence").at(-1)).toEqual({ personId: 1, every: "5w" });
    expect(within(page).queryByTestId("cadence-problem")).toBeNull();
    expect(choice(page).value).toBe("custom");
    expect((within(page).getByTestId("cadence-every") as HTMLInputElement).value).toBe("5");
    expect(text(within(page).getByTestId("cadence-source"))).toBe("Set for them: every 5 weeks");
  });
});

describe("Keep in touch: log contact", () => {
  it("logs in one step and the check-in starts again from it", async () => {
    const { page, backend } = await openPersonPanel([ana], {
      today: TODAY,
      own: new Map([[1, { kind: "every", cadence: { every: 1, unit: "month" } }]]),
      contacts: [contact({ person_id: 1, kind: "call", on_day: "2026-10-28" })],
    });
    const pagesBefore = callsOf(backend, "person_page").length;
    const form = within(page).getByRole("form", { name: "Log contact with Ana Sánchez" });
    expect((within(form).getByLabelText("Day") as HTMLInputElement).value).toBe(TODAY);
    await fireEvent.change(within(form).getByLabelText("How"), { target: { value: "video" } });
    await fireEvent.input(within(form).getByLabelText(/Notes/), { target: { value: "Caught up on the trial" } });
    await fireEvent.submit(form);

    await waitFor(() => expect(status(page)).toBe("○ Due 7 Jan 2027 · last contact 7 Dec (video call)"));
    expect(callsOf(backend, "log_contact")).toEqual([
      { draft: { person_id: 1, kind: "video", on_day: TODAY, congress_id: null, note: "Caught up on the trial" } },
    ]);
    // The notes timeline holds contacts too: the page is read again.
    expect(callsOf(backend, "person_page").length).toBeGreaterThan(pagesBefore);
    expect(text(within(page).getByTestId("log-contact-done"))).toBe("Logged: video call today.");
    await waitFor(() => expect(text(within(page).getByTestId("interaction-item").querySelector(".when"))).toBe("7 Dec 2026 · Video call"));
  });

  it("refuses a day to come under the day field", async () => {
    const { page } = await openPersonPanel([ana], { today: TODAY });
    await fireEvent.input(within(page).getByTestId("log-contact-day"), { target: { value: "2026-12-24" } });
    await fireEvent.click(within(page).getByTestId("log-contact-submit"));
    expect(text(await within(page).findByTestId("log-contact-day-error"))).toBe(
      "!2026-12-24 is in the future (today is 2026-12-07): log a contact once it has happened.",
    );
  });

  it("offers to tie the contact to the congress under way, not to one still to come", async () => {
    const ash = congress({ id: 1, short_name: "ASH 2026", starts_on: "2026-12-05", ends_on: "2026-12-08" });
    const during = await openPersonPanel([ana], { today: TODAY }, ash);
    expect(text(within(during.page).getByTestId("log-contact-at-congress").closest("label"))).toBe("At ASH 2026");
    during.page.remove();

    const later = await openPersonPanel([ana], { today: "2026-11-20" }, ash);
    expect(within(later.page).queryByTestId("log-contact-at-congress")).toBeNull();
  });
});

describe("Keep in touch: the notes timeline", () => {
  it("dates a logged contact by its stored day, never by the instant on this computer's calendar", async () => {
    // Logged for 1 Jan 2027, but its instant falls on 31 Dec 2026 here (as a UTC instant would on a
    // laptop far east or west of it): the day and the year heading must still say 1 Jan 2027.
    resetPeople();
    const occurred_at = new Date(2026, 11, 31, 23, 30).toISOString();
    const backend = installFakeBackend({ people: [ana], interactions: [{ id: 70, person_id: 1, congress_id: null, congress_name: null, occurred_at, note: "New year call" }] });
    installFakePersonRelations(backend, { today: "2027-01-05", contacts: [contact({ id: 70, person_id: 1, kind: "call", on_day: "2027-01-01", note: "New year call" })] });
    render(PersonPanel, { props: { id: 1, congress: null, onclose: () => {} } });
    const page = await screen.findByTestId("person-page");
    await waitFor(() => expect(text(within(page).getByTestId("interaction-item").querySelector(".when"))).toBe("1 Jan 2027 · Call"));
    expect(text(within(page).getByTestId("interaction-item").closest(".year")?.querySelector("h4"))).toBe("2027");
    expect(within(page).getByRole("button", { name: "Delete the note of 1 Jan 2027" })).toBeTruthy();
  });
});

describe("Keep in touch: when the relations cannot be read", () => {
  it("says so on the page, and Try again reads them again", async () => {
    resetPeople();
    const backend = installFakeBackend({ people: [ana] });
    installFakePersonRelations(backend, { today: TODAY });
    let fail = true;
    wrapInvoke((next) => async (cmd, payload, options) => {
      if (cmd === "get_person_relations" && fail) throw { kind: "storage", message: "the database is locked" };
      return next(cmd, payload, options);
    });
    render(PersonPanel, { props: { id: 1, congress: null, onclose: () => {} } });
    const problem = await screen.findByTestId("relations-problem");
    expect(text(problem)).toBe(
      "Keeping in touch could not be loaded. The database could not be read or written: the database is locked Try again",
    );
    expect(problem.getAttribute("role")).toBe("alert");
    expect(screen.getByTestId("person-name")).toBeTruthy(); // the rest of the page is there

    fail = false;
    await fireEvent.click(within(problem).getByRole("button", { name: "Try again" }));
    expect(await screen.findByTestId("keep-in-touch")).toBeTruthy();
    expect(screen.queryByTestId("relations-problem")).toBeNull();
  });
});

describe("Keep in touch: a check-in draft", () => {
  it("drafts one, offers an item given when picked, and copies it", async () => {
    const writeText = vi.fn().mockResolvedValue(undefined);
    Object.defineProperty(navigator, "clipboard", { value: { writeText }, configurable: true });
    const paper = given({ id: 31, person_id: 1, kind: "article", title: "MRD in myeloma", on_day: "2026-11-02" });
    const { page, backend } = await openPersonPanel([ana], { today: TODAY, given: [paper] });

    await fireEvent.click(within(page).getByTestId("draft-check-in"));
    const dialog = await screen.findByTestId("check-in-draft-dialog");
    expect(text(within(dialog).getByRole("heading"))).toBe("Check in with Ana Sánchez");
    const draft = within(dialog).getByTestId("check-in-draft-text") as HTMLTextAreaElement;
    await waitFor(() => expect(draft.value).toBe("Subject: Catching up\n\nDear Ana Sánchez,\n\nI hope you are well."));
    const offer = within(dialog).getByLabelText("Offer something you gave") as HTMLSelectElement;
    expect(Array.from(offer.options).map((o) => o.text)).toEqual(["Nothing in particular", "Article: MRD in myeloma (2 Nov 2026)"]);

    // Edited text replaced by a new draft can be put back.
    await fireEvent.input(draft, { target: { value: "My own words" } });
    await fireEvent.change(offer, { target: { value: "31" } });
    await waitFor(() => expect(draft.value).toContain("I thought of you: MRD in myeloma."));
    expect(callsOf(backend, "get_check_in_draft")).toEqual([
      { personId: 1, given: null },
      { personId: 1, given: 31 },
    ]);
    await fireEvent.click(within(dialog).getByTestId("check-in-undo"));
    expect(draft.value).toBe("My own words");

    await fireEvent.click(within(dialog).getByTestId("check-in-copy"));
    await waitFor(() => expect(text(within(dialog).getByTestId("check-in-copy-note"))).toBe("Copied."));
    expect(writeText).toHaveBeenCalledWith("My own words");

    await fireEvent.click(within(dialog).getByTestId("check-in-close"));
    await waitFor(() => expect(screen.queryByTestId("check-in-draft-dialog")).toBeNull());
  });
});
