// Why: the room grid draws only the sessions in view (lib/program-grid.ts), so a screen reader's
// virtual cursor meets only those. A hidden note before the grid says so and points to the list.
// The grid is imported here at the top (EventCalendar is large), not loaded by a click.
import { describe, expect, it } from "vitest";
import { render, screen } from "@testing-library/svelte";
import ProgramGrid from "./ProgramGrid.svelte";
import { session } from "../../testing/fake-backend";

describe("ProgramGrid", () => {
  it("tells screen readers that it draws the sessions in view and that the list has them all", () => {
    const talk = session({ id: 1, title: "Menin inhibitors", room: "Hall A", starts_at: "2026-12-05T08:30:00-05:00", ends_at: "2026-12-05T10:00:00-05:00" });
    render(ProgramGrid, { props: { sessions: [talk], day: "2026-12-05", zone: "America/New_York", narrow: false, onopen: () => {}, onopenblock: () => {} } });
    const note = screen.getByTestId("grid-reader-note");
    expect(note.classList.contains("visually-hidden")).toBe(true);
    expect(note.textContent).toContain("draws the sessions in view as it scrolls");
    expect(note.textContent).toContain("The List view has every session of the day");
  });
});
