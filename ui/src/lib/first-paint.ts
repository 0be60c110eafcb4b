// Why: the cold-start benchmark (`make bench`) measures from process start to the first frame that
// shows data from the database. The first screen to have its data calls markDataPainted(); the mark
// is set once, two animation frames later (after the frame with the data has been painted).
let marked = false;

export function markDataPainted(): void {
  if (marked || typeof performance === "undefined" || typeof requestAnimationFrame === "undefined") return;
  marked = true;
  requestAnimationFrame(() => requestAnimationFrame(() => performance.mark("hallway-data-painted")));
}
