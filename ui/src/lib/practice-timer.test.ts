// Why: the practice countdown with a fake clock (numbers passed in, never the wall clock): start,
// pause keeps the time spoken, reset, and the display turning to "over by n s" after zero.
import { describe, expect, it } from "vitest";
import { clock, elapsedMs, isRunning, newTimer, pause, reading, reset, start, toggle } from "./practice-timer";

describe("practice timer", () => {
  it("shows the full target before starting and counts down in whole seconds, rounded up", () => {
    let t = newTimer(60);
    expect(reading(t, 1_000).text).toBe("1:00");
    t = start(t, 1_000);
    expect(isRunning(t)).toBe(true);
    expect(reading(t, 1_001).text).toBe("1:00");
    expect(reading(t, 2_000).text).toBe("0:59");
    expect(reading(t, 31_500).text).toBe("0:30");
    expect(reading(t, 31_500).share).toBeCloseTo(0.508, 3);
  });

  it("keeps the time spoken across a pause and goes on from there", () => {
    let t = start(newTimer(30), 0);
    t = pause(t, 10_000);
    expect(isRunning(t)).toBe(false);
    expect(reading(t, 50_000).text).toBe("0:20");
    t = toggle(t, 50_000);
    expect(elapsedMs(t, 55_000)).toBe(15_000);
    t = toggle(t, 55_000);
    expect(reading(t, 99_000).text).toBe("0:15");
    expect(start(start(t, 1), 2)).toEqual(start(t, 1));
  });

  it("reads 0:00 for the first second past zero, then how far over", () => {
    const t = start(newTimer(10), 0);
    expect(reading(t, 10_000)).toMatchObject({ text: "0:00", over: false });
    expect(reading(t, 10_999)).toMatchObject({ text: "0:00", over: false });
    expect(reading(t, 11_000)).toMatchObject({ text: "over by 1 s", over: true, share: 1 });
    expect(reading(t, 75_400)).toMatchObject({ text: "over by 65 s", over: true });
  });

  it("resets to the full target, stopped", () => {
    const t = reset(start(newTimer(90), 0));
    expect(isRunning(t)).toBe(false);
    expect(reading(t, 40_000).text).toBe("1:30");
  });

  it("writes minutes and seconds", () => {
    expect(clock(0)).toBe("0:00");
    expect(clock(75)).toBe("1:15");
    expect(clock(600)).toBe("10:00");
  });
});
