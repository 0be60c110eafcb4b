// Why: the contacts import must say exactly what it would do before writing, and write only the
// file it previewed. These pin the wording (counts, matches, problems, report, errors with file and
// line) and drive the store through the fake backend: preview, confirm, cancel, the file dialog.
import { beforeEach, describe, expect, it, vi } from "vitest";
import {
  confirmLabel,
  contactErrorText,
  contactImport,
  matchText,
  previewSummaryText,
  problemText,
  reportText,
  shownOfText,
  sourceText,
} from "./contact-import.svelte";
import type { CommandError, ContactImportReport, ContactPreview } from "./bindings";
import { contactPreview, contactReport, installFakeBackend, installFakeContacts } from "../testing/fake-backend";

const deferred = <T,>() => {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((res) => (resolve = res));
  return { promise, resolve };
};

beforeEach(() => {
  // Directly, not by cancel(): an import a failed test left writing would refuse it.
  contactImport.state = { phase: "idle", path: null, preview: null, report: null, error: null };
});

describe("contact import wording", () => {
  it("counts new people, merges and problems in one sentence, singular or plural", () => {
    expect(previewSummaryText({ new: 312, merged: 41, skipped: 3 })).toBe(
      "312 new people, 41 match people you already have and will be merged, 3 rows have problems.",
    );
    expect(previewSummaryText({ new: 1, merged: 1, skipped: 1 })).toBe(
      "1 new person, 1 matches someone you already have and will be merged, 1 row has problems.",
    );
    expect(previewSummaryText({ new: 12000, merged: 0, skipped: 0 })).toBe(
      "12,000 new people, 0 match people you already have and will be merged, 0 rows have problems.",
    );
  });

  it("labels the confirm button with what will be added or merged", () => {
    expect(confirmLabel({ new: 312, merged: 41 })).toBe("Import 353 contacts");
    expect(confirmLabel({ new: 0, merged: 1 })).toBe("Import 1 contact");
    expect(confirmLabel({ new: 0, merged: 0 })).toBe("Nothing to import");
  });

  it("names each match with its line and why it matched", () => {
    const m = { line: 14, name: "Ana Sanchez", existing_id: 3, existing_name: "Ana Sánchez" };
    expect(matchText({ ...m, matched_by: "email" })).toBe("Ana Sanchez (line 14) → Ana Sánchez, same email");
    expect(matchText({ ...m, matched_by: "linkedin" })).toBe("Ana Sanchez (line 14) → Ana Sánchez, same LinkedIn profile");
    expect(matchText({ ...m, matched_by: "name_and_institution" })).toBe(
      "Ana Sanchez (line 14) → Ana Sánchez, same name and institution",
    );
    expect(matchText({ ...m, matched_by: "name_and_phone" })).toBe("Ana Sanchez (line 14) → Ana Sánchez, same name and phone");
    expect(matchText({ ...m, matched_by: "same_source" })).toBe(
      "Ana Sanchez (line 14) → Ana Sánchez, same card or row as an earlier import",
    );
  });

  it("gives each problem its line and reason as a sentence", () => {
    expect(problemText({ line: 12, reason: "no name or email", skipped: true })).toBe("Line 12: no name or email. Skipped.");
    expect(problemText({ line: 1204, reason: "Unclosed quote.", skipped: true })).toBe("Line 1,204: Unclosed quote. Skipped.");
    expect(problemText({ line: 7, reason: "EMAIL “x” is not an e-mail address; the card was imported without it", skipped: false })).toBe(
      "Line 7: EMAIL “x” is not an e-mail address; the card was imported without it.",
    );
  });

  it("names the format in words and the file without its folder", () => {
    expect(sourceText({ file: "/home/doc/Downloads/Connections.csv", format: "linkedin_csv" })).toBe(
      "LinkedIn connections from Connections.csv",
    );
    expect(sourceText({ file: "C:\\Users\\doc\\contacts.vcf", format: "vcard" })).toBe("vCard from contacts.vcf");
    expect(sourceText({ file: "people.csv", format: "csv" })).toBe("CSV from people.csv");
  });

  it("says when only the first few of a list are shown", () => {
    expect(shownOfText(50, 341)).toBe("The first 50 of 341 are shown.");
    expect(shownOfText(3, 3)).toBe("");
  });

  it("reports what the import did", () => {
    expect(reportText({ format: "vcard", added: 312, merged: 41, skipped: 3 })).toBe("Added 312 people, merged 41, skipped 3.");
    expect(reportText({ format: "csv", added: 1, merged: 0, skipped: 0 })).toBe("Added 1 person, merged 0, skipped 0.");
  });

  it("says which file and line could not be read, and that nothing was imported", () => {
    const broken: CommandError = { kind: "import", message: "unclosed quote", file: "/home/doc/Connections.csv", line: 12 };
    expect(contactErrorText(broken, "/home/doc/Connections.csv")).toBe(
      "Connections.csv, line 12: unclosed quote. Nothing was imported.",
    );
    expect(contactErrorText({ ...broken, line: null, message: "Not a contacts file." }, null)).toBe(
      "Connections.csv: Not a contacts file. Nothing was imported.",
    );
    expect(contactErrorText({ kind: "io", message: "permission denied" }, "/home/doc/card.vcf")).toBe(
      "Could not read card.vcf: permission denied. Nothing was imported.",
    );
    expect(contactErrorText({ kind: "storage", message: "disk full" }, "/x.csv")).toBe(
      "The database could not be read or written: disk full. Nothing was imported.",
    );
  });
});

