// Why: Follow-ups is where the loop after a congress closes. These drive the screen as a user does,
// through the fake backend and a fixed "now": the owed list overdue first with the marker in
// words, a congress's list with done ones kept, the editor's channel switch (redraft when
// untouched, ask when edited), saving the due time and reminder, Copy, the email button, mark
// done (and the target it moves), drop with undo, the empty state, arriving from the done dialog,
// the introductions offered at the congress (Made, with Undo) and offering something given in a draft.
import { beforeEach, describe, expect, it, vi } from "vitest";
import { fireEvent, render, screen, waitFor, within } from "@testing-library/svelte";
import FollowUpsScreen from "./FollowUpsScreen.svelte";
import { congress, installFakeBackend, person, target, type FakeBackend } from "../testing/fake-backend";
import { fakeTemplate, followUp, installFakeFollowUps, type FakeFollowUps } from "../testing/fake-follow-ups";
import { installFakeTouch, introduction, type FakeTouch } from "../testing/fake-touch";
import { given, installFakePersonRelations } from "../testing/fake-person-relations";
import type { FollowUp, Introduction, ValueGiven } from "../lib/bindings";
import { congresses } from "../lib/congresses.svelte";
import { followUps, openFollowUp } from "../lib/follow-ups.svelte";
import { congressIntros } from "../lib/owed-intros.svelte";
import { settings } from "../lib/settings.svelte";
import { targets } from "../lib/targets.svelte";

const ash = congress({ id: 1, name: "ASH 2026", short_name: "ASH 2026", time_zone: "America/New_York" });
const eha = congress({ id: 2, name: "EHA 2026", short_name: "EHA 2026", starts_on: "2026-06-11", ends_on: "2026-06-14", time_zone: "Europe/Madrid" });
// Monday 7 December 2026, 10:00 in New York.
const NOW = Date.parse("2026-12-07T15:00:00Z");

const withDraft = (f: FollowUp): FollowUp => ({ ...f, draft: fakeTemplate(f, f.channel) });
const ana = withDraft(followUp({ id: 1, person_id: 1, display_name: "Ana Sánchez", due_at: "2026-12-07T17:00:00-05:00" }));
const ben = withDraft(followUp({ id: 2, person_id: 2, display_name: "Ben Okafor", email: null, due_at: "2026-12-09T11:00:00-05:00", channel: "linkedin" }));
const cleo = withDraft(followUp({ id: 3, person_id: 3, display_name: "Cleo Dubois", congress_id: 2, congress_name: "EHA 2026", due_at: "2026-06-16T11:00:00+02:00" }));
const dan = withDraft(followUp({ id: 4, person_id: 4, display_name: "Dan Weiss", due_at: "2026-12-05T12:00:00-05:00" }));
const eve = withDraft(followUp({ id: 5, person_id: 5, display_name: "Eve Martin", due_at: "2026-12-06T12:00:00-05:00", status: "done" }));

let backend: FakeBackend;
let fake: FakeFollowUps;
let touch: FakeTouch;

async function open(list: FollowUp[] = [ana, ben, cleo, dan, eve], extra: { intros?: Introduction[]; given?: ValueGiven[] } = {}) {
  backend = installFakeBackend({
    congresses: [ash, eha],
    people: [person({ id: 1, display_name: "Ana Sánchez" }), person({ id: 2, display_name: "Ben Okafor" })],
    targets: [target({ id: 11, congress_id: 1, person_id: 1, display_name: "Ana Sánchez", status: "met" })],
  });
  backend.settings.current_congress_id = ash.id;
  fake = installFakeFollowUps(backend, { followUps: list });
  installFakePersonRelations(backend, { given: extra.given ?? [] });
  touch = installFakeTouch(backend, { intros: extra.intros ?? [] });
  await Promise.all([settings.load(), congresses.load()]);
  await targets.load(ash.id);
  render(FollowUpsScreen);
}

const text = (el: Element | null | undefined) => el?.textContent?.replace(/\s+/g, " ").trim();
const rows = () => screen.queryAllByTestId("follow-up-row");
const rowOf = (id: number) => rows().find((r) => r.dataset.followUpId === String(id)) as HTMLElement;
const callsOf = (cmd: string) => backend.calls.filter((c) => c.cmd === cmd);
const editor = () => screen.getByTestId("follow-up-editor");
const field = <T extends HTMLElement = HTMLInputElement>(id: string) => within(editor()).getByTestId(id) as unknown as T;

