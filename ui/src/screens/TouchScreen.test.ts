// Why: Keep in touch is where the app opens between congresses. These drive it as a user does,
// through the fake backend on a fixed day (Wed 17 Jun 2026): the check-ins in order with overdue
// and losing touch said in words, Log contact (which resets the row), Snooze to a day and back,
// Draft message with Copy, opening a person; the introductions owed (Made, Declined, Undo), the
// follow-ups owed, the next congress, the cadences by group (set, refused in words, remove and
// undo) and the empty states that say what to do.
import { beforeEach, describe, expect, it, vi } from "vitest";
import { fireEvent, render, screen, waitFor, within } from "@testing-library/svelte";
import TouchScreen from "./TouchScreen.svelte";
import { answerCommands, congress, installFakeBackend, target, type FakeBackend } from "../testing/fake-backend";
import { followUp } from "../testing/fake-follow-ups";
import { checkIn, installFakeTouch, introduction, type FakeTouch } from "../testing/fake-touch";
import { text } from "../testing/screens";
import { checkIns } from "../lib/check-ins.svelte";
import { congresses } from "../lib/congresses.svelte";
import { followUps } from "../lib/follow-ups.svelte";
import { groupCadences } from "../lib/group-cadences.svelte";
import { owedIntros } from "../lib/owed-intros.svelte";
import { peopleView } from "../lib/people-view.svelte";
import { route } from "../lib/route.svelte";
import { settings } from "../lib/settings.svelte";
import { touchHome } from "../lib/touch-home.svelte";

const ash = congress({ id: 1, name: "ASH Annual Meeting 2026", short_name: "ASH 2026", starts_on: "2026-12-05", ends_on: "2026-12-08", time_zone: "America/New_York" });
const eha = congress({ id: 2, name: "EHA 2026 Congress", short_name: "EHA 2026", starts_on: "2026-06-11", ends_on: "2026-06-14", time_zone: "Europe/Madrid" });
// Wednesday 17 June 2026, 10:00 in Madrid.
const NOW = Date.parse("2026-06-17T08:00:00Z");

const ana = checkIn({ person_id: 1, display_name: "Ana Sánchez", institution: "Hospital Clínic", state: "overdue", overdue_days: 9, due_on: "2026-06-08", last_contact: "2026-03-08" });
const ben = checkIn({
  person_id: 2,
  display_name: "Ben Okafor",
  institution: "SWOG",
  cadence: { every: 6, unit: "month" },
  source: { kind: "tag", tag: "collaborator" },
  state: "losing_touch",
  overdue_days: 190,
  due_on: "2025-12-09",
  last_contact: "2025-06-09",
});
const cleo = checkIn({ person_id: 3, display_name: "Cleo Dubois", institution: null, cadence: { every: 6, unit: "week" }, source: { kind: "person" }, state: "due", overdue_days: 0, due_on: "2026-06-17", last_contact: null });
const dan = checkIn({ person_id: 4, display_name: "Dan Müller", institution: "Charité", state: "upcoming", overdue_days: -5, due_on: "2026-06-22", last_contact: "2026-03-22" });
const far = checkIn({ person_id: 5, display_name: "Far Away", state: "upcoming", overdue_days: -40, due_on: "2026-07-27" });

let backend: FakeBackend;
let fake: FakeTouch;

async function open(init: Partial<FakeTouch> = {}) {
  backend = installFakeBackend({ congresses: [ash, eha] });
  backend.settings.current_congress_id = eha.id;
  fake = installFakeTouch(backend, { checkIns: [ana, ben, cleo, dan, far], ...init });
  await Promise.all([settings.load(), congresses.load()]);
  render(TouchScreen, { clock: () => NOW });
  await screen.findByTestId("touch-screen");
}

const rows = () => screen.queryAllByTestId("check-in-row");
const rowOf = (id: number) => rows().find((r) => r.dataset.personId === String(id)) as HTMLElement;
const callsOf = (cmd: string) => backend.calls.filter((c) => c.cmd === cmd);
const introRows = () => screen.queryAllByTestId("owed-intro-row");
const groupRows = () => screen.queryAllByTestId("group-cadence-row");

beforeEach(() => {
  checkIns.reset();
  touchHome.reset();
  owedIntros.reset();
  groupCadences.reset();
  followUps.reset();
  peopleView.reset();
  window.history.replaceState(null, "", "#/touch");
  route.current = "touch";
});

