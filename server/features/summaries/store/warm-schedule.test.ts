import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { scheduleWarms } from './warm-schedule.ts';

describe('scheduleWarms', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('warms once the changes pause, however many came', () => {
    const warm = vi.fn();
    const schedule = scheduleWarms(warm, { quietMs: 2_000, maxLagMs: 60_000 });
    for (let i = 0; i < 10; i++) {
      schedule.changed();
      vi.advanceTimersByTime(500);
    }
    expect(warm).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1_499);
    expect(warm).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(warm).toHaveBeenCalledTimes(1);
  });

  it('under changes that never pause, warms once a minute rather than never or after each', () => {
    const warm = vi.fn();
    const schedule = scheduleWarms(warm, { quietMs: 2_000, maxLagMs: 60_000 });
    for (let second = 0; second < 150; second++) {
      schedule.changed();
      vi.advanceTimersByTime(1_000);
    }
    // Changes at 0 … 149 s: warms at 60 s and 120 s (each counting from the first change after the last warm).
    expect(warm).toHaveBeenCalledTimes(2);
  });
});
