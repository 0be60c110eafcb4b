// Why: the walking times decide when "Leave now" fires. These pin that the dialog shows Settings'
// buffer until the venue has its own, saves the venue's buffer on change (and empty goes back),
// sets and forgets a walk between two rooms, and puts the backend's field problem under its field.
import { beforeEach, describe, expect, it } from "vitest";
import { fireEvent, render, screen, waitFor, within } from "@testing-library/svelte";
import WalkingTimes from "./WalkingTimes.svelte";
import { answerCommands, installFakeBackend, type FakeBackend } from "../../testing/fake-backend";
import type { RoomWalk, WalkingTimes as Times } from "../../lib/bindings";

let backend: FakeBackend;
let times: Times;

beforeEach(() => {
  backend = installFakeBackend({});
  times = { venue_minutes: null, default_minutes: 10, pairs: [], rooms: ["Hall A", "Hall B", "Room 6A"] };
  answerCommands(backend, ["get_walking_times", "set_venue_walk", "set_room_walk"], (cmd, args) => {
    if (cmd === "set_venue_walk") times = { ...times, venue_minutes: args.minutes as number | null };
    if (cmd === "set_room_walk") {
      const [from, to] = [args.from as string, args.to as string];
      if (from === to) throw { kind: "invalid", message: "to", problems: [{ field: "to", message: "Choose two different rooms." }] };
      const rest = times.pairs.filter((p) => !(p.from === from && p.to === to));
      const pair: RoomWalk[] = args.minutes === null ? [] : [{ from, to, minutes: args.minutes as number }];
      times = { ...times, pairs: [...rest, ...pair] };
    }
    return times;
  });
});

const text = (el: Element | null | undefined) => el?.textContent?.replace(/\s+/g, " ").trim();

describe("WalkingTimes", () => {
  it("sets the venue's buffer and a walk between two rooms, and forgets them again", async () => {
    render(WalkingTimes, { props: { congressId: 3 } });
    await fireEvent.click(screen.getByTestId("walking-times-open"));
    const dialog = await screen.findByTestId("walking-times-dialog");
    expect(text(within(dialog).getByTestId("walking-lead"))).toBe(
      "“Leave now” reminders come before each session you attend, each talk you attend inside a session you skip, and each meeting without a reminder of its own: the minutes chosen in Settings plus the walk from where you will be.",
    );
    expect(text(within(dialog).getByTestId("walk-pairs-empty"))).toContain("every walk takes 10 min");

    const venue = within(dialog).getByTestId("walk-venue") as HTMLInputElement;
    await fireEvent.input(venue, { target: { value: "6" } });
    await fireEvent.change(venue);
    await waitFor(() => expect(text(screen.getByTestId("walk-saved"))).toBe("Walks at this venue: 6 min."));
    expect(backend.calls.find((c) => c.cmd === "set_venue_walk")?.args).toEqual({ congressId: 3, minutes: 6 });

    await fireEvent.change(within(dialog).getByTestId("walk-to"), { target: { value: "Room 6A" } });
    await fireEvent.input(within(dialog).getByTestId("walk-minutes"), { target: { value: "15" } });
    await fireEvent.click(within(dialog).getByTestId("walk-pair-add"));
    await waitFor(() => expect(screen.getAllByTestId("walk-pair").map(text)).toEqual(["Hall A ↔and Room 6A 15 min Remove"]));

    await fireEvent.click(within(screen.getByTestId("walk-pair")).getByRole("button", { name: "Remove the walk between Hall A and Room 6A" }));
    await waitFor(() => expect(screen.queryAllByTestId("walk-pair")).toHaveLength(0));

    await fireEvent.input(venue, { target: { value: "" } });
    await fireEvent.change(venue);
    await waitFor(() => expect(text(screen.getByTestId("walk-saved"))).toBe("Back to Settings' 10 min."));
  });

  it("says what is wrong under the field, and sends nothing for minutes that are not minutes", async () => {
    render(WalkingTimes, { props: { congressId: 3 } });
    await fireEvent.click(screen.getByTestId("walking-times-open"));
    const dialog = await screen.findByTestId("walking-times-dialog");
    await fireEvent.input(within(dialog).getByTestId("walk-minutes"), { target: { value: "lots" } });
    await fireEvent.click(within(dialog).getByTestId("walk-pair-add"));
    expect(await within(dialog).findByText("Give whole minutes from 0 to 120.")).toBeTruthy();
    expect(backend.calls.some((c) => c.cmd === "set_room_walk")).toBe(false);

    await fireEvent.change(within(dialog).getByTestId("walk-to"), { target: { value: "Hall A" } });
    await fireEvent.input(within(dialog).getByTestId("walk-minutes"), { target: { value: "5" } });
    await fireEvent.click(within(dialog).getByTestId("walk-pair-add"));
    expect(await within(dialog).findByText("Choose two different rooms.")).toBeTruthy();
    expect(within(dialog).getByTestId("walk-to").getAttribute("aria-invalid")).toBe("true");
  });
});
