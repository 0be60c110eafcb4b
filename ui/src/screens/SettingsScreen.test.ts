// Why: Settings sets the working day the planner proposes meetings in and how soon a follow-up
// falls due. These pin that each mistake
// is named next to its own field (before sending, and when the backend refuses), that nothing the
// backend's integer fields cannot hold is sent, and that a save says so.
import { beforeEach, describe, expect, it } from "vitest";
import { fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import SettingsScreen from "./SettingsScreen.svelte";
import { installFakeBackend, type FakeBackend } from "../testing/fake-backend";
import { installFakeSettingsRules } from "../testing/fake-today";
import { settings } from "../lib/settings.svelte";

let backend: FakeBackend;

async function open(rules?: Parameters<typeof installFakeSettingsRules>[1]): Promise<void> {
  backend = installFakeBackend();
  installFakeSettingsRules(backend, rules);
  await settings.load();
  render(SettingsScreen);
}

const text = (el: Element | null) => el?.textContent?.replace(/\s+/g, " ").trim();
const field = (name: string) => screen.getByTestId(`field-${name}`) as HTMLInputElement | HTMLSelectElement;
const saves = () => backend.calls.filter((c) => c.cmd === "update_settings");

async function type(name: string, value: string) {
  await fireEvent.input(field(name), { target: { value } });
}

async function choose(name: string, value: string) {
  await fireEvent.change(field(name), { target: { value } });
}

beforeEach(() => {
  settings.value = null;
});

describe("SettingsScreen: the working day", () => {
  it("shows the stored values and saves changes with a confirmation", async () => {
    await open();
    expect(field("day_start_hour").value).toBe("7");
    expect(field("day_end_hour").value).toBe("20");
    expect(field("default_meeting_minutes").value).toBe("30");
    expect(field("buffer_minutes").value).toBe("10");
    expect(field("follow_up_days").value).toBe("2");
    await choose("day_start_hour", "8");
    await choose("day_end_hour", "19");
    await type("default_meeting_minutes", "20");
    await type("buffer_minutes", "15");
    await type("follow_up_days", "3");
    await fireEvent.click(screen.getByTestId("save-settings"));
    await waitFor(() => expect(text(screen.getByTestId("settings-status"))).toBe("Saved."));
    expect(saves().at(-1)?.args).toEqual({
      settings: { current_congress_id: null, home_time_zone: null, day_start_hour: 8, day_end_hour: 19, default_meeting_minutes: 20, buffer_minutes: 15, follow_up_days: 3,
        alarm_minutes: 15, my_card: backend.settings.my_card },
    });
    expect(backend.settings.buffer_minutes).toBe(15);
    expect(backend.settings.follow_up_days).toBe(3);
    expect(field("follow_up_days").value).toBe("3");
  });

  it("names each mistake next to its field and sends nothing", async () => {
    await open();
    await choose("day_start_hour", "18");
    await choose("day_end_hour", "9");
    await type("default_meeting_minutes", "600");
    await type("buffer_minutes", "ten");
    await type("follow_up_days", "two");
    await fireEvent.click(screen.getByTestId("save-settings"));
    expect(text(screen.getByTestId("error-day_end_hour"))).toBe("!The day must end after it starts (hours 0–24).");
    expect(text(screen.getByTestId("error-default_meeting_minutes"))).toBe("!A meeting lasts 5 to 480 minutes.");
    expect(text(screen.getByTestId("error-buffer_minutes"))).toBe("!Type a whole number of minutes, 0 to 120.");
    expect(text(screen.getByTestId("error-follow_up_days"))).toBe("!Type a whole number of days, 0 to 60.");
    expect(screen.queryByTestId("error-day_start_hour")).toBeNull();
    expect(field("default_meeting_minutes").getAttribute("aria-invalid")).toBe("true");
    expect(saves()).toHaveLength(0);
    // Fixing a field takes its message away.
    await type("buffer_minutes", "200");
    expect(screen.queryByTestId("error-buffer_minutes")).toBeNull();
    await type("follow_up_days", "61");
    expect(screen.queryByTestId("error-follow_up_days")).toBeNull();
    await fireEvent.click(screen.getByTestId("save-settings"));
    expect(text(screen.getByTestId("error-buffer_minutes"))).toBe("!Keep the buffer under two hours.");
    expect(text(screen.getByTestId("error-follow_up_days"))).toBe("!Follow up within 60 days.");
    expect(field("follow_up_days").getAttribute("aria-invalid")).toBe("true");
  });

  it("shows the backend's refusals by field", async () => {
    await open(() => [
      { field: "buffer_minutes", message: "Keep the buffer under two hours." },
      { field: "follow_up_days", message: "Follow up within 60 days." },
      { field: "home_time_zone", message: "“Mars/Olympus” is not a known time zone; pick one from the list." },
    ]);
    await fireEvent.click(screen.getByTestId("save-settings"));
    await waitFor(() => expect(screen.queryByTestId("error-buffer_minutes")).not.toBeNull());
    expect(text(screen.getByTestId("error-buffer_minutes"))).toBe("!Keep the buffer under two hours.");
    expect(text(screen.getByTestId("error-home_time_zone"))).toContain("is not a known time zone");
    expect(text(screen.getByTestId("error-follow_up_days"))).toBe("!Follow up within 60 days.");
    expect(text(screen.getByTestId("settings-status"))).toBe("");
  });

  it("keeps saving the home time zone", async () => {
    await open();
    await type("home_time_zone", "Europe/Paris");
    await fireEvent.click(screen.getByTestId("save-settings"));
    await waitFor(() => expect(text(screen.getByTestId("settings-status"))).toBe("Saved."));
    expect(backend.settings.home_time_zone).toBe("Europe/Paris");
  });
});
