// Why: Reconnect turns last year's conversations into this year's targets. These drive People's
// Reconnect view as a user does: people met at earlier congresses who are in this program, with
// where and when we last met, what we talked about and their parts in the program (talk, chair,
// poster with board), not yet targets first; Make target in one step (the row then shows the
// status, the board gains the card with "Last met"); the empty state and the state with no congress.
import { beforeEach, describe, expect, it } from "vitest";
import { fireEvent, render, screen, waitFor, within } from "@testing-library/svelte";
import PeopleScreen from "./PeopleScreen.svelte";
import { congress, installFakeBackend, person, target, type FakeBackend } from "../testing/fake-backend";
import { encounter, installFakeTouch, reconnectRow, type FakeTouch } from "../testing/fake-touch";
import { resetPeople, text } from "../testing/screens";
import { congresses } from "../lib/congresses.svelte";
import { lastMet } from "../lib/last-met.svelte";
import { reconnect } from "../lib/reconnect.svelte";
import { settings } from "../lib/settings.svelte";

const ash = congress({ id: 1, name: "ASH Annual Meeting 2026", short_name: "ASH 2026", time_zone: "America/New_York" });
const who = [
  person({ id: 1, display_name: "Ana Sánchez", institution: "Hospital Clínic" }),
  person({ id: 2, display_name: "Ben Okafor", institution: "SWOG" }),
  person({ id: 3, display_name: "Cleo Dubois", institution: "IFM" }),
];
const ana = reconnectRow({
  person_id: 1,
  display_name: "Ana Sánchez",
  institution: "Hospital Clínic",
  last_met: encounter({ person_id: 1, note: "Her MRD data in older patients" }),
  roles: [
    { session_id: 91, title: "Menin inhibitors in NPM1 AML", role: "speaker", starts_at: "2026-12-05T10:30:00-05:00", room: "Room 6A", board: null },
    { session_id: 92, title: "Myeloma posters", role: "author", starts_at: "2026-12-06T18:00:00-05:00", room: "Hall G", board: "I-123" },
  ],
});
const ben = reconnectRow({
  person_id: 2,
  display_name: "Ben Okafor",
  institution: "SWOG",
  last_met: encounter({ person_id: 2, on_day: "2025-12-08", congress_id: 8, congress_name: "ASH 2025", meeting_kind: null, kind: "met", place: null, note: "" }),
  roles: [{ session_id: 93, title: "Cooperative groups today", role: "chair", starts_at: "2026-12-07T08:00:00-05:00", room: "Hall B", board: null }],
});
const cleo = reconnectRow({ person_id: 3, display_name: "Cleo Dubois", institution: "IFM", last_met: encounter({ person_id: 3, on_day: "2024-06-14", congress_name: "EHA 2024" }) });

let backend: FakeBackend;
let fake: FakeTouch;

async function open(init: Partial<FakeTouch> = {}, targets = [target({ id: 13, congress_id: 1, person_id: 3, display_name: "Cleo Dubois", institution: "IFM", status: "contacted" })]) {
  backend = installFakeBackend({ congresses: [ash], people: who, targets });
  backend.settings.current_congress_id = ash.id;
  fake = installFakeTouch(backend, { reconnect: { 1: [cleo, ana, ben] }, ...init });
  await Promise.all([settings.load(), congresses.load()]);
  render(PeopleScreen);
  await fireEvent.click(await screen.findByTestId("people-tab-reconnect"));
}

const rows = () => screen.queryAllByTestId("reconnect-row");
const rowOf = (id: number) => rows().find((r) => r.dataset.personId === String(id)) as HTMLElement;
const callsOf = (cmd: string) => backend.calls.filter((c) => c.cmd === cmd);

beforeEach(() => {
  resetPeople();
  reconnect.reset();
  lastMet.reset();
});

