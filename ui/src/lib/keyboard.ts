// Why: single-letter shortcuts (`N` for new) must not fire while the user types in a field or
// while a dialog is open; this is the one test for that.

export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  // A ticked checkbox keeps focus; a letter pressed there is a shortcut, not typing.
  if (target instanceof HTMLInputElement) return !["checkbox", "radio", "button", "submit", "reset"].includes(target.type);
  return ["TEXTAREA", "SELECT"].includes(target.tagName);
}

/** True for a bare key press (no Ctrl/⌘/Alt) outside fields and dialogs. */
export function isPlainShortcut(event: KeyboardEvent, key: string): boolean {
  if (event.ctrlKey || event.metaKey || event.altKey || event.repeat) return false;
  if (event.key.toLowerCase() !== key.toLowerCase()) return false;
  if (isTypingTarget(event.target)) return false;
  return !dialogOpen();
}

/** True while a modal dialog is open (Bits UI marks its content aria-modal; practice mode is a native one). */
export function dialogOpen(): boolean {
  return document.querySelector('[aria-modal="true"], dialog[open]') !== null;
}

/**
 * Ctrl/⌘+Enter anywhere in `form` calls `save`: from any field, a text area included (where a
 * plain Enter is a new line). Returns the cleanup, so it fits an attachment or `onMount`.
 */
export function saveOnModEnter(form: HTMLElement, save: () => unknown): () => void {
  function onkeydown(event: KeyboardEvent) {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void save();
    }
  }
  form.addEventListener("keydown", onkeydown);
  return () => form.removeEventListener("keydown", onkeydown);
}
