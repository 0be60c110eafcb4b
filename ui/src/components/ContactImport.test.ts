// Why: the contacts dialog is the one place hundreds of people enter Hallway at once. These drive it
// the way a user does, through the fake backend: the preview's numbers and words, matches and
// problems, Import writing exactly the previewed file, errors with file and line, and Cancel or Esc
// writing nothing.
import { beforeEach, describe, expect, it, vi } from "vitest";
import { fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import ContactImport from "./ContactImport.svelte";
import { contactImport } from "../lib/contact-import.svelte";
import type { CommandError, ContactImportReport, ContactPreview } from "../lib/bindings";
import {
  contactPreview,
  contactReport,
  installFakeBackend,
  installFakeContacts,
  type FakeBackend,
  type FakeContacts,
} from "../testing/fake-backend";

const PATH = "/home/doc/Downloads/Connections.csv";

const preview: ContactPreview = contactPreview({
  file: PATH,
  format: "linkedin_csv",
  new: 312,
  merged: 41,
  skipped: 3,
  matches: [
    { line: 14, name: "Ana Sanchez", existing_id: 7, existing_name: "Ana Sánchez", matched_by: "email" },
    { line: 29, name: "Wei Zhang", existing_id: 9, existing_name: "Wei Zhang", matched_by: "name_and_institution" },
  ],
  problems: [
    { line: 12, reason: "no name or email", skipped: true },
    { line: 40, reason: "EMAIL “ana(at)x.org” is not an e-mail address; the card was imported without it", skipped: false },
    { line: 88, reason: "Unclosed quote.", skipped: true },
  ],
  problem_count: 4,
  new_names: ["Laura Rossi", "Kenji Sato", "Omar Haddad"],
});
const done: ContactImportReport = contactReport({ format: "linkedin_csv", added: 312, merged: 41, skipped: 3 });

let backend: FakeBackend;

const text = (testid: string) => screen.getByTestId(testid).textContent?.replace(/\s+/g, " ").trim();
const imported = () => backend.calls.filter((c) => c.cmd === "import_contacts");
const deferred = <T,>() => {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((res) => (resolve = res));
  return { promise, resolve };
};

function mount(contacts: Partial<FakeContacts> = {}, init: Partial<FakeBackend> = {}) {
  backend = installFakeBackend(init);
  installFakeContacts(backend, { preview: () => preview, importContacts: () => done, ...contacts });
  const onclose = vi.fn();
  const onimported = vi.fn();
  render(ContactImport, { props: { open: true, onclose, onimported } });
  return { onclose, onimported };
}

async function typePath(path = PATH) {
  await fireEvent.click(screen.getByTestId("contacts-path-open"));
  await fireEvent.input(screen.getByTestId("contacts-path"), { target: { value: path } });
  await fireEvent.click(screen.getByTestId("contacts-path-submit"));
}

beforeEach(() => {
  // Directly, not by cancel(): an import a failed test left writing would refuse it.
  contactImport.state = { phase: "idle", path: null, preview: null, report: null, error: null };
});

describe("ContactImport: preview", () => {
  it("shows nothing while closed", () => {
    installFakeBackend();
    render(ContactImport, { props: { open: false, onclose: () => {} } });
    expect(screen.queryByTestId("contacts-dialog")).toBeNull();
  });

  it("starts with the file choice and says nothing is written before the preview", () => {
    mount();
    expect(screen.getByRole("dialog", { name: "Import contacts" })).toBeTruthy();
    expect(text("contacts-choose")).toBe("Choose a file…");
    expect(text("contacts-path-open")).toBe("…or type a file path");
    expect(screen.getByText(/You will see what would change before anything is written/)).toBeTruthy();
    expect(screen.queryByTestId("contacts-preview")).toBeNull();
  });

  it("previews a typed path: format, counts, matches, problems and new names, without importing", async () => {
    mount();
    await typePath();

    const panel = await screen.findByTestId("contacts-preview");
    expect(backend.calls.find((c) => c.cmd === "preview_contacts")?.args).toEqual({ path: PATH });
    expect(imported()).toHaveLength(0);
    expect(panel.textContent).toContain("Nothing has been written yet");
    expect(text("preview-format")).toBe("LinkedIn connections from Connections.csv");
    expect(text("preview-summary")).toBe(
      "312 new people, 41 match people you already have and will be merged, 3 rows have problems.",
    );
    expect(text("preview-new")).toBe("312 new people");
    expect(text("preview-merged")).toBe("41 match people you already have and will be merged");
    expect(text("preview-skipped")).toBe("3 rows have problems");

    expect(screen.getAllByTestId("preview-match").map((li) => li.textContent)).toEqual([
      "Ana Sanchez (line 14) → Ana Sánchez, same email",
      "Wei Zhang (line 29) → Wei Zhang, same name and institution",
    ]);
    expect(panel.textContent).toContain("The first 2 of 41 are shown.");
    expect(screen.getAllByTestId("preview-problem").map((li) => li.textContent?.replace(/\s+/g, " ").trim())).toEqual([
      "⚠ Line 12: no name or email. Skipped.",
      "⚠ Line 40: EMAIL “ana(at)x.org” is not an e-mail address; the card was imported without it.",
      "⚠ Line 88: Unclosed quote. Skipped.",
    ]);
    expect(panel.textContent).toContain("The first 3 of 4 are shown.");
    expect(text("preview-new-names")).toBe("Laura Rossi, Kenji Sato, Omar Haddad, and 309 more.");

    const confirm = screen.getByTestId("contacts-confirm");
    expect(confirm.textContent?.trim()).toBe("Import 353 contacts");
    expect(document.activeElement).toBe(confirm);
    expect(text("contacts-cancel")).toBe("Cancel");
  });

  it("names vCard and CSV files in words too, and has nothing to import when every row is a problem", async () => {
    mount({ preview: () => contactPreview({ file: "/home/doc/contacts.vcf", format: "vcard", new: 0, merged: 0, skipped: 1, problems: [{ line: 3, reason: "no name", skipped: true }], problem_count: 1 }) });
    await typePath("/home/doc/contacts.vcf");
    await screen.findByTestId("contacts-preview");
    expect(text("preview-format")).toBe("vCard from contacts.vcf");
    expect(text("preview-skipped")).toBe("1 row has problems");
    expect(screen.queryAllByTestId("preview-match")).toHaveLength(0);
    const confirm = screen.getByTestId("contacts-confirm") as HTMLButtonElement;
    expect(confirm.textContent?.trim()).toBe("Nothing to import");
    expect(confirm.disabled).toBe(true);
  });

  it("previews the file the OS dialog picked", async () => {
    mount({ preview: (path) => contactPreview({ file: path, format: "csv", new: 4 }) }, { dialogPath: "/home/doc/people.csv" });
    await fireEvent.click(screen.getByTestId("contacts-choose"));
    await screen.findByTestId("contacts-preview");
    expect(backend.calls.find((c) => c.cmd === "preview_contacts")?.args).toEqual({ path: "/home/doc/people.csv" });
    expect(text("preview-format")).toBe("CSV from people.csv");
    expect(text("contacts-confirm")).toBe("Import 4 contacts");
  });
});

describe("ContactImport: import", () => {
  it("imports the previewed path when confirmed, busy and kept open meanwhile, then reports", async () => {
    const writing = deferred<ContactImportReport>();
    const { onclose, onimported } = mount({ importContacts: () => writing.promise });
    await typePath();
    await fireEvent.click(await screen.findByTestId("contacts-confirm"));

    await waitFor(() => expect(imported()).toHaveLength(1));
    expect(imported()[0]?.args).toEqual({ path: PATH });
    expect(text("contacts-busy")).toBe("Importing Connections.csv… Keep this window open.");
    const confirm = screen.getByTestId("contacts-confirm") as HTMLButtonElement;
    expect(confirm.textContent?.trim()).toBe("Importing…");
    expect(confirm.disabled).toBe(true);
    expect(confirm.getAttribute("aria-busy")).toBe("true");
    expect((screen.getByTestId("contacts-cancel") as HTMLButtonElement).disabled).toBe(true);
    // Esc while writing: the dialog stays.
    await fireEvent.keyDown(document.activeElement ?? document.body, { key: "Escape" });
    expect(onclose).not.toHaveBeenCalled();
    expect(screen.getByTestId("contacts-preview")).toBeTruthy();

    writing.resolve(done);
    expect((await screen.findByTestId("contacts-report")).textContent).toBe("Added 312 people, merged 41, skipped 3.");
    expect(onimported).toHaveBeenCalledExactlyOnceWith(done);
    const close = screen.getByTestId("contacts-close");
    expect(document.activeElement).toBe(close);
    await fireEvent.click(close);
    expect(onclose).toHaveBeenCalledOnce();
    expect(contactImport.state.phase).toBe("idle");
  });

  it("says which file and line could not be read, and offers the file choice again", async () => {
    const broken: CommandError = { kind: "import", message: "unclosed quote", file: PATH, line: 12 };
    mount({
      preview: () => {
        throw broken;
      },
    });
    await typePath();
    expect((await screen.findByTestId("contacts-error")).textContent).toBe(
      "Connections.csv, line 12: unclosed quote. Nothing was imported.",
    );
    expect(screen.getByTestId("contacts-error").getAttribute("role")).toBe("alert");
    expect(screen.queryByTestId("contacts-preview")).toBeNull();
    expect(document.activeElement).toBe(screen.getByTestId("contacts-choose"));
    expect(imported()).toHaveLength(0);
  });

  it("says why an import failed after the preview", async () => {
    const { onimported } = mount({
      importContacts: () => {
        throw { kind: "io", message: "permission denied" } satisfies CommandError;
      },
    });
    await typePath();
    await fireEvent.click(await screen.findByTestId("contacts-confirm"));
    expect((await screen.findByTestId("contacts-error")).textContent).toBe(
      "Could not read Connections.csv: permission denied. Nothing was imported.",
    );
    expect(onimported).not.toHaveBeenCalled();
  });
});

describe("ContactImport: cancel", () => {
  it("Cancel on the preview closes and writes nothing", async () => {
    const { onclose, onimported } = mount();
    await typePath();
    await screen.findByTestId("contacts-preview");
    await fireEvent.click(screen.getByTestId("contacts-cancel"));
    expect(onclose).toHaveBeenCalledOnce();
    expect(onimported).not.toHaveBeenCalled();
    expect(imported()).toHaveLength(0);
    expect(contactImport.state.phase).toBe("idle");
  });

  it("Esc on the preview closes and writes nothing", async () => {
    const { onclose } = mount();
    await typePath();
    await screen.findByTestId("contacts-preview");
    await fireEvent.keyDown(document.activeElement ?? document.body, { key: "Escape" });
    expect(onclose).toHaveBeenCalledOnce();
    expect(imported()).toHaveLength(0);
  });

  it("Cancel while the file is still being read drops the preview", async () => {
    const reading = deferred<ContactPreview>();
    const { onclose } = mount({ preview: () => reading.promise });
    await typePath();
    expect(text("contacts-reading")).toBe("Reading Connections.csv…");
    await fireEvent.click(screen.getByTestId("contacts-cancel"));
    expect(onclose).toHaveBeenCalledOnce();
    reading.resolve(preview);
    await new Promise((r) => setTimeout(r, 0));
    expect(contactImport.state.phase).toBe("idle");
    expect(imported()).toHaveLength(0);
  });
});
