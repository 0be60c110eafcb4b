// Why: the practice countdown as plain data and pure steps, with "now" always passed in, so the
// start / pause / reset logic and what the big display reads ("0:42", "0:00", "over by 5 s") are
// tested with a fake clock and the practice view only has to redraw.

/** What practice shows: a saved pitch, or the editor's text as it stands. */
export type PracticeText = { title: string; body: string; targetSeconds: number };

export type PracticeTimer = {
  /** The pitch's target, in milliseconds. */
  targetMs: number;
  /** Time spoken before the current run. */
  spentMs: number;
  /** When the current run started (clock ms), or null while paused. */
  runningSince: number | null;
};

export function newTimer(targetSeconds: number): PracticeTimer {
  return { targetMs: Math.max(0, targetSeconds) * 1000, spentMs: 0, runningSince: null };
}

export function isRunning(t: PracticeTimer): boolean {
  return t.runningSince !== null;
}

export function elapsedMs(t: PracticeTimer, now: number): number {
  return t.spentMs + (t.runningSince === null ? 0 : Math.max(0, now - t.runningSince));
}

export function start(t: PracticeTimer, now: number): PracticeTimer {
  return t.runningSince === null ? { ...t, runningSince: now } : t;
}

export function pause(t: PracticeTimer, now: number): PracticeTimer {
  return t.runningSince === null ? t : { ...t, spentMs: elapsedMs(t, now), runningSince: null };
}

/** Space: start when paused, pause when running. */
export function toggle(t: PracticeTimer, now: number): PracticeTimer {
  return isRunning(t) ? pause(t, now) : start(t, now);
}

/** Back to the full target, stopped. */
export function reset(t: PracticeTimer): PracticeTimer {
  return { ...t, spentMs: 0, runningSince: null };
}

export type Reading = {
  /** What the big display shows. */
  text: string;
  /** Past the target by a whole second or more. */
  over: boolean;
  /** Share of the target spoken, 0 to 1, for a bar. */
  share: number;
};

/** "1:00" before starting, "0:42" while counting down (whole seconds rounded up), "0:00" for the
 * first second after zero, then "over by 5 s". */
export function reading(t: PracticeTimer, now: number): Reading {
  const spent = elapsedMs(t, now);
  const left = t.targetMs - spent;
  const share = t.targetMs === 0 ? 1 : Math.min(1, spent / t.targetMs);
  if (left > 0) return { text: clock(Math.ceil(left / 1000)), over: false, share };
  const past = Math.floor(-left / 1000);
  return past === 0 ? { text: "0:00", over: false, share } : { text: `over by ${past} s`, over: true, share };
}

/** 75 -> "1:15" */
export function clock(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
}
