// Why: the tab strip every view switcher uses (People, Meetings, Follow-ups) is Bits UI's tabs with
// Hallway's ids, counts and panel: this checks the ARIA wiring and that the arrow keys, Home and
// End select and focus the next tab, as the tabs pattern asks.
import { describe, expect, it, vi } from "vitest";
import { fireEvent, render, screen } from "@testing-library/svelte";
import Tabs from "./Tabs.svelte";

const tabs = [
  { value: "everyone", label: "Everyone", count: 5 },
  { value: "targets", label: "Targets", count: null },
  { value: "met", label: "Met" },
] as const;

function mount(selected: (typeof tabs)[number]["value"] = "everyone") {
  const onselect = vi.fn();
  const view = render(Tabs, { props: { label: "People", idPrefix: "people", panelId: "people-panel", tabs, selected, onselect } });
  return { onselect, view };
}

describe("Tabs", () => {
  it("is a named tablist whose tabs control the screen's panel, with one tab in the tab order", () => {
    mount("targets");
    expect(screen.getByRole("tablist", { name: "People" })).toBeTruthy();
    const all = screen.getAllByRole("tab");
    expect(all.map((t) => t.id)).toEqual(["people-tab-everyone", "people-tab-targets", "people-tab-met"]);
    expect(all.map((t) => t.getAttribute("aria-selected"))).toEqual(["false", "true", "false"]);
    expect(all.map((t) => t.getAttribute("aria-controls"))).toEqual(["people-panel", "people-panel", "people-panel"]);
    expect(all.map((t) => t.tabIndex)).toEqual([-1, 0, -1]);
    expect(all[0]?.textContent?.replace(/\s+/g, " ").trim()).toBe("Everyone 5");
  });

  it("selects with a click, and with the arrows, Home and End, moving the focus along", async () => {
    const { onselect } = mount("everyone");
    const [everyone, targets, met] = screen.getAllByRole("tab") as HTMLElement[];
    await fireEvent.click(targets as HTMLElement);
    expect(onselect).toHaveBeenLastCalledWith("targets");
    (everyone as HTMLElement).focus();
    await fireEvent.keyDown(everyone as HTMLElement, { key: "ArrowRight" });
    expect(document.activeElement).toBe(targets);
    await fireEvent.keyDown(targets as HTMLElement, { key: "End" });
    expect(document.activeElement).toBe(met);
    expect(onselect).toHaveBeenLastCalledWith("met");
    await fireEvent.keyDown(met as HTMLElement, { key: "ArrowRight" }); // wraps around
    expect(document.activeElement).toBe(everyone);
  });
});
