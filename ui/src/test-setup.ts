// Why: jsdom lacks the modal <dialog> API every Hallway dialog uses; this fills it in just enough
// for component tests, and resets the fake Tauri backend between tests.
import { afterEach } from "vitest";
import { clearMocks } from "@tauri-apps/api/mocks";

const dialog = HTMLDialogElement.prototype as HTMLDialogElement & Record<string, unknown>;
if (typeof dialog.showModal !== "function") {
  dialog.showModal = function (this: HTMLDialogElement) {
    this.open = true;
    const first = this.querySelector<HTMLElement>("input, select, textarea, button, [href], [tabindex]");
    first?.focus();
  };
  dialog.close = function (this: HTMLDialogElement) {
    if (!this.open) return;
    this.open = false;
    this.dispatchEvent(new Event("close"));
  };
}

afterEach(() => {
  clearMocks();
});
