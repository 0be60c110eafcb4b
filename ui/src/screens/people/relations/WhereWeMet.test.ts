// Why: "where did we meet?" must read at a glance over the years. These pin the line of each
// encounter (congress by its short name, how and where, the day) with what we talked about, the
// newest first as the core sends them, the latest few with the rest one press away, and the
// empty state.
import { describe, expect, it } from "vitest";
import { fireEvent, within } from "@testing-library/svelte";
import { congress, person } from "../../../testing/fake-backend";
import { encounter } from "../../../testing/fake-person-relations";
import { openPersonPanel } from "../../../testing/person-panel";
import { text } from "../../../testing/screens";

const ana = person({ id: 1, display_name: "Ana Sánchez" });

const lines = (page: HTMLElement) => within(page).queryAllByTestId("encounter").map((e) => text(e.querySelector(".line")));

describe("Where we met", () => {
  it("reads each time we met, newest first, with what we talked about", async () => {
    const ash = congress({ id: 1, name: "ASH Annual Meeting 2026", short_name: "ASH 2026" });
    const { page } = await openPersonPanel(
      [ana],
      {
        today: "2026-12-20",
        met: [
          encounter({ congress_id: 2, congress_name: "EHA 2025", on_day: "2025-06-14", note: "Poster 1234: their CAR-T data" }),
          encounter({ congress_id: 1, on_day: "2026-12-07", meeting_id: 4, meeting_kind: "coffee", place: "Café Bleu", note: "Joint abstract for EHA" }),
        ],
      },
      ash,
    );
    expect(lines(page)).toEqual(["ASH 2026 · coffee at Café Bleu · 7 Dec 2026", "EHA 2025 · 14 Jun 2025"]);
    const [first] = within(page).getAllByTestId("encounter");
    expect(text(first?.querySelector(".note"))).toBe("Joint abstract for EHA");
    expect(within(page).getByRole("region", { name: "Where we met" })).toBeTruthy();
  });

  it("shows the latest five, and all of them on request", async () => {
    const met = Array.from({ length: 7 }, (_, i) => encounter({ congress_name: `Congress ${i + 1}`, congress_id: 100 + i, on_day: `20${String(25 - i).padStart(2, "0")}-06-14` }));
    const { page } = await openPersonPanel([ana], { today: "2026-12-20", met });
    expect(lines(page)).toHaveLength(5);
    const toggle = within(page).getByTestId("encounters-toggle");
    expect(text(toggle)).toBe("Show all 7");
    expect(toggle.getAttribute("aria-expanded")).toBe("false");
    await fireEvent.click(toggle);
    expect(lines(page)).toHaveLength(7);
    expect(lines(page).at(-1)).toBe("Congress 7 · 14 Jun 2019");
    expect(text(toggle)).toBe("Show the latest only");
  });

  it("says how encounters get here when there are none", async () => {
    const { page } = await openPersonPanel([ana], { today: "2026-12-20" });
    expect(text(within(page).getByTestId("where-we-met"))).toBe(
      "Where we met No meetings with Ana Sánchez on record yet. A meeting marked done, a note added at a congress, or a contact logged as “Met” shows here, year after year.",
    );
  });
});
