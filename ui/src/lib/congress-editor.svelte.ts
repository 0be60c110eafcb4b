// Why: whether the congress form is open and on which congress. It lives outside the Congresses
// screen so the `N` key and the empty states of other sections can open it too.
import type { Congress } from "./bindings";

export const congressEditor = $state<{ open: boolean; congress: Congress | null }>({
  open: false,
  congress: null,
});

export function openNewCongress(): void {
  congressEditor.congress = null;
  congressEditor.open = true;
}

export function openEditCongress(c: Congress): void {
  congressEditor.congress = c;
  congressEditor.open = true;
}

export function closeCongressEditor(): void {
  congressEditor.open = false;
  congressEditor.congress = null;
}
