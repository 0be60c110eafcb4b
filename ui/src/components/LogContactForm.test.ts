// Why: logging a contact must stay one step wherever the form stands (a person's page, the
// check-ins list). These pin what it sends, that Enter logs, that a day to come is refused under
// the day field, and that after logging the form is ready for the next one and the caller hears.
import { describe, expect, it, vi } from "vitest";
import { fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import LogContactForm from "./LogContactForm.svelte";
import { congress, installFakeBackend, person } from "../testing/fake-backend";
import { installFakePersonRelations } from "../testing/fake-person-relations";
import { congresses } from "../lib/congresses.svelte";
import { text } from "../testing/screens";

const ana = person({ id: 1, display_name: "Ana Sánchez" });

function stand() {
  const backend = installFakeBackend({ people: [ana], congresses: [congress({ id: 1, short_name: "ASH 2026" })] });
  const fake = installFakePersonRelations(backend, { today: "2026-12-07" });
  return { backend, fake };
}

const logged = (backend: ReturnType<typeof stand>["backend"]) => backend.calls.filter((c) => c.cmd === "log_contact").map((c) => c.args.draft);

describe("LogContactForm", () => {
  it("logs how, the day (today unless changed) and the note, with Enter, then starts over", async () => {
    const { backend } = stand();
    const onlogged = vi.fn();
    render(LogContactForm, { props: { personId: 1, today: "2026-12-07", onlogged, personName: "Ana Sánchez" } });
    expect(screen.getByRole("form", { name: "Log contact with Ana Sánchez" })).toBeTruthy();
    expect((screen.getByLabelText("Day") as HTMLInputElement).value).toBe("2026-12-07");
    expect((screen.getByLabelText("How") as HTMLSelectElement).value).toBe("email");
    expect(Array.from((screen.getByLabelText("How") as HTMLSelectElement).options).map((o) => o.text)).toEqual([
      "Met",
      "Email",
      "Call",
      "Video call",
      "Message",
    ]);

    await fireEvent.change(screen.getByTestId("log-contact-kind"), { target: { value: "call" } });
    await fireEvent.input(screen.getByTestId("log-contact-day"), { target: { value: "2026-12-05" } });
    const note = screen.getByTestId("log-contact-note");
    await fireEvent.input(note, { target: { value: " Talked about the MRD trial " } });
    await fireEvent.submit(note.closest("form") as HTMLFormElement); // what Enter in the field does

    await waitFor(() => expect(onlogged).toHaveBeenCalledOnce());
    expect(logged(backend)).toEqual([{ person_id: 1, kind: "call", on_day: "2026-12-05", congress_id: null, note: "Talked about the MRD trial" }]);
    expect(onlogged.mock.calls[0]?.[0]).toMatchObject({ kind: "call", on_day: "2026-12-05" });
    expect(text(screen.getByTestId("log-contact-done"))).toBe("Logged: call on 5 Dec.");
    expect((note as HTMLInputElement).value).toBe("");
    expect((screen.getByTestId("log-contact-day") as HTMLInputElement).value).toBe("2026-12-07");
    expect((screen.getByTestId("log-contact-kind") as HTMLSelectElement).value).toBe("call");
  });

  it("says under the day that a day to come cannot be logged, and keeps what was typed", async () => {
    const { backend } = stand();
    const onlogged = vi.fn();
    render(LogContactForm, { props: { personId: 1, today: "2026-12-07", onlogged } });
    const day = screen.getByTestId("log-contact-day");
    await fireEvent.input(day, { target: { value: "2026-12-09" } });
    await fireEvent.input(screen.getByTestId("log-contact-note"), { target: { value: "Lunch" } });
    await fireEvent.click(screen.getByTestId("log-contact-submit"));

    const error = await screen.findByTestId("log-contact-day-error");
    expect(text(error)).toBe("!2026-12-09 is in the future (today is 2026-12-07): log a contact once it has happened.");
    expect(day.getAttribute("aria-invalid")).toBe("true");
    expect(day.getAttribute("aria-describedby")).toBe(error.id);
    expect((screen.getByTestId("log-contact-note") as HTMLInputElement).value).toBe("Lunch");
    expect(onlogged).not.toHaveBeenCalled();
    expect(logged(backend)).toHaveLength(1);

    // Fixing the day clears the problem, and the contact logs.
    await fireEvent.input(day, { target: { value: "2026-12-06" } });
    expect(screen.queryByTestId("log-contact-day-error")).toBeNull();
    await fireEvent.click(screen.getByTestId("log-contact-submit"));
    await waitFor(() => expect(onlogged).toHaveBeenCalledOnce());
  });

  it("ties the contact to the congress under way unless unticked", async () => {
    const { backend } = stand();
    await congresses.load();
    render(LogContactForm, { props: { personId: 1, today: "2026-12-07", congressId: 1, onlogged: () => {} } });
    const tie = screen.getByTestId("log-contact-at-congress") as HTMLInputElement;
    expect(tie.checked).toBe(true);
    expect(text(tie.closest("label"))).toBe("At ASH 2026");
    await fireEvent.change(screen.getByTestId("log-contact-kind"), { target: { value: "met" } });
    await fireEvent.click(screen.getByTestId("log-contact-submit"));
    await waitFor(() => expect(logged(backend)).toHaveLength(1));
    expect(logged(backend)[0]).toMatchObject({ kind: "met", congress_id: 1 });

    await fireEvent.click(tie);
    await fireEvent.click(screen.getByTestId("log-contact-submit"));
    await waitFor(() => expect(logged(backend)).toHaveLength(2));
    expect(logged(backend)[1]).toMatchObject({ congress_id: null });
  });
});