async function openEditor(id: number) {
  await waitFor(() => expect(rowOf(id)).toBeTruthy());
  await fireEvent.click(within(rowOf(id)).getByTestId("follow-up-open"));
  await waitFor(() => expect(editor().dataset.followUpId).toBe(String(id)));
  // The template of the opening channel, which tells an untouched draft from an edited one.
  await waitFor(() => expect(callsOf("redraft_follow_up").length).toBeGreaterThan(0));
}

beforeEach(() => {
  followUps.reset();
  followUps.clock = () => NOW;
  congressIntros.reset();
  targets.reset();
});

describe("FollowUpsScreen: the lists", () => {
  it("lists what is owed across congresses, overdue first and said in words", async () => {
    await open();
    await waitFor(() => expect(rows()).toHaveLength(4));
    expect(rows().map((r) => r.dataset.followUpId)).toEqual(["3", "4", "1", "2"]);
    expect(rowOf(3).dataset.personId).toBe("3");
    expect(screen.getAllByRole("heading", { level: 2 }).map(text)).toEqual(["⚠ Overdue 2", "Due today 1", "Later 1"]);
    expect(text(within(rowOf(3)).getByTestId("follow-up-overdue"))).toBe("⚠ Overdue · due Tue 16 Jun");
    expect(text(within(rowOf(4)).getByTestId("follow-up-overdue"))).toBe("⚠ Overdue · due Sat 5 Dec");
    expect(within(rowOf(1)).queryByTestId("follow-up-overdue")).toBeNull();
    expect(text(rowOf(1))).toContain("Due today at 17:00 EST");
    expect(text(rowOf(1))).toContain("Channel: Email");
    expect(text(rowOf(3))).toContain("Congress: EHA 2026");
    expect(text(rowOf(2))).toContain("Due Wed 9 Dec");
    expect(text(rowOf(2))).toContain("LinkedIn");
    expect(callsOf("list_follow_ups").map((c) => c.args.congressId)).toEqual(expect.arrayContaining([null, 1]));
  });

  it("lists all of this congress, owed first, done ones struck through and labelled", async () => {
    await open();
    await fireEvent.click(await screen.findByTestId("follow-ups-tab-congress"));
    await waitFor(() => expect(rows().map((r) => r.dataset.followUpId)).toEqual(["4", "1", "2", "5"]));
    expect(rowOf(5).dataset.status).toBe("done");
    expect(text(within(rowOf(5)).getByTestId("follow-up-status"))).toBe("✓ Done");
    expect(text(rowOf(5))).toContain("Was due Sun 6 Dec");
    expect(within(rowOf(5)).queryByTestId("follow-up-done")).toBeNull();
    await fireEvent.click(within(rowOf(5)).getByTestId("follow-up-reopen"));
    await waitFor(() => expect(fake.followUps.find((f) => f.id === 5)?.status).toBe("owed"));
  });

  it("says where follow-ups come from when nothing is owed, with the way to Meetings", async () => {
    await open([]);
    const empty = await screen.findByTestId("follow-ups-empty");
    expect(text(empty)).toContain("Nothing owed. Follow-ups appear when you mark a meeting done or log a conversation");
    expect(within(empty).getByRole("link", { name: "Go to Meetings" }).getAttribute("href")).toBe("#/meetings");
  });
});

describe("FollowUpsScreen: quick actions", () => {
  it("Done marks it done, moves the target to followed up and leaves the owed list", async () => {
    await open();
    await waitFor(() => expect(rowOf(1)).toBeTruthy());
    await fireEvent.click(within(rowOf(1)).getByTestId("follow-up-done"));
    await waitFor(() => expect(rowOf(1)).toBeUndefined());
    expect(callsOf("set_follow_up_status").map((c) => c.args)).toEqual([{ id: 1, status: "done" }]);
    expect(text(await screen.findByTestId("toast"))).toContain("Followed up with Ana Sánchez.");
    await waitFor(() => expect(targets.list.find((t) => t.person_id === 1)?.status).toBe("followed_up"));
  });

  it("Drop offers Undo, which makes it owed again", async () => {
    await open();
    await waitFor(() => expect(rowOf(2)).toBeTruthy());
    await fireEvent.click(within(rowOf(2)).getByTestId("follow-up-drop"));
    await waitFor(() => expect(rowOf(2)).toBeUndefined());
    expect(text(await screen.findByTestId("toast"))).toContain("Dropped the follow-up to Ben Okafor.");
    await fireEvent.click(screen.getByTestId("undo-drop-follow-up"));
    await waitFor(() => expect(rowOf(2)).toBeTruthy());
    expect(callsOf("set_follow_up_status").map((c) => c.args.status)).toEqual(["dropped", "owed"]);
  });
});

