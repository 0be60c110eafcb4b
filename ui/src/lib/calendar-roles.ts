// Why: EventCalendar draws its grids as an ARIA table (role="table", "rowgroup", "row", headers)
// but puts things a table may not hold straight inside it: its toolbar (<nav>), the time column
// (<aside>) and the events themselves (role="button") sit beside the rows, not in cells. Screen
// readers then announce a broken table, and axe reports the grid as critical. The table roles are
// taken off (role="none") and the calendar becomes a labelled group of labelled event buttons;
// each event's button names its time, kind and title, and the Program's list view reads as a
// list. This runs now and whenever the calendar redraws. (A fix for the library's markup, kept to
// its own elements.)

const TABLE_ROLES = ["table", "rowgroup", "row", "columnheader", "rowheader", "cell", "gridcell"];
/** Attributes that only a table's parts may carry. */
const TABLE_ATTRIBUTES = ["aria-colindex", "aria-rowindex", "aria-colspan", "aria-rowspan", "aria-colcount", "aria-rowcount", "aria-sort"];
const SELECTOR = TABLE_ROLES.map((role) => `.ec[role="${role}"], .ec [role="${role}"]`).join(", ");

/** A Svelte action for the element that holds a calendar; `label` names the calendar. */
export function calendarRoles(node: HTMLElement, label: string): { update: (label: string) => void; destroy: () => void } {
  let name = label;
  const fix = () => {
    for (const el of node.querySelectorAll(SELECTOR)) el.setAttribute("role", el.classList.contains("ec") ? "group" : "none");
    for (const attribute of TABLE_ATTRIBUTES) {
      for (const el of node.querySelectorAll(`.ec [${attribute}], .ec[${attribute}]`)) el.removeAttribute(attribute);
    }
    for (const aside of node.querySelectorAll(".ec aside:not([role])")) aside.setAttribute("role", "none");
    const root = node.querySelector(".ec");
    if (root && root.getAttribute("aria-label") !== name) root.setAttribute("aria-label", name);
  };
  fix();
  const observer = new MutationObserver(fix);
  observer.observe(node, { childList: true, subtree: true, attributes: true, attributeFilter: ["role", ...TABLE_ATTRIBUTES] });
  return {
    update(next: string) {
      name = next;
      fix();
    },
    destroy: () => observer.disconnect(),
  };
}
