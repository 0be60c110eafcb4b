// Why: the form must put the backend's words next to the right field, wired for screen readers,
// both while typing (validateCongress) and after Save (createCongress answering "invalid").
import { describe, expect, it, vi } from "vitest";
import { fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import CongressForm from "./CongressForm.svelte";
import { congress, installFakeBackend } from "../testing/fake-backend";
import { congresses } from "../lib/congresses.svelte";

const END_BEFORE_START = "The congress cannot end before it starts.";

describe("CongressForm", () => {
  it("shows validateCongress problems next to the field as the user types", async () => {
    const backend = installFakeBackend({
      validate: (d) =>
        d.ends_on && d.starts_on && d.ends_on < d.starts_on ? [{ field: "ends_on", message: END_BEFORE_START }] : [],
    });
    render(CongressForm, { props: { congress: null, onclose: () => {} } });

    await fireEvent.input(screen.getByTestId("field-starts_on"), { target: { value: "2026-12-08" } });
    const ends = screen.getByTestId("field-ends_on");
    await fireEvent.input(ends, { target: { value: "2026-12-05" } });

    const error = await screen.findByTestId("error-ends_on");
    expect(error.textContent).toContain(END_BEFORE_START);
    expect(ends.getAttribute("aria-invalid")).toBe("true");
    expect(ends.getAttribute("aria-describedby")).toBe(error.id);
    // The message sits in the ends field's own block, next to its input.
    expect(ends.closest(".field")?.contains(error)).toBe(true);
    expect(screen.queryByTestId("error-starts_on")).toBeNull();
    const lastCheck = backend.calls.filter((c) => c.cmd === "validate_congress").at(-1);
    expect(lastCheck?.args.draft).toMatchObject({ starts_on: "2026-12-08", ends_on: "2026-12-05" });

    // Fixing the date clears the message.
    await fireEvent.change(ends, { target: { value: "2026-12-10" } });
    await waitFor(() => expect(screen.queryByTestId("error-ends_on")).toBeNull());
    expect(ends.getAttribute("aria-invalid")).toBe("false");
  });

  it("does not complain about empty fields the user has not reached", async () => {
    installFakeBackend({ validate: (d) => (d.name ? [] : [{ field: "name", message: "A congress needs a name." }]) });
    render(CongressForm, { props: { congress: null, onclose: () => {} } });
    await fireEvent.input(screen.getByTestId("field-city"), { target: { value: "Milan" } });
    await new Promise((r) => setTimeout(r, 250));
    expect(screen.queryByTestId("error-name")).toBeNull();
  });

  it("shows the server's problems after Save and keeps the dialog open", async () => {
    const backend = installFakeBackend({
      saveError: {
        kind: "invalid",
        message: "invalid congress",
        problems: [{ field: "time_zone", message: "Mars/Olympus is not a time zone." }],
      },
    });
    const onclose = vi.fn();
    render(CongressForm, { props: { congress: null, onclose } });
    await fireEvent.input(screen.getByTestId("field-time_zone"), { target: { value: "Mars/Olympus" } });
    await fireEvent.click(screen.getByTestId("save-congress"));

    const error = await screen.findByTestId("error-time_zone");
    expect(error.textContent).toContain("Mars/Olympus is not a time zone.");
    const field = screen.getByTestId("field-time_zone");
    expect(field.getAttribute("aria-describedby")?.split(" ")).toContain(error.id);
    expect(document.activeElement).toBe(field);
    expect(onclose).not.toHaveBeenCalled();
    expect(backend.calls.some((c) => c.cmd === "create_congress")).toBe(true);
  });

  it("edits an existing congress and closes after saving", async () => {
    const ash = congress();
    const backend = installFakeBackend({ congresses: [ash] });
    await congresses.load();
    const onclose = vi.fn();
    render(CongressForm, { props: { congress: ash, onclose } });

    expect((screen.getByTestId("field-name") as HTMLInputElement).value).toBe(ash.name);
    expect((screen.getByTestId("field-hashtags") as HTMLInputElement).value).toBe("#ASH26");
    await fireEvent.input(screen.getByTestId("field-city"), { target: { value: "Orlando" } });
    // Checks while editing tell the backend which congress this is (so it is not its own duplicate).
    await waitFor(() =>
      expect(backend.calls.filter((c) => c.cmd === "validate_congress").at(-1)?.args).toMatchObject({
        editing: ash.id,
        draft: { city: "Orlando" },
      }),
    );
    await fireEvent.click(screen.getByTestId("save-congress"));

    await waitFor(() => expect(onclose).toHaveBeenCalled());
    const update = backend.calls.find((c) => c.cmd === "update_congress");
    expect(update?.args).toMatchObject({ id: ash.id, draft: { city: "Orlando", name: ash.name } });
    expect(congresses.list.find((c) => c.id === ash.id)?.city).toBe("Orlando");
  });
});