describe("FollowUpsScreen: the editor", () => {
  it("redrafts an untouched draft for the new channel, and asks before replacing one you edited", async () => {
    await open();
    await openEditor(1);
    const draft = () => field<HTMLTextAreaElement>("follow-up-draft");
    expect(draft().value).toBe(ana.draft);
    await fireEvent.change(field<HTMLSelectElement>("follow-up-channel"), { target: { value: "linkedin" } });
    const linkedin = fakeTemplate(ana, "linkedin");
    await waitFor(() => expect(draft().value).toBe(linkedin));
    expect(callsOf("redraft_follow_up").at(-1)?.args).toEqual({ id: 1, channel: "linkedin" });

    // Own words: switching keeps them and offers the template instead.
    await fireEvent.input(draft(), { target: { value: "Ana, lovely to meet you. The slides: …" } });
    await fireEvent.change(field<HTMLSelectElement>("follow-up-channel"), { target: { value: "bluesky" } });
    const useTemplate = await within(editor()).findByTestId("follow-up-use-template");
    expect(text(useTemplate)).toBe("Use the Bluesky template");
    expect(draft().value).toBe("Ana, lovely to meet you. The slides: …");
    await fireEvent.click(useTemplate);
    expect(draft().value).toBe(fakeTemplate(ana, "bluesky"));
    await fireEvent.click(field("follow-up-undo-template"));
    expect(draft().value).toBe("Ana, lovely to meet you. The slides: …");
    expect(callsOf("update_follow_up")).toHaveLength(0);
  });

  it("saves the channel, draft, due time and a reminder at the due time", async () => {
    await open();
    await openEditor(1);
    expect(field("follow-up-due").value).toBe("2026-12-07");
    expect(field("follow-up-due-time").value).toBe("17:00");
    await fireEvent.input(field("follow-up-due"), { target: { value: "2026-12-08" } });
    await fireEvent.input(field("follow-up-due-time"), { target: { value: "930" } });
    await fireEvent.change(field<HTMLSelectElement>("follow-up-reminder"), { target: { value: "due" } });
    await fireEvent.input(field("follow-up-draft"), { target: { value: "Subject: Slides\n\nDear Ana," } });
    expect(text(field("follow-up-unsaved"))).toBe("Unsaved changes");
    await fireEvent.click(field("follow-up-save"));
    await waitFor(() => expect(callsOf("update_follow_up")).toHaveLength(1));
    expect(callsOf("update_follow_up")[0]?.args).toEqual({
      id: 1,
      edit: { due_at: "2026-12-08T09:30:00-05:00", channel: "email", draft: "Subject: Slides\n\nDear Ana,", remind_at: "2026-12-08T09:30:00-05:00" },
    });
    await waitFor(() => expect(text(field("follow-up-status-note"))).toBe("Saved."));
    expect(within(editor()).queryByTestId("follow-up-unsaved")).toBeNull();
    // Tomorrow now: it moved from "Due today" to "Later".
    await waitFor(() => expect(text(rowOf(1))).toContain("Due Tue 8 Dec"));
  });

  it("names a time it cannot read next to its field and sends nothing", async () => {
    await open();
    await openEditor(1);
    await fireEvent.input(field("follow-up-due-time"), { target: { value: "25:99" } });
    await fireEvent.click(field("follow-up-save"));
    expect(text(field("error-due_time"))).toBe("!Give the time as HH:MM, e.g. 17:00.");
    expect(callsOf("update_follow_up")).toHaveLength(0);
  });

  it("Mark done saves the edits first, then calls the status command", async () => {
    await open();
    await openEditor(1);
    await fireEvent.input(field("follow-up-draft"), { target: { value: "Thanks, Ana!" } });
    await fireEvent.click(field("follow-up-mark-done"));
    await waitFor(() => expect(callsOf("set_follow_up_status")).toHaveLength(1));
    const order = backend.calls.map((c) => c.cmd).filter((c) => c === "update_follow_up" || c === "set_follow_up_status");
    expect(order).toEqual(["update_follow_up", "set_follow_up_status"]);
    expect(callsOf("set_follow_up_status")[0]?.args).toEqual({ id: 1, status: "done" });
    expect(fake.followUps.find((f) => f.id === 1)).toMatchObject({ status: "done", draft: "Thanks, Ana!" });
    await waitFor(() => expect(screen.queryByTestId("follow-up-editor")).toBeNull());
  });

  it("disables Open email draft, saying why, when the person has no email", async () => {
    await open();
    await openEditor(2);
    await fireEvent.change(field<HTMLSelectElement>("follow-up-channel"), { target: { value: "email" } });
    const button = field<HTMLButtonElement>("follow-up-email");
    expect(button.disabled).toBe(true);
    const reason = document.getElementById(button.getAttribute("aria-describedby") ?? "");
    expect(text(reason)).toContain("Ben Okafor has no email address yet.");
  });

  it("opens the email draft after saving, only for email", async () => {
    await open();
    await openEditor(1);
    expect(field<HTMLButtonElement>("follow-up-email").disabled).toBe(false);
    await fireEvent.input(field("follow-up-draft"), { target: { value: "Subject: Hi\n\nAna," } });
    await fireEvent.click(field("follow-up-email"));
    await waitFor(() => expect(callsOf("open_email_draft")).toHaveLength(1));
    expect(backend.calls.map((c) => c.cmd).filter((c) => c === "update_follow_up" || c === "open_email_draft")).toEqual([
      "update_follow_up",
      "open_email_draft",
    ]);
    await fireEvent.change(field<HTMLSelectElement>("follow-up-channel"), { target: { value: "x" } });
    expect(within(editor()).queryByTestId("follow-up-email")).toBeNull();
  });

  it("Copy puts the draft on the clipboard, or selects it when that is refused", async () => {
    await open();
    await openEditor(1);
    const writeText = vi.fn().mockResolvedValue(undefined);
    Object.defineProperty(navigator, "clipboard", { value: { writeText }, configurable: true });
    await fireEvent.click(field("follow-up-copy"));
    await waitFor(() => expect(text(field("follow-up-copy-note"))).toBe("Copied."));
    expect(writeText).toHaveBeenCalledWith(ana.draft);
    writeText.mockRejectedValue(new Error("denied"));
    await fireEvent.click(field("follow-up-copy"));
    await waitFor(() => expect(text(field("follow-up-copy-note"))).toContain("the draft is selected"));
    const area = field<HTMLTextAreaElement>("follow-up-draft");
    expect(document.activeElement).toBe(area);
    expect([area.selectionStart, area.selectionEnd]).toEqual([0, ana.draft.length]);
    Reflect.deleteProperty(navigator, "clipboard");
  });

  it("asks before leaving unsaved changes for another follow-up", async () => {
    await open();
    await openEditor(1);
    await fireEvent.input(field("follow-up-draft"), { target: { value: "Half a thought" } });
    await fireEvent.click(within(rowOf(2)).getByTestId("follow-up-open"));
    expect(text(screen.getByTestId("confirm-message"))).toContain("follow-up for Ana Sánchez are not saved");
    await fireEvent.click(screen.getByTestId("confirm-cancel"));
    expect(editor().dataset.followUpId).toBe("1");
    await fireEvent.click(within(rowOf(2)).getByTestId("follow-up-open"));
    await fireEvent.click(screen.getByTestId("confirm-ok"));
    await waitFor(() => expect(editor().dataset.followUpId).toBe("2"));
  });

  it("opens the follow-up handed over by the done dialog", async () => {
    openFollowUp(ben);
    await open();
    await waitFor(() => expect(editor().dataset.followUpId).toBe("2"));
    expect(text(within(editor()).getByRole("heading", { level: 2 }))).toBe("Ben Okafor");
    expect(followUps.pending).toBeNull();
  });
});