describe("TouchScreen: check-ins", () => {
  it("lists who is due now, most overdue first, then who is coming up in two weeks, in words", async () => {
    await open();
    await waitFor(() => expect(rows()).toHaveLength(4));
    expect(callsOf("list_check_ins")[0]?.args).toEqual({ withinDays: 14 });
    expect(rows().map((r) => r.dataset.personId)).toEqual(["2", "1", "3", "4"]);
    expect(screen.getAllByRole("heading", { level: 3 }).map(text)).toEqual(["Due now 3", "Coming up in the next two weeks 1"]);
    expect(text(screen.getByRole("heading", { level: 1 }))).toBe("Keep in touch");
    expect(text(screen.getByTestId("touch-screen").querySelector(".subtitle"))).toContain("Wednesday 17 June");

    expect(text(within(rowOf(1)).getByTestId("check-in-due"))).toBe("⚠ Overdue by 9 days");
    expect(text(within(rowOf(1)).getByTestId("check-in-cadence"))).toBe("Every 3 months · all mentors");
    expect(text(within(rowOf(1)).getByTestId("check-in-last"))).toBe("Last contact 8 Mar");
    expect(text(rowOf(1))).toContain("Hospital Clínic");
    expect(within(rowOf(1)).queryByTestId("check-in-losing-touch")).toBeNull();

    expect(text(within(rowOf(2)).getByTestId("check-in-losing-touch"))).toBe("⚠ Losing touch");
    expect(text(within(rowOf(2)).getByTestId("check-in-due"))).toBe("⚠ Overdue by 6 months");
    expect(text(within(rowOf(2)).getByTestId("check-in-cadence"))).toBe("Every 6 months · tag “collaborator”");

    expect(text(within(rowOf(3)).getByTestId("check-in-due"))).toBe("● Due today");
    expect(text(within(rowOf(3)).getByTestId("check-in-cadence"))).toBe("Every 6 weeks · set for them");
    expect(text(within(rowOf(3)).getByTestId("check-in-last"))).toBe("No contact logged yet");
    expect(text(within(rowOf(4)).getByTestId("check-in-due"))).toBe("○ Due in 5 days · Mon 22 Jun");
    // Every row's actions are named for the person.
    expect(within(rowOf(1)).getByRole("group", { name: "Actions for the check-in with Ana Sánchez" })).toBeTruthy();
    expect(within(rowOf(1)).getByRole("button", { name: "Snooze the check-in with Ana Sánchez" })).toBeTruthy();
  });

  it("logs a contact in the dialog, which resets the check-in", async () => {
    await open();
    await waitFor(() => expect(rowOf(1)).toBeTruthy());
    await fireEvent.click(within(rowOf(1)).getByTestId("check-in-log"));
    const dialog = await screen.findByTestId("log-contact-dialog");
    expect(text(within(dialog).getByRole("heading", { level: 2 }))).toBe("Log contact with Ana Sánchez");
    const form = within(dialog).getByTestId("log-contact-form");
    expect((within(form).getByTestId("log-contact-day") as HTMLInputElement).value).toBe("2026-06-17");
    await fireEvent.change(within(form).getByTestId("log-contact-kind"), { target: { value: "call" } });
    await fireEvent.input(within(form).getByTestId("log-contact-note"), { target: { value: "Talked about the MRD trial" } });
    await fireEvent.submit(form);

    await waitFor(() => expect(screen.queryByTestId("log-contact-dialog")).toBeNull());
    expect(callsOf("log_contact")[0]?.args).toEqual({
      draft: { person_id: 1, kind: "call", on_day: "2026-06-17", congress_id: null, note: "Talked about the MRD trial" },
    });
    // Reloaded: due again three months after today, beyond two weeks, so Ana leaves the list.
    await waitFor(() => expect(rowOf(1)).toBeUndefined());
    expect(callsOf("list_check_ins").length).toBeGreaterThan(1);
    expect(text(screen.getByTestId("toast"))).toContain("Logged contact with Ana Sánchez.");
  });

  it("says in words when the core refuses the day, and keeps the dialog open", async () => {
    await open({ today: "2026-06-10" });
    await waitFor(() => expect(rowOf(3)).toBeTruthy());
    await fireEvent.click(within(rowOf(3)).getByTestId("check-in-log"));
    const form = await screen.findByTestId("log-contact-form");
    await fireEvent.input(within(form).getByTestId("log-contact-day"), { target: { value: "2026-06-12" } });
    await fireEvent.submit(form);
    expect(text(await within(form).findByTestId("log-contact-day-error"))).toContain("is after today");
    expect(screen.getByTestId("log-contact-dialog")).toBeTruthy();
    await fireEvent.click(screen.getByTestId("log-contact-close"));
    await waitFor(() => expect(screen.queryByTestId("log-contact-dialog")).toBeNull());
    expect(rowOf(3)).toBeTruthy();
  });

  it("snoozes a check-in to a day from the menu, and Undo wakes it", async () => {
    await open();
    await waitFor(() => expect(rowOf(1)).toBeTruthy());
    await fireEvent.click(within(rowOf(1)).getByTestId("check-in-snooze"));
    const items = within(rowOf(1)).getAllByRole("menuitem");
    expect(items.map(text)).toEqual(["1 week · until Wed 24 Jun", "2 weeks · until Wed 1 Jul", "1 month · until Fri 17 Jul"]);
    await fireEvent.click(within(rowOf(1)).getByTestId("check-in-snooze-week"));

    await waitFor(() => expect(callsOf("snooze_check_in")).toHaveLength(1));
    expect(callsOf("snooze_check_in")[0]?.args).toEqual({ personId: 1, until: "2026-06-24" });
    await waitFor(() => expect(rowOf(1).dataset.state).toBe("upcoming"));
    expect(text(within(rowOf(1)).getByTestId("check-in-due"))).toBe("○ Snoozed until Wed 24 Jun");
    expect(rows().map((r) => r.dataset.personId)).toEqual(["2", "3", "4", "1"]);
    expect(text(screen.getByTestId("toast"))).toContain("Snoozed Ana Sánchez until Wed 24 Jun.");

    await fireEvent.click(screen.getByTestId("undo-snooze-check-in"));
    await waitFor(() => expect(callsOf("snooze_check_in").at(-1)?.args).toEqual({ personId: 1, until: null }));
    await waitFor(() => expect(rowOf(1).dataset.state).toBe("overdue"));
  });

  it("drafts a message to start from, to copy", async () => {
    await open();
    await waitFor(() => expect(rowOf(3)).toBeTruthy());
    await fireEvent.click(within(rowOf(3)).getByTestId("check-in-draft"));
    const dialog = await screen.findByTestId("check-in-draft-dialog");
    expect(text(within(dialog).getByRole("heading", { level: 2 }))).toBe("Check in with Cleo Dubois");
    const area = within(dialog).getByTestId("check-in-draft-text") as HTMLTextAreaElement;
    await waitFor(() => expect(area.value).toContain("Dear Cleo Dubois"));
    expect(callsOf("get_check_in_draft")[0]?.args).toEqual({ personId: 3, given: null });
    // The person's page offers what was given; this list has no such list, so nothing to pick.
    expect(within(dialog).queryByTestId("check-in-offer")).toBeNull();

    await fireEvent.input(area, { target: { value: "Dear Cleo, shall we talk about the registry?" } });
    const writeText = vi.fn().mockResolvedValue(undefined);
    Object.defineProperty(navigator, "clipboard", { value: { writeText }, configurable: true });
    await fireEvent.click(within(dialog).getByTestId("check-in-copy"));
    await waitFor(() => expect(text(within(dialog).getByTestId("check-in-copy-note"))).toBe("Copied."));
    expect(writeText).toHaveBeenCalledWith("Dear Cleo, shall we talk about the registry?");
    Reflect.deleteProperty(navigator, "clipboard");

    // From the draft straight to logging the contact.
    await fireEvent.click(within(dialog).getByTestId("check-in-draft-log"));
    await waitFor(() => expect(screen.queryByTestId("check-in-draft-dialog")).toBeNull());
    expect(text(within(await screen.findByTestId("log-contact-dialog")).getByRole("heading", { level: 2 }))).toBe("Log contact with Cleo Dubois");
  });

  it("says in words when the message cannot be written, and tries again", async () => {
    let broken = true;
    await open({
      draft: (c) => {
        if (broken) throw { kind: "storage", message: "disk I/O error" };
        return `Dear ${c.display_name},`;
      },
    });
    await waitFor(() => expect(rowOf(3)).toBeTruthy());
    await fireEvent.click(within(rowOf(3)).getByTestId("check-in-draft"));
    const dialog = await screen.findByTestId("check-in-draft-dialog");
    const alert = await within(dialog).findByRole("alert");
    expect(text(alert)).toContain("The draft could not be written: The database could not be read or written: disk I/O error");
    broken = false;
    await fireEvent.click(within(dialog).getByTestId("check-in-retry"));
    await waitFor(() => expect((within(dialog).getByTestId("check-in-draft-text") as HTMLTextAreaElement).value).toBe("Dear Cleo Dubois,"));
    expect(within(dialog).queryByRole("alert")).toBeNull();
  });

  it("opens the person's page in People from the name", async () => {
    await open();
    await waitFor(() => expect(rowOf(4)).toBeTruthy());
    await fireEvent.click(within(rowOf(4)).getByTestId("check-in-open"));
    expect(route.current).toBe("people");
    expect(peopleView.selectedId).toBe(4);
  });

  it("says in words when the check-ins cannot be loaded, and tries again", async () => {
    backend = installFakeBackend({ congresses: [ash, eha] });
    fake = installFakeTouch(backend, { checkIns: [ana] });
    let broken = true;
    answerCommands(backend, ["list_check_ins"], () => {
      if (broken) throw { kind: "storage", message: "disk I/O error" };
      return [ana];
    });
    await Promise.all([settings.load(), congresses.load()]);
    render(TouchScreen, { clock: () => NOW });
    const alert = await screen.findByText(/The check-ins could not be loaded/);
    expect(text(alert)).toBe("The check-ins could not be loaded. The database could not be read or written: disk I/O error");
    broken = false;
    await fireEvent.click(within(alert.closest("[role=alert]") as HTMLElement).getByRole("button", { name: "Try again" }));
    await waitFor(() => expect(rows()).toHaveLength(1));
  });

  it("says what to do when nobody is due", async () => {
    await open({ checkIns: [far] });
    const empty = await screen.findByTestId("check-ins-empty");
    expect(text(empty)).toContain("Nobody is due a check-in in the next two weeks.");
    expect(text(empty)).toContain("Set how often you want to be in touch on a person's page, or for a group below");
    expect(text(await screen.findByTestId("owed-intros-empty"))).toContain("None owed.");
    expect(text(await screen.findByTestId("touch-follow-ups-empty"))).toContain("Nothing owed.");
    expect(text(await screen.findByTestId("next-congress-none"))).toContain("No congress ahead yet.");
    expect(text(await screen.findByTestId("group-cadences-empty"))).toContain("No group has a cadence yet.");
  });
});

