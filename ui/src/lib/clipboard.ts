// Why: Copy on a draft (a follow-up, a check-in message) puts the text on the clipboard, and where
// the webview refuses, selects it in its field for Ctrl+C instead, so the user is never stuck. One
// function, so both drafts behave and say it the same way.

/** Copies `text`, or selects it in `field`; answers what to tell the user. */
export async function copyDraft(text: string, field: HTMLTextAreaElement | undefined): Promise<string> {
  try {
    if (!navigator.clipboard) throw new Error("no clipboard");
    await navigator.clipboard.writeText(text);
    return "Copied.";
  } catch {
    field?.focus();
    field?.select();
    return "Copying was not allowed here, so the draft is selected: press Ctrl+C (⌘C on a Mac).";
  }
}