describe("FollowUpsScreen: introductions offered at the congress", () => {
  const ashIntro = introduction({ id: 71, congress_id: 1, congress_name: "ASH 2026", offered_on: "2026-12-06", note: "Both work on MRD." });
  const ehaIntro = introduction({ id: 72, congress_id: 2, congress_name: "EHA 2026", person: { id: 3, display_name: "Cleo Dubois" } });
  const madeIntro = introduction({ id: 73, congress_id: 1, congress_name: "ASH 2026", status: "made", closed_on: "2026-12-07" });
  const section = () => screen.queryByTestId("owed-intros");
  const introRows = () => screen.queryAllByTestId("owed-intro-row");

  it("lists those still owed from this congress; Made closes one, with Undo", async () => {
    await open(undefined, { intros: [ashIntro, ehaIntro, madeIntro] });
    await waitFor(() => expect(introRows()).toHaveLength(1));
    expect(text(within(section() as HTMLElement).getByRole("heading", { level: 2 }))).toBe("Introductions you offered at ASH 2026 1");
    expect(introRows()[0]?.dataset.introId).toBe("71");
    expect(text(introRows()[0])).toContain("Introduce Ana Sánchez to Ben Okafor");
    expect(text(introRows()[0])).toContain("Both work on MRD.");
    expect(callsOf("list_owed_intros").map((c) => c.args.congressId)).toContain(1);

    await fireEvent.click(screen.getByTestId("owed-intro-made"));
    await waitFor(() => expect(section()).toBeNull());
    expect(callsOf("set_intro_status").map((c) => c.args)).toEqual([{ id: 71, status: "made" }]);
    expect(text(await screen.findByTestId("toast"))).toContain("Made: Introduce Ana Sánchez to Ben Okafor.");

    await fireEvent.click(screen.getByTestId("undo-intro-status"));
    await waitFor(() => expect(introRows()).toHaveLength(1));
    expect(touch.intros.find((i) => i.id === 71)?.status).toBe("owed");
  });

  it("Declined closes one too", async () => {
    await open(undefined, { intros: [ashIntro] });
    await fireEvent.click(await screen.findByTestId("owed-intro-declined"));
    await waitFor(() => expect(section()).toBeNull());
    expect(touch.intros.find((i) => i.id === 71)?.status).toBe("declined");
  });

  it("shows nothing when none from this congress are owed", async () => {
    await open(undefined, { intros: [ehaIntro, madeIntro] });
    await waitFor(() => expect(callsOf("list_owed_intros").length).toBeGreaterThan(0));
    await waitFor(() => expect(congressIntros.loaded).toBe(true));
    expect(section()).toBeNull();
  });
});

