// Why: what I gave someone is what the next message can build on. These pin the list (kind, day,
// note, a title that opens its link after asking), the add dialog with each problem under its
// field and nothing typed lost, delete that asks first, a row starting a check-in that offers it,
// and the empty state.
import { describe, expect, it } from "vitest";
import { fireEvent, screen, waitFor, within } from "@testing-library/svelte";
import { answerCommands, person } from "../../../testing/fake-backend";
import { given } from "../../../testing/fake-person-relations";
import { callsOf, openPersonPanel } from "../../../testing/person-panel";
import { text } from "../../../testing/screens";

const ana = person({ id: 1, display_name: "Ana Sánchez" });
const TODAY = "2026-12-07";

const items = (page: HTMLElement) => within(page).queryAllByTestId("given-item");

describe("Value given", () => {
  it("lists each with kind, day and note; a title with a link opens it after asking", async () => {
    const { page, backend } = await openPersonPanel([ana], {
      today: TODAY,
      given: [
        given({ id: 1, kind: "article", title: "MRD in myeloma", url: "https://doi.org/10.1/mrd", on_day: "2026-11-02", note: "She asked at ASH" }),
        given({ id: 2, kind: "recommendation", title: "Letter for the young investigator award", on_day: "2025-05-20" }),
      ],
    });
    answerCommands(backend, ["open_link"], () => null);
    const [paper, letter] = items(page) as [HTMLElement, HTMLElement];
    expect(text(paper.querySelector(".meta"))).toBe("Article · 2 Nov 2026");
    expect(text(paper.querySelector(".note"))).toBe("She asked at ASH");
    expect(text(letter)).toContain("Letter for the young investigator award");
    expect(text(letter.querySelector(".meta"))).toBe("Recommendation · 20 May 2025");
    expect(within(letter).queryByTestId("link-open")).toBeNull();

    const link = within(paper).getByTestId("link-open");
    expect(text(link)).toBe("MRD in myeloma");
    expect(link.getAttribute("title")).toBe("https://doi.org/10.1/mrd");
    await fireEvent.click(link);
    const confirm = await screen.findByTestId("confirm-dialog");
    expect(text(within(confirm).getByTestId("confirm-message"))).toBe("Hallway will open https://doi.org/10.1/mrd in your browser.");
    await fireEvent.click(within(confirm).getByTestId("confirm-ok"));
    await waitFor(() => expect(callsOf(backend, "open_link")).toEqual([{ url: "https://doi.org/10.1/mrd" }]));
  });

  it("adds one, saying each problem under its field and keeping what was typed", async () => {
    const { page, backend } = await openPersonPanel([ana], { today: TODAY });
    await fireEvent.click(within(page).getByTestId("given-add"));
    const dialog = await screen.findByTestId("given-dialog");
    expect(text(within(dialog).getByRole("heading"))).toBe("What you gave Ana Sánchez");
    expect(Array.from((within(dialog).getByLabelText("Kind") as HTMLSelectElement).options).map((o) => o.text)).toEqual([
      "Article",
      "Abstract",
      "Dataset",
      "Recommendation",
      "Invitation",
      "Other",
    ]);
    expect((within(dialog).getByLabelText("Day") as HTMLInputElement).value).toBe(TODAY);
    await waitFor(() => expect(document.activeElement).toBe(within(dialog).getByLabelText("Title")));

    // No title: said before anything is sent.
    await fireEvent.click(within(dialog).getByTestId("given-save"));
    expect(text(await within(dialog).findByTestId("given-title-error"))).toBe("!Say what it was, e.g. the article's title.");
    expect(callsOf(backend, "add_given")).toEqual([]);

    // The core refuses a link that is not a web address and a day to come, each under its field.
    await fireEvent.change(within(dialog).getByLabelText("Kind"), { target: { value: "dataset" } });
    await fireEvent.input(within(dialog).getByLabelText("Title"), { target: { value: "Cohort response data" } });
    expect(within(dialog).queryByTestId("given-title-error")).toBeNull();
    await fireEvent.input(within(dialog).getByLabelText("Link (optional)"), { target: { value: "ftp://lab/data" } });
    await fireEvent.input(within(dialog).getByTestId("given-day"), { target: { value: "2026-12-20" } });
    await fireEvent.click(within(dialog).getByTestId("given-save"));
    expect(text(await within(dialog).findByTestId("given-url-error"))).toBe("!“ftp://lab/data” is not a web address (https://…).");
    expect(text(within(dialog).getByTestId("given-day-error"))).toBe("!2026-12-20 is in the future (today is 2026-12-07).");
    expect(within(dialog).getByLabelText("Link (optional)").getAttribute("aria-describedby")).toBe(
      within(dialog).getByTestId("given-url-error").id,
    );
    expect((within(dialog).getByLabelText("Title") as HTMLInputElement).value).toBe("Cohort response data");

    await fireEvent.input(within(dialog).getByLabelText("Link (optional)"), { target: { value: "https://lab.example/data" } });
    await fireEvent.input(within(dialog).getByTestId("given-day"), { target: { value: "2026-12-01" } });
    await fireEvent.input(within(dialog).getByLabelText("Note (optional)"), { target: { value: "For the joint abstract" } });
    await fireEvent.click(within(dialog).getByTestId("given-save"));
    await waitFor(() => expect(screen.queryByTestId("given-dialog")).toBeNull());
    expect(callsOf(backend, "add_given").at(-1)).toEqual({
      draft: { person_id: 1, kind: "dataset", title: "Cohort response data", url: "https://lab.example/data", on_day: "2026-12-01", note: "For the joint abstract" },
    });
    await waitFor(() => expect(items(page)).toHaveLength(1));
    expect(text(items(page)[0]?.querySelector(".meta"))).toBe("Dataset · 1 Dec 2026");
  });

  it("asks before deleting one", async () => {
    const { page, backend } = await openPersonPanel([ana], {
      today: TODAY,
      given: [given({ id: 5, kind: "invitation", title: "Grand rounds talk", on_day: "2026-10-01" })],
    });
    await fireEvent.click(within(page).getByTestId("given-delete"));
    const confirm = await screen.findByTestId("confirm-dialog");
    expect(text(within(confirm).getByTestId("confirm-message"))).toBe(
      "“Grand rounds talk” (invitation, 1 Oct 2026) is deleted from what you gave Ana Sánchez, for good.",
    );
    expect(document.activeElement).toBe(within(confirm).getByTestId("confirm-cancel"));
    await fireEvent.click(within(confirm).getByTestId("confirm-ok"));
    await waitFor(() => expect(items(page)).toHaveLength(0));
    expect(callsOf(backend, "delete_given")).toEqual([{ id: 5 }]);
  });

  it("starts a check-in that offers the item of its row", async () => {
    const { page, backend } = await openPersonPanel([ana], {
      today: TODAY,
      given: [given({ id: 7, title: "MRD in myeloma" }), given({ id: 8, title: "Another paper", on_day: "2026-12-01" })],
    });
    const row = items(page).find((r) => text(r)?.includes("MRD in myeloma")) as HTMLElement;
    await fireEvent.click(within(row).getByTestId("given-offer"));
    const dialog = await screen.findByTestId("check-in-draft-dialog");
    expect((within(dialog).getByTestId("check-in-offer") as HTMLSelectElement).value).toBe("7");
    await waitFor(() => expect((within(dialog).getByTestId("check-in-draft-text") as HTMLTextAreaElement).value).toContain("MRD in myeloma"));
    expect(callsOf(backend, "get_check_in_draft")).toEqual([{ personId: 1, given: 7 }]);
  });

  it("says what the log is for when it is empty", async () => {
    const { page } = await openPersonPanel([ana], { today: TODAY });
    expect(text(within(page).getByTestId("value-given"))).toContain(
      "Nothing logged yet. Note the articles, data, recommendations or invitations you share with Ana Sánchez, so the next check-in offers something new.",
    );
  });
});