describe("TouchScreen: what I owe, and the next congress", () => {
  const toBen = introduction({ id: 31, note: "Both run CAR-T registries", congress_name: "EHA 2026 Congress", offered_on: "2026-06-13" });
  const toCleo = introduction({ id: 32, person: { id: 4, display_name: "Dan Müller" }, to: { id: 3, display_name: "Cleo Dubois" }, offered_on: "2026-06-14" });

  it("lists introductions owed and closes one with Made, or Declined, with Undo", async () => {
    await open({ intros: [toBen, toCleo] });
    await waitFor(() => expect(introRows()).toHaveLength(2));
    expect(callsOf("list_owed_intros")[0]?.args).toEqual({ congressId: null });
    const first = introRows()[0] as HTMLElement;
    expect(text(first)).toContain("Introduce Ana Sánchez to Ben Okafor");
    expect(text(within(first).getByTestId("owed-intro-why"))).toBe("Both run CAR-T registries");
    expect(text(first)).toContain("Offered 13 Jun · EHA 2026 Congress");

    await fireEvent.click(within(first).getByTestId("owed-intro-made"));
    await waitFor(() => expect(introRows()).toHaveLength(1));
    expect(callsOf("set_intro_status")[0]?.args).toEqual({ id: 31, status: "made" });
    expect(text(screen.getByTestId("toast"))).toContain("Made: Introduce Ana Sánchez to Ben Okafor.");
    await fireEvent.click(screen.getByTestId("undo-intro-status"));
    await waitFor(() => expect(introRows()).toHaveLength(2));
    expect(callsOf("set_intro_status").at(-1)?.args).toEqual({ id: 31, status: "owed" });

    const dan = introRows().find((r) => r.dataset.introId === "32") as HTMLElement;
    await fireEvent.click(within(dan).getByTestId("owed-intro-declined"));
    await waitFor(() => expect(introRows()).toHaveLength(1));
    expect(callsOf("set_intro_status").at(-1)?.args).toEqual({ id: 32, status: "declined" });
    expect(text(screen.getByTestId("toast"))).toContain("Declined: Introduce Dan Müller to Cleo Dubois.");
  });

  it("lists follow-ups owed and opens one in Follow-ups", async () => {
    const owed = followUp({ id: 61, person_id: 1, display_name: "Ana Sánchez", congress_name: "EHA 2026", due_at: "2026-06-16T11:00:00+02:00" });
    await open({ home: { running: null, follow_ups_owed: [owed], next_congress: null } });
    const row = await screen.findByTestId("touch-follow-up");
    expect(text(row)).toContain("Ana Sánchez");
    expect(text(row)).toContain("Overdue · due Tue 16 Jun");
    expect(text(row)).toContain("EHA 2026");
    await fireEvent.click(within(row).getByRole("button"));
    expect(route.current).toBe("follow-ups");
    expect(followUps.pending?.id).toBe(61);
  });

  it("counts down to the next congress with its targets not contacted, must first, and opens them in People", async () => {
    const must = target({ id: 71, congress_id: 1, person_id: 6, display_name: "Wei Zhang", institution: "MD Anderson", priority: "must", why: "mentor" });
    const nice = target({ id: 72, congress_id: 1, person_id: 7, display_name: "Eve Tanaka", priority: "nice", why: "industry" });
    await open({ home: { running: null, follow_ups_owed: [], next_congress: { congress: ash, days_to_go: 171, not_contacted: [must, nice], targets_total: 5 } } });
    const panel = await screen.findByTestId("next-congress");
    await waitFor(() => expect(text(within(panel).getByTestId("next-congress-name"))).toBe("ASH Annual Meeting 2026"));
    expect(text(within(panel).getByTestId("next-congress-days"))).toBe("in 171 days");
    expect(text(within(panel).getByTestId("next-congress-contacted"))).toBe("2 of 5 targets not contacted yet");
    expect(within(panel).getAllByTestId("next-congress-target").map((r) => r.dataset.personId)).toEqual(["6", "7"]);
    expect(text(within(panel).getAllByTestId("next-congress-target")[0])).toContain("Must");

    // EHA is being planned; the link chooses ASH and opens its targets board.
    await fireEvent.click(within(panel).getByTestId("next-congress-targets"));
    await waitFor(() => expect(route.current).toBe("people"));
    expect(peopleView.tab).toBe("targets");
    expect(settings.currentCongressId).toBe(ash.id);
  });

  it("says a congress is on now, and where the floor view is", async () => {
    await open({ home: { running: eha, follow_ups_owed: [], next_congress: null } });
    expect(text(await screen.findByTestId("touch-running"))).toContain("EHA 2026 is on now.");
  });
});

