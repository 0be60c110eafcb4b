// Why: My card is what colleagues scan at the congress. These pin that it is saved with the other
// settings, each backend problem shown next to its own field (`my_card.email` under Email), that
// the QR code is an <img> with a data: URL of the backend's SVG (never markup in the page), that
// unsaved edits are saved before the code is made, and that the reminder default is saved too.
import { beforeEach, describe, expect, it } from "vitest";
import { fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import SettingsScreen from "../SettingsScreen.svelte";
import { installFakeBackend, type FakeBackend } from "../../testing/fake-backend";
import { installFakeSettingsRules, settingsProblems } from "../../testing/fake-today";
import { FAKE_QR_SVG, installFakeExport } from "../../testing/fake-export";
import { settings } from "../../lib/settings.svelte";
import type { FieldProblem, Settings } from "../../lib/bindings";

let backend: FakeBackend;

function cardRules(s: Settings): FieldProblem[] {
  const problems = settingsProblems(s);
  if (s.my_card.email && !s.my_card.email.includes("@")) problems.push({ field: "my_card.email", message: `“${s.my_card.email}” is not an email address.` });
  if (s.my_card.orcid && !/^\d{4}-\d{4}-\d{4}-\d{3}[\dX]$/.test(s.my_card.orcid)) {
    problems.push({ field: "my_card.orcid", message: "An ORCID iD has 16 digits, e.g. 0000-0002-1825-0097." });
  }
  return problems;
}

async function open(savePath: string | null = null) {
  backend = installFakeBackend();
  installFakeSettingsRules(backend, cardRules);
  installFakeExport(backend, { savePath });
  await settings.load();
  render(SettingsScreen);
}

const text = (el: Element | null) => el?.textContent?.replace(/\s+/g, " ").trim();
const callsOf = (cmd: string) => backend.calls.filter((c) => c.cmd === cmd);
const type = (field: string, value: string) => fireEvent.input(screen.getByTestId(`card-${field}`), { target: { value } });

beforeEach(() => {
  settings.value = null;
});

describe("Settings → My card", () => {
  it("saves the card with the other settings", async () => {
    await open();
    await type("name", "Dr Ana Sánchez");
    await type("email", " ana@usal.es ");
    await type("orcid", "0000-0002-1825-0097");
    await fireEvent.click(screen.getByTestId("card-save"));
    await waitFor(() => expect(text(screen.getByTestId("card-status"))).toBe("Card saved."));
    expect(backend.settings.my_card).toMatchObject({ name: "Dr Ana Sánchez", email: "ana@usal.es", orcid: "0000-0002-1825-0097", phone: "" });
    expect(backend.settings.day_start_hour).toBe(7);
  });

  it("names each problem next to its own field and clears it when edited", async () => {
    await open();
    await type("name", "Ana");
    await type("email", "ana at usal");
    await type("orcid", "123");
    await fireEvent.click(screen.getByTestId("card-save"));
    expect(text(await screen.findByTestId("error-my_card.email"))).toContain("“ana at usal” is not an email address.");
    expect(text(screen.getByTestId("error-my_card.orcid"))).toContain("An ORCID iD has 16 digits");
    expect(screen.queryByTestId("error-my_card.name")).toBeNull();
    expect(screen.getByTestId("card-email").getAttribute("aria-invalid")).toBe("true");
    expect(backend.settings.my_card.email).toBe("");
    await type("email", "ana@usal.es");
    expect(screen.queryByTestId("error-my_card.email")).toBeNull();
    expect(screen.getByTestId("error-my_card.orcid")).toBeTruthy();
  });

  it("shows the QR code as an image with a data: URL, saving unsaved edits first", async () => {
    await open();
    await type("name", "Ana Sánchez");
    await fireEvent.click(screen.getByTestId("card-qr-show"));
    const img = (await screen.findByTestId("card-qr")) as HTMLImageElement;
    expect(backend.settings.my_card.name).toBe("Ana Sánchez");
    expect(img.tagName).toBe("IMG");
    expect(img.alt).toBe("QR code of your card");
    const src = img.getAttribute("src") ?? "";
    expect(src.startsWith("data:image/svg+xml;base64,")).toBe(true);
    const svg = new TextDecoder().decode(Uint8Array.from(atob(src.split(",")[1] ?? ""), (c) => c.charCodeAt(0)));
    expect(svg).toBe(FAKE_QR_SVG);
    expect(document.querySelector('[data-testid="my-card"] svg')).toBeNull();
    expect(Number(img.getAttribute("width"))).toBeGreaterThanOrEqual(240);
    // An edit makes the code stale: it goes until asked again.
    await type("phone", "+34 600 000 000");
    expect(screen.queryByTestId("card-qr")).toBeNull();
  });

  it("asks for a name before making a QR code", async () => {
    await open();
    await fireEvent.click(screen.getByTestId("card-qr-show"));
    expect(text(await screen.findByTestId("error-my_card.name"))).toContain("Fill in your name");
    expect(screen.queryByTestId("card-qr")).toBeNull();
  });

  it("saves the card as a vCard where the save dialog says", async () => {
    await open("/home/doc/ana.vcf");
    await type("name", "Ana Sánchez");
    await fireEvent.click(screen.getByTestId("card-vcard"));
    await waitFor(() => expect(callsOf("export_my_card")).toHaveLength(1));
    expect(callsOf("export_my_card")[0]?.args).toEqual({ path: "/home/doc/ana.vcf" });
    const asked = callsOf("plugin:dialog|save")[0]?.args.options as { defaultPath: string; filters: unknown };
    expect(asked.defaultPath).toBe("Ana Sánchez.vcf");
    expect(asked.filters).toEqual([{ name: "Contact card", extensions: ["vcf"] }]);
    await waitFor(() => expect(text(screen.getByTestId("card-status"))).toBe("Saved the card to …/ana.vcf"));
  });
});

describe("Settings → reminder default", () => {
  it("shows the stored reminder and saves a new one, or none", async () => {
    await open();
    const field = screen.getByTestId("field-alarm_minutes") as HTMLSelectElement;
    expect(field.value).toBe("15");
    await fireEvent.change(field, { target: { value: "30" } });
    await fireEvent.click(screen.getByTestId("save-settings"));
    await waitFor(() => expect(text(screen.getByTestId("settings-status"))).toBe("Saved."));
    expect(backend.settings.alarm_minutes).toBe(30);
    await fireEvent.change(field, { target: { value: "" } });
    await fireEvent.click(screen.getByTestId("save-settings"));
    await waitFor(() => expect(text(screen.getByTestId("settings-status"))).toBe("Saved."));
    expect(backend.calls.filter((c) => c.cmd === "update_settings").map((c) => (c.args.settings as Settings).alarm_minutes)).toEqual([30, null]);
    expect(field.value).toBe("");
  });
});