describe("PeopleScreen: reconnect at the next congress", () => {
  it("lists people met before who are in this program, not yet targets first, with where we met and their parts", async () => {
    await open();
    await waitFor(() => expect(rows()).toHaveLength(3));
    expect(callsOf("list_reconnect")[0]?.args).toEqual({ congressId: 1 });
    // Not yet targets first, the most recently met first among them (Ben at ASH 2025, Ana at EHA 2025).
    expect(rows().map((r) => r.dataset.personId)).toEqual(["2", "1", "3"]);
    expect(text(screen.getByTestId("people-tab-reconnect"))).toBe("Reconnect 2");
    expect(screen.getByTestId("people-tab-reconnect").getAttribute("aria-selected")).toBe("true");

    expect(text(within(rowOf(1)).getByTestId("reconnect-last-met"))).toBe("Last met: EHA 2025 · coffee at Café Bleu · 14 Jun 2025");
    expect(text(within(rowOf(1)).getByTestId("reconnect-talked"))).toBe("What we talked about: “Her MRD data in older patients”");
    expect(within(rowOf(1)).getAllByTestId("reconnect-role").map(text)).toEqual([
      "▸ Speaks Sat 10:30 · Room 6A · Menin inhibitors in NPM1 AML",
      "▣ Poster I-123 · Sun 18:00 · Hall G · Myeloma posters",
    ]);
    expect(text(within(rowOf(2)).getByTestId("reconnect-last-met"))).toBe("Last met: ASH 2025 · 8 Dec 2025");
    expect(within(rowOf(2)).queryByTestId("reconnect-talked")).toBeNull();
    expect(text(within(rowOf(2)).getByTestId("reconnect-role"))).toBe("▸ Chairs Mon 08:00 · Hall B · Cooperative groups today");

    // Cleo is a target already: her status, no button.
    expect(within(rowOf(3)).queryByTestId("reconnect-make-target")).toBeNull();
    expect(text(within(rowOf(3)).getByTestId("reconnect-status"))).toBe("◔ Target · Contacted");
    expect(within(rowOf(1)).getByRole("button", { name: "Make target: Ana Sánchez" })).toBeTruthy();
  });

  it("makes someone a target in one step; the row shows the status and the board gains the card with where we met", async () => {
    await open();
    await waitFor(() => expect(rowOf(1)).toBeTruthy());
    await fireEvent.click(within(rowOf(1)).getByTestId("reconnect-make-target"));
    await waitFor(() => expect(within(rowOf(1)).queryByTestId("reconnect-make-target")).toBeNull());
    expect(callsOf("reconnect_as_target")[0]?.args).toEqual({ congressId: 1, personId: 1 });
    expect(text(within(rowOf(1)).getByTestId("reconnect-status"))).toBe("○ Target · Idea");
    expect(rowOf(1).dataset.targetStatus).toBe("idea");
    expect(document.activeElement).toBe(within(rowOf(1)).getByTestId("reconnect-open"));
    expect(text(screen.getByTestId("toast"))).toContain("Ana Sánchez is a target at ASH 2026 now, as an idea.");
    expect(text(screen.getByTestId("people-tab-reconnect"))).toBe("Reconnect 1");

    await fireEvent.click(screen.getByTestId("people-tab-targets"));
    const card = await waitFor(() => {
      const found = screen.getAllByTestId("target-card").find((c) => c.dataset.personId === "1");
      expect(found).toBeTruthy();
      return found as HTMLElement;
    });
    expect(text(card)).toContain("Met at EHA 2025: Her MRD data in older patients");
    expect(text(within(card).getByTestId("target-last-met"))).toBe("Last met: EHA 2025 · coffee at Café Bleu · 14 Jun 2025");
  });

  it("says what the view is for when nobody met before is in the program", async () => {
    await open({ reconnect: {} });
    const empty = await screen.findByTestId("reconnect-empty");
    expect(text(empty)).toContain("Nobody to reconnect with at ASH 2026 yet");
    expect(text(empty)).toContain("Log who you meet at each congress");
    expect(fake.reconnect).toEqual({});
  });

  it("asks for a congress first when none is chosen", async () => {
    backend = installFakeBackend({ congresses: [ash], people: who });
    installFakeTouch(backend);
    await Promise.all([settings.load(), congresses.load()]);
    render(PeopleScreen);
    await fireEvent.click(await screen.findByTestId("people-tab-reconnect"));
    expect(text(screen.getByRole("tabpanel"))).toContain("Reconnect lists the people you met at earlier congresses");
    expect(text(screen.getByRole("tabpanel"))).toContain("Choose the congress to plan for with the switcher.");
    expect(callsOf("list_reconnect")).toHaveLength(0);
  });
});
