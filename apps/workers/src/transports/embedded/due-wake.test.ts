import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createDueWake } from "./due-wake.ts";

describe("due wake", () => {
  beforeEach(() => vi.useFakeTimers({ now: new Date("2026-11-22T09:00:00Z") }));
  afterEach(() => vi.useRealTimers());

  it("wakes once per distinct due instant within the horizon, after it has passed", () => {
    const wake = vi.fn();
    const due = createDueWake(wake, 60_000);
    const at = new Date(Date.now() + 1_000);
    for (let i = 0; i < 1_000; i++) due.expect(at);
    due.expect(new Date(Date.now() + 2_000));
    vi.advanceTimersByTime(999);
    expect(wake).not.toHaveBeenCalled();
    vi.advanceTimersByTime(20);
    expect(wake).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(1_000);
    expect(wake).toHaveBeenCalledTimes(2);
  });

  it("leaves past instants to the insert notification and far ones to a later look-ahead", () => {
    const wake = vi.fn();
    const due = createDueWake(wake, 60_000);
    due.expect(new Date(Date.now() - 1));
    due.expect(new Date(Date.now() + 61_000));
    vi.advanceTimersByTime(120_000);
    expect(wake).not.toHaveBeenCalled();
  });

  it("wakes nothing once stopped", () => {
    const wake = vi.fn();
    const due = createDueWake(wake, 60_000);
    due.expect(new Date(Date.now() + 1_000));
    due.stop();
    due.expect(new Date(Date.now() + 2_000));
    vi.advanceTimersByTime(5_000);
    expect(wake).not.toHaveBeenCalled();
  });
});
