// Why: the Bits UI parts the first screen can open (dialogs, the congress switcher, tooltips, the
// phone bar's "More", snooze menus, the "Met someone" search), gathered in one module that
// bits.svelte.ts loads with `import()` after the first paint (or when one is needed before), so
// Bits and what it brings (floating-ui, tabbable, focus traps: 150 KB of the 384 KB start chunk)
// leave the start chunk. Only the pieces used are named: re-exporting a whole namespace
// (`export { Dialog }`) would keep every piece of it (sub-menus, checkbox items…), 35 KB more.
// Screens loaded later import Bits directly.
import * as B from "bits-ui";

export const Dialog = { Root: B.Dialog.Root, Portal: B.Dialog.Portal, Overlay: B.Dialog.Overlay, Content: B.Dialog.Content, Title: B.Dialog.Title };
export const DropdownMenu = { Root: B.DropdownMenu.Root, Trigger: B.DropdownMenu.Trigger, Content: B.DropdownMenu.Content, Item: B.DropdownMenu.Item };
export const Popover = { Root: B.Popover.Root, Trigger: B.Popover.Trigger, Portal: B.Popover.Portal, Content: B.Popover.Content };
export const Select = {
  Root: B.Select.Root,
  Trigger: B.Select.Trigger,
  Portal: B.Select.Portal,
  Content: B.Select.Content,
  Viewport: B.Select.Viewport,
  Item: B.Select.Item,
};
export const Tooltip = {
  Provider: B.Tooltip.Provider,
  Root: B.Tooltip.Root,
  Trigger: B.Tooltip.Trigger,
  Portal: B.Tooltip.Portal,
  Content: B.Tooltip.Content,
};
export const Combobox = {
  Root: B.Combobox.Root,
  Input: B.Combobox.Input,
  Content: B.Combobox.Content,
  Viewport: B.Combobox.Viewport,
  Item: B.Combobox.Item,
};