describe("TouchScreen: cadences by group", () => {
  it("sets all mentors to every 3 months, then a tag to every 6 months", async () => {
    await open({ members: (g) => (g.kind === "relationship" ? 12 : 4) });
    const form = await screen.findByTestId("group-cadence-form");
    expect((within(form).getByTestId("group-cadence-group") as HTMLSelectElement).value).toBe("why:mentor");
    await fireEvent.click(within(form).getByTestId("group-cadence-set"));
    await waitFor(() => expect(groupRows()).toHaveLength(1));
    expect(callsOf("set_group_cadence")[0]?.args).toEqual({ group: { kind: "relationship", why: "mentor" }, every: "3m" });
    expect(text(groupRows()[0])).toContain("All mentors");
    expect(text(groupRows()[0])).toContain("Every 3 months");
    expect(text(groupRows()[0])).toContain("12 people");
    expect(text(screen.getByTestId("toast"))).toBe("All mentors: every 3 months, 12 people. ✕");
    // The check-ins follow the new cadence.
    await waitFor(() => expect(callsOf("list_check_ins").length).toBeGreaterThan(1));

    await fireEvent.change(within(form).getByTestId("group-cadence-group"), { target: { value: "tag" } });
    await fireEvent.input(within(form).getByTestId("group-cadence-tag"), { target: { value: "collaborator" } });
    await fireEvent.input(within(form).getByTestId("group-cadence-every"), { target: { value: "6" } });
    await fireEvent.click(within(form).getByTestId("group-cadence-set"));
    await waitFor(() => expect(groupRows()).toHaveLength(2));
    expect(callsOf("set_group_cadence").at(-1)?.args).toEqual({ group: { kind: "tag", tag: "collaborator" }, every: "6m" });
    expect(text(groupRows()[1])).toContain("Tag “collaborator”");
    expect(text(groupRows()[1])).toContain("4 people");
  });

  it("says what is wrong next to the field, before sending and when the core refuses", async () => {
    await open();
    const form = await screen.findByTestId("group-cadence-form");
    await fireEvent.change(within(form).getByTestId("group-cadence-group"), { target: { value: "tag" } });
    await fireEvent.input(within(form).getByTestId("group-cadence-tag"), { target: { value: "two words" } });
    await fireEvent.click(within(form).getByTestId("group-cadence-set"));
    expect(text(within(form).getByTestId("group-cadence-tag-error"))).toContain("“two words” is not a tag");
    expect(callsOf("set_group_cadence")).toHaveLength(0);
    expect(within(form).getByTestId("group-cadence-tag").getAttribute("aria-invalid")).toBe("true");

    await fireEvent.input(within(form).getByTestId("group-cadence-tag"), { target: { value: "collaborator" } });
    expect(within(form).queryByTestId("group-cadence-tag-error")).toBeNull();
    await fireEvent.input(within(form).getByTestId("group-cadence-every"), { target: { value: "99" } });
    await fireEvent.change(within(form).getByTestId("group-cadence-unit"), { target: { value: "month" } });
    await fireEvent.click(within(form).getByTestId("group-cadence-set"));
    expect(text(await within(form).findByTestId("group-cadence-every-error"))).toContain("“99m” is not a cadence");
    expect(groupRows()).toHaveLength(0);
  });

  it("removes a group's cadence, and Undo sets it again", async () => {
    await open({ groups: [{ group: { kind: "tag", tag: "collaborator" }, cadence: { every: 6, unit: "month" }, set_on: "2026-01-10", members: 4 }] });
    await waitFor(() => expect(groupRows()).toHaveLength(1));
    expect(text(groupRows()[0])).toContain("since 10 Jan 2026");
    await fireEvent.click(within(groupRows()[0] as HTMLElement).getByTestId("group-cadence-remove"));
    await waitFor(() => expect(groupRows()).toHaveLength(0));
    expect(callsOf("set_group_cadence")[0]?.args).toEqual({ group: { kind: "tag", tag: "collaborator" }, every: null });
    expect(text(screen.getByTestId("toast"))).toContain("Removed the cadence of tag “collaborator”.");
    await fireEvent.click(screen.getByTestId("undo-remove-cadence"));
    await waitFor(() => expect(groupRows()).toHaveLength(1));
    expect(callsOf("set_group_cadence").at(-1)?.args).toEqual({ group: { kind: "tag", tag: "collaborator" }, every: "6m" });
  });

  it("Change fills the form with the group's cadence", async () => {
    await open({ groups: [{ group: { kind: "relationship", why: "collaborator" }, cadence: { every: 2, unit: "week" }, set_on: "2026-01-10", members: 4 }] });
    await waitFor(() => expect(groupRows()).toHaveLength(1));
    await fireEvent.click(within(groupRows()[0] as HTMLElement).getByTestId("group-cadence-change"));
    const form = screen.getByTestId("group-cadence-form");
    expect((within(form).getByTestId("group-cadence-group") as HTMLSelectElement).value).toBe("why:collaborator");
    expect((within(form).getByTestId("group-cadence-every") as HTMLInputElement).value).toBe("2");
    expect((within(form).getByTestId("group-cadence-unit") as HTMLSelectElement).value).toBe("week");
    expect(document.activeElement).toBe(within(form).getByTestId("group-cadence-every"));
  });
});
