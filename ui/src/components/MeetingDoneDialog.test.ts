// Why: the note after a meeting is the one thing worth keeping from it. These pin that it names
// who moved to met, logs one note per person tied to the meeting and congress, never logs twice
// after a partial failure, and that Skip logs nothing.
import { describe, expect, it, vi } from "vitest";
import { fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import MeetingDoneDialog from "./MeetingDoneDialog.svelte";
import { installFakeBackend, meeting, person } from "../testing/fake-backend";
import type { StatusChange } from "../lib/bindings";

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
});
