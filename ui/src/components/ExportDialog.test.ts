// Why: the calendar export must send exactly the choices the user made (and the reminder from
// Settings by default) to the path they chose, through the save dialog or a typed path, say how
// many events were written, and keep a refusal in the dialog. "Add to calendar" on a meeting row
// exports that one meeting under its own title, and "vCard…" on a person page that person.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { fireEvent, render, screen, waitFor, within } from "@testing-library/svelte";
import ExportCalendarButton from "./ExportCalendarButton.svelte";
import MeetingsScreen from "../screens/MeetingsScreen.svelte";
import PersonPanel from "../screens/people/PersonPanel.svelte";
import { congress, installFakeBackend, person, type FakeBackend } from "../testing/fake-backend";
import { installFakeMeetings, meeting } from "../testing/fake-meetings";
import { installFakeExport, type FakeExport } from "../testing/fake-export";
import { congresses } from "../lib/congresses.svelte";
import { meetings } from "../lib/meetings.svelte";
import { peopleView } from "../lib/people-view.svelte";
import { settings } from "../lib/settings.svelte";
import { startMeetings, text } from "../testing/screens";

const ash = congress({ id: 1, name: "ASH 2026", short_name: "ASH26", starts_on: "2026-12-05", ends_on: "2026-12-08", time_zone: "America/New_York" });
let backend: FakeBackend;
let fake: FakeExport;

const callsOf = (cmd: string) => backend.calls.filter((c) => c.cmd === cmd);
const box = (id: string) => screen.getByTestId(id) as HTMLInputElement;

async function open(alarm: number | null = 30, init: Partial<FakeExport> = {}) {
  backend = installFakeBackend({ congresses: [ash] });
  backend.settings.alarm_minutes = alarm;
  fake = installFakeExport(backend, init);
  await settings.load();
  render(ExportCalendarButton, { congress: ash });
  await fireEvent.click(screen.getByTestId("export-open"));
  return screen.getByTestId("export-dialog");
}

async function typePath(path: string) {
  await fireEvent.click(screen.getByTestId("export-path-open"));
  await fireEvent.input(box("export-path"), { target: { value: path } });
  await fireEvent.click(screen.getByTestId("export-path-submit"));
}

beforeEach(() => {
  settings.value = null;
});

describe("Export calendar", () => {
  it("starts from the usual choices and the reminder in Settings, and says that re-importing updates", async () => {
    const dialog = await open(30);
    expect(box("export-meetings").checked).toBe(true);
    expect(box("export-sessions").checked).toBe(true);
    expect(box("export-maybes").checked).toBe(false);
    expect(box("export-followups").checked).toBe(true);
    expect(box("export-cancelled").checked).toBe(true);
    expect((screen.getByTestId("export-alarm") as HTMLSelectElement).value).toBe("30");
    expect(text(dialog)).toMatch(/updates the items you imported before instead of adding them twice/);
  });

  it("sends the options and the typed path, then says how many events were saved where", async () => {
    await open(30);
    await typePath("  /home/doc/Documents/ASH26-plan.ics ");
    await waitFor(() => expect(screen.queryByTestId("export-dialog")).toBeNull());
    expect(callsOf("export_ics")).toEqual([
      {
        cmd: "export_ics",
        args: {
          congressId: 1,
          options: { meetings: true, sessions: true, maybes: false, follow_ups: true, cancelled: true, alarm_minutes: 30 },
          path: "/home/doc/Documents/ASH26-plan.ics",
        },
      },
    ]);
    expect(text(screen.getByTestId("export-result"))).toBe("Saved 42 events to …/ASH26-plan.ics");
  });

  it("sends what the user changed: maybes on, follow-ups and cancellations off, no reminder", async () => {
    await open(15);
    await fireEvent.click(box("export-maybes"));
    await fireEvent.click(box("export-followups"));
    await fireEvent.click(box("export-cancelled"));
    await fireEvent.change(screen.getByTestId("export-alarm"), { target: { value: "" } });
    await typePath("/tmp/plan.ics");
    await waitFor(() => expect(callsOf("export_ics")).toHaveLength(1));
    expect(callsOf("export_ics")[0]?.args.options).toEqual({
      meetings: true, sessions: true, maybes: true, follow_ups: false, cancelled: false, alarm_minutes: null,
    });
  });

  it("Save… asks the OS dialog with the congress's file name and an .ics filter", async () => {
    await open(null, { savePath: "/home/doc/plan.ics" });
    expect((screen.getByTestId("export-alarm") as HTMLSelectElement).value).toBe("");
    await fireEvent.click(screen.getByTestId("export-save"));
    await waitFor(() => expect(callsOf("export_ics")).toHaveLength(1));
    const asked = callsOf("plugin:dialog|save")[0]?.args.options as { defaultPath: string; filters: unknown };
    expect(asked.defaultPath).toBe("ASH26-plan.ics");
    expect(asked.filters).toEqual([{ name: "Calendar", extensions: ["ics"] }]);
    expect(callsOf("export_ics")[0]?.args.path).toBe("/home/doc/plan.ics");
    expect(callsOf("export_ics")[0]?.args.options).toMatchObject({ alarm_minutes: null });
  });

  it("closing the save dialog writes nothing and keeps the export dialog", async () => {
    await open(15, { savePath: null });
    await fireEvent.click(screen.getByTestId("export-save"));
    await waitFor(() => expect(callsOf("plugin:dialog|save")).toHaveLength(1));
    expect(callsOf("export_ics")).toHaveLength(0);
    expect(screen.getByTestId("export-dialog")).toBeTruthy();
  });

  it("shows a refusal in the dialog, in the backend's words", async () => {
    await open(15, { events: () => 0 });
    await typePath("/tmp/plan.ics");
    const error = await screen.findByTestId("export-error");
    expect(text(error)).toBe("There is nothing to export with these choices.");
    expect(screen.getByTestId("export-dialog")).toBeTruthy();
    expect(screen.queryByTestId("export-result")).toBeNull();
  });

  it("asks for at least one kind of item before writing anything", async () => {
    await open(15);
    for (const id of ["export-meetings", "export-sessions", "export-followups"]) await fireEvent.click(box(id));
    await typePath("/tmp/plan.ics");
    expect(text(await screen.findByTestId("export-error"))).toBe("Choose at least one kind of item to export.");
    expect(callsOf("export_ics")).toHaveLength(0);
  });
});

