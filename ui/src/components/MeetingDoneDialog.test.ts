// Why: the note after a meeting is the one thing worth keeping from it. These pin that it names
// who moved to met, logs one note per person tied to the meeting and congress, never logs twice
// after a partial failure, that Skip logs nothing, and that it lists the follow-ups drafted, each
// one step from its editor.
import { describe, expect, it, vi } from "vitest";
import { fireEvent, render, screen, waitFor, within } from "@testing-library/svelte";
import MeetingDoneDialog from "./MeetingDoneDialog.svelte";
import { installFakeBackend, person } from "../testing/fake-backend";
import { meeting } from "../testing/fake-meetings";
import { followUp } from "../testing/fake-follow-ups";
import type { StatusChange } from "../lib/bindings";
import { followUps } from "../lib/follow-ups.svelte";
import { route } from "../lib/route.svelte";

const change: StatusChange = {
  meeting: meeting({
    id: 71,
    congress_id: 3,
    title: "Dinner with the IFM group",
    status: "done",
    people: [
      { id: 1, display_name: "Ana Sánchez", institution: null, target_status: "met" },
      { id: 2, display_name: "Ben Okafor", institution: null, target_status: null },
    ],
  }),
  moved: [{ person_id: 1, display_name: "Ana Sánchez", from: "scheduled", to: "met" }],
  follow_ups: [],
};

const text = (el: Element | null) => el?.textContent?.replace(/\s+/g, " ").trim();

describe("MeetingDoneDialog", () => {
  it("says what is done and who moved to met", () => {
    installFakeBackend();
    render(MeetingDoneDialog, { props: { change, onclose: () => {} } });
    const dialog = screen.getByTestId("meeting-done-dialog");
    expect(text(dialog)).toContain("Marked done");
    expect(text(dialog)).toContain("Dinner with the IFM group with Ana Sánchez and Ben Okafor is done.");
    expect(text(screen.getByTestId("done-moved"))).toBe("Ana Sánchez: Scheduled → Met");
  });

  it("logs the note once per person, tied to the meeting and its congress", async () => {
    const backend = installFakeBackend({ people: [person({ id: 1 }), person({ id: 2 })] });
    const onclose = vi.fn();
    render(MeetingDoneDialog, { props: { change, onclose } });
    await fireEvent.input(screen.getByTestId("done-note"), { target: { value: "Joint abstract for EHA" } });
    await fireEvent.click(screen.getByTestId("done-log"));
    await waitFor(() => expect(onclose).toHaveBeenCalledOnce());
    expect(backend.calls.filter((c) => c.cmd === "add_interaction").map((c) => c.args)).toEqual([
      { draft: { person_id: 1, congress_id: 3, meeting_id: 71, occurred_at: null, note: "Joint abstract for EHA" } },
      { draft: { person_id: 2, congress_id: 3, meeting_id: 71, occurred_at: null, note: "Joint abstract for EHA" } },
    ]);
  });

  it("after a partial failure, retries only those not logged yet", async () => {
    // Ben is missing from the backend: his note fails with not_found.
    const backend = installFakeBackend({ people: [person({ id: 1 })] });
    const onclose = vi.fn();
    render(MeetingDoneDialog, { props: { change, onclose } });
    await fireEvent.input(screen.getByTestId("done-note"), { target: { value: "Joint abstract" } });
    await fireEvent.click(screen.getByTestId("done-log"));
    await waitFor(() => expect(text(screen.getByRole("alert"))).toContain("could not be logged for Ben Okafor"));
    expect(onclose).not.toHaveBeenCalled();
    backend.people = [...backend.people, person({ id: 2 })];
    await fireEvent.click(screen.getByTestId("done-log"));
    await waitFor(() => expect(onclose).toHaveBeenCalledOnce());
    expect(backend.calls.filter((c) => c.cmd === "add_interaction").map((c) => (c.args.draft as { person_id: number }).person_id)).toEqual([1, 2, 2]);
  });

  it("asks for words before logging, and Skip logs nothing", async () => {
    const backend = installFakeBackend();
    const onclose = vi.fn();
    render(MeetingDoneDialog, { props: { change, onclose } });
    await fireEvent.click(screen.getByTestId("done-log"));
    expect(text(screen.getByRole("alert"))).toBe("Write what you talked about, even briefly, or skip.");
    await fireEvent.click(screen.getByTestId("done-skip"));
    expect(onclose).toHaveBeenCalledOnce();
    expect(backend.calls.filter((c) => c.cmd === "add_interaction")).toHaveLength(0);
  });

  it("lists the follow-ups drafted and opens one in Follow-ups", async () => {
    installFakeBackend();
    followUps.reset();
    route.replace("meetings");
    const onclose = vi.fn();
    const ana = followUp({ id: 31, person_id: 1, display_name: "Ana Sánchez", due_at: "2026-12-07T11:00:00-05:00" });
    const ben = followUp({ id: 32, person_id: 2, display_name: "Ben Okafor", due_at: "2026-12-07T11:00:00-05:00" });
    render(MeetingDoneDialog, { props: { change: { ...change, follow_ups: [ana, ben] }, onclose } });
    const items = screen.getAllByTestId("done-follow-up");
    expect(items.map((i) => i.dataset.followUpId)).toEqual(["31", "32"]);
    expect(text(items[0] as HTMLElement)).toBe("Follow-up drafted for Ana Sánchez, due Mon 7 Dec. Open in Follow-ups");
    // The note keeps the focus: it is what the dialog is for.
    expect(document.activeElement).toBe(screen.getByTestId("done-note"));
    await fireEvent.click(within(items[1] as HTMLElement).getByTestId("done-open-follow-up"));
    expect(onclose).toHaveBeenCalledOnce();
    expect(route.current).toBe("follow-ups");
    expect(followUps.pending?.id).toBe(32);
    followUps.reset();
  });

  it("logs a note already typed before going to the follow-up", async () => {
    const backend = installFakeBackend({ people: [person({ id: 1 }), person({ id: 2 })] });
    followUps.reset();
    const onclose = vi.fn();
    const ana = followUp({ id: 31, person_id: 1, display_name: "Ana Sánchez" });
    render(MeetingDoneDialog, { props: { change: { ...change, follow_ups: [ana] }, onclose } });
    await fireEvent.input(screen.getByTestId("done-note"), { target: { value: "Send the MRD slides" } });
    await fireEvent.click(screen.getByTestId("done-open-follow-up"));
    await waitFor(() => expect(onclose).toHaveBeenCalledOnce());
    expect(backend.calls.filter((c) => c.cmd === "add_interaction")).toHaveLength(2);
    expect(followUps.pending?.id).toBe(31);
    followUps.reset();
  });
});
