// The app's process tree from /proc, shared by the end-to-end specs and the
// bench: WebKit's helpers (WebKitWebProcess, WebKitNetworkProcess) are the
// app's children, and what they hold or were started with is read there.
import { readFileSync, readdirSync } from 'node:fs';

/** `pid` and every process it started, and theirs, parents first. */
export function family(pid) {
  const children = new Map();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (!children.has(ppid)) children.set(ppid, []);
      children.get(ppid).push(Number(entry));
    } catch {
      // the process ended meanwhile
    }
  }
  const all = [pid];
  for (let i = 0; i < all.length; i++) all.push(...(children.get(all[i]) ?? []));
  return all;
}

/** Proportional set size of `pid` in KiB (/proc/PID/smaps_rollup), or null when it is gone. */
export function pssKib(pid) {
  try {
    const m = /^Pss:\s+(\d+)/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'));
    return m ? Number(m[1]) : null;
  } catch {
    return null;
  }
}