describe("Add to calendar on a meeting row", () => {
  beforeEach(() => {
    startMeetings();
  });
  afterEach(() => vi.useRealTimers());

  it("saves the meeting alone under its title and says so", async () => {
    backend = installFakeBackend({ congresses: [ash] });
    backend.settings.current_congress_id = ash.id;
    installFakeMeetings(backend, { meetings: [meeting({ id: 7, title: "Coffee: Ana / Ben" })] });
    fake = installFakeExport(backend, { savePath: "/home/doc/coffee.ics" });
    await Promise.all([settings.load(), congresses.load()]);
    render(MeetingsScreen);
    const row = await screen.findByTestId("meeting-row");
    await fireEvent.click(within(row).getByTestId("meeting-ics"));
    await waitFor(() => expect(callsOf("export_meeting_ics")).toHaveLength(1));
    expect((callsOf("plugin:dialog|save")[0]?.args.options as { defaultPath: string }).defaultPath).toBe("Coffee Ana Ben.ics");
    expect(callsOf("export_meeting_ics")[0]?.args).toEqual({ meetingId: 7, path: "/home/doc/coffee.ics" });
    await waitFor(() => expect(text(screen.getByTestId("toast"))).toContain("Saved 1 event to …/coffee.ics"));
  });
});

describe("vCard on a person page", () => {
  it("saves the person as a .vcf named after them", async () => {
    backend = installFakeBackend({ people: [person({ id: 3, display_name: "Ingrid Ødegård" })] });
    fake = installFakeExport(backend, { savePath: "/home/doc/ingrid.vcf" });
    peopleView.toast = null;
    render(PersonPanel, { id: 3, congress: null, onclose: () => {} });
    await fireEvent.click(await screen.findByTestId("person-vcard"));
    await waitFor(() => expect(callsOf("export_person_vcard")).toHaveLength(1));
    expect(callsOf("export_person_vcard")[0]?.args).toEqual({ personId: 3, path: "/home/doc/ingrid.vcf" });
    const asked = callsOf("plugin:dialog|save")[0]?.args.options as { defaultPath: string; filters: unknown };
    expect(asked.defaultPath).toBe("Ingrid Ødegård.vcf");
    expect(asked.filters).toEqual([{ name: "Contact card", extensions: ["vcf"] }]);
    await waitFor(() => expect(peopleView.toast?.message).toBe("Saved the card to …/ingrid.vcf"));
  });
});
