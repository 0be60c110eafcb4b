// Why: WebKitGTK's date field garbles an ISO date typed key by key; DateInput must end up with the
// date that was typed, and still pass on ordinary picker changes.
import { describe, expect, it, vi } from "vitest";
import { fireEvent, render, screen } from "@testing-library/svelte";
import DateInput from "./DateInput.svelte";

async function typeKeys(el: HTMLElement, text: string) {
  for (const key of text) {
    await fireEvent.keyDown(el, { key });
    await fireEvent.input(el); // the engine edits a segment: here the value stays as it was
    await fireEvent.keyUp(el, { key });
  }
}

describe("DateInput", () => {
  it("takes a whole ISO date typed key by key", async () => {
    const onvalue = vi.fn();
    render(DateInput, { props: { value: "", onvalue, "data-testid": "d" } });
    const el = screen.getByTestId("d") as HTMLInputElement;
    await fireEvent.focus(el);
    await typeKeys(el, "2026-12-05");
    expect(el.value).toBe("2026-12-05");
    expect(onvalue).toHaveBeenLastCalledWith("2026-12-05");
  });

  it("ignores typed text that is not a real day", async () => {
    const onvalue = vi.fn();
    render(DateInput, { props: { value: "", onvalue, "data-testid": "d" } });
    const el = screen.getByTestId("d") as HTMLInputElement;
    await fireEvent.focus(el);
    await typeKeys(el, "2026-02-30");
    expect(onvalue).not.toHaveBeenCalledWith("2026-02-30");
  });

  it("reports picker and script changes as they are", async () => {
    const onvalue = vi.fn();
    render(DateInput, { props: { value: "2026-12-05", onvalue, "data-testid": "d" } });
    const el = screen.getByTestId("d") as HTMLInputElement;
    await fireEvent.change(el, { target: { value: "2026-12-09" } });
    expect(onvalue).toHaveBeenLastCalledWith("2026-12-09");
  });
});