describe("FollowUpsScreen: offering something given", () => {
  const paper = given({ id: 91, person_id: 1, kind: "article", title: "MRD in myeloma", url: "https://doi.org/10.1/mrd" });
  const slides = given({ id: 92, person_id: 1, kind: "other", title: "Our slides", url: null });

  it("inserts the item's sentence into the draft, before the sign-off", async () => {
    await open(undefined, { given: [paper, slides] });
    await openEditor(1);
    const select = await waitFor(() => field<HTMLSelectElement>("follow-up-given"));
    expect(within(editor()).getByLabelText("Offer something you gave")).toBe(select);
    expect(Array.from(select.options).map((o) => o.value).sort()).toEqual(["", "91", "92"]);
    const insert = field<HTMLButtonElement>("follow-up-insert-given");
    expect(insert.disabled).toBe(true);

    await fireEvent.change(select, { target: { value: "91" } });
    await fireEvent.click(insert);
    const draft = field<HTMLTextAreaElement>("follow-up-draft");
    expect(draft.value).toBe(
      "Subject: Great to meet you at ASH 2026\n\nDear Ana Sánchez,\n\nThank you for taking the time to talk with me at ASH 2026.\n\n" +
        "Offering “MRD in myeloma”: https://doi.org/10.1/mrd\n\nWith best regards,",
    );
    expect(text(field("follow-up-copy-note"))).toBe("Added “MRD in myeloma” to the draft.");
    expect(screen.getByTestId("follow-up-unsaved")).toBeTruthy();
    expect(select.value).toBe("");

    await fireEvent.click(field("follow-up-save"));
    await waitFor(() => expect(fake.followUps.find((f) => f.id === 1)?.draft).toContain("Offering “MRD in myeloma”: https://doi.org/10.1/mrd"));
  });

  it("offers nothing when nothing was given to them", async () => {
    await open(undefined, { given: [paper] });
    await openEditor(2);
    await waitFor(() => expect(callsOf("get_person_relations").map((c) => c.args.personId)).toContain(2));
    expect(within(editor()).queryByTestId("follow-up-given")).toBeNull();
  });
});