describe("contactImport store", () => {
  const preview: ContactPreview = contactPreview({ file: "/home/doc/Connections.csv", new: 2, merged: 1, skipped: 0 });
  const done: ContactImportReport = contactReport({ added: 2, merged: 1 });

  it("previews without importing, then imports the very path it previewed and tells the listeners", async () => {
    const backend = installFakeBackend();
    installFakeContacts(backend, { preview: () => preview, importContacts: () => done });
    const heard = vi.fn();
    const stop = contactImport.onImported(heard);

    const shown = await contactImport.preview("/home/doc/Connections.csv");
    expect(shown).toEqual({ status: "ok", data: preview });
    expect(contactImport.state).toMatchObject({ phase: "preview", path: "/home/doc/Connections.csv", preview });
    expect(backend.calls.map((c) => c.cmd)).toEqual(["preview_contacts"]);

    const res = await contactImport.confirm();
    expect(res).toEqual({ status: "ok", data: done });
    expect(backend.calls.at(-1)).toEqual({ cmd: "import_contacts", args: { path: "/home/doc/Connections.csv" } });
    expect(contactImport.state).toMatchObject({ phase: "done", report: done, error: null });
    expect(heard).toHaveBeenCalledExactlyOnceWith(done);

    stop();
    await contactImport.preview("/home/doc/Connections.csv");
    await contactImport.confirm();
    expect(heard).toHaveBeenCalledTimes(1);
  });

  it("does not import without a preview", async () => {
    const backend = installFakeBackend();
    installFakeContacts(backend);
    expect(await contactImport.confirm()).toBeNull();
    expect(backend.calls).toEqual([]);
  });

  it("drops a preview cancelled while it was being read, and writes nothing", async () => {
    const backend = installFakeBackend();
    const slow = deferred<ContactPreview>();
    installFakeContacts(backend, { preview: () => slow.promise });
    const reading = contactImport.preview("/home/doc/big.vcf");
    expect(contactImport.state.phase).toBe("previewing");
    expect(contactImport.cancel()).toBe(true);
    slow.resolve(preview);
    expect(await reading).toBeNull();
    expect(contactImport.state.phase).toBe("idle");
    expect(backend.calls.some((c) => c.cmd === "import_contacts")).toBe(false);
  });

  it("cannot be cancelled while the import writes", async () => {
    const backend = installFakeBackend();
    const writing = deferred<ContactImportReport>();
    installFakeContacts(backend, { preview: () => preview, importContacts: () => writing.promise });
    await contactImport.preview("/home/doc/Connections.csv");
    const importing = contactImport.confirm();
    expect(contactImport.state.phase).toBe("importing");
    expect(contactImport.busy).toBe(true);
    expect(contactImport.cancel()).toBe(false);
    writing.resolve(done);
    await importing;
    expect(contactImport.state.phase).toBe("done");
  });

  it("keeps the backend's error, and says it with file and line", async () => {
    const backend = installFakeBackend();
    const broken: CommandError = { kind: "import", message: "unclosed quote", file: "/home/doc/Connections.csv", line: 12 };
    installFakeContacts(backend, {
      preview: () => {
        throw broken;
      },
    });
    const res = await contactImport.preview("/home/doc/Connections.csv");
    expect(res).toEqual({ status: "error", error: broken });
    expect(contactImport.state).toMatchObject({ phase: "error", error: broken, preview: null });
    expect(contactImport.errorText).toBe("Connections.csv, line 12: unclosed quote. Nothing was imported.");
  });

  it("asks the OS for a contacts file with the contacts filters, then previews it", async () => {
    const backend = installFakeBackend({ dialogPath: "/home/doc/contacts.vcf" });
    installFakeContacts(backend, { preview: (path) => contactPreview({ file: path, format: "vcard", new: 5 }) });
    expect(await contactImport.choose()).toBe("/home/doc/contacts.vcf");
    const dialog = backend.calls.find((c) => c.cmd === "plugin:dialog|open");
    expect(dialog?.args).toMatchObject({
      options: {
        multiple: false,
        filters: [
          { name: "Contacts", extensions: ["csv", "vcf", "vcard", "txt"] },
          { name: "All files", extensions: ["*"] },
        ],
      },
    });
    expect(backend.calls.find((c) => c.cmd === "preview_contacts")?.args).toEqual({ path: "/home/doc/contacts.vcf" });
    expect(contactImport.state).toMatchObject({ phase: "preview", preview: { format: "vcard", new: 5 } });
  });

  it("does nothing when the file dialog is closed", async () => {
    const backend = installFakeBackend({ dialogPath: null });
    installFakeContacts(backend);
    expect(await contactImport.choose()).toBeNull();
    expect(backend.calls.map((c) => c.cmd)).toEqual(["plugin:dialog|open"]);
    expect(contactImport.state.phase).toBe("idle");
  });
});
