import { describe, expect, it } from 'vitest';
import { singleFlight } from './single-flight.ts';

describe('one flush per session at a time', () => {
  it('runs once more after the current run however often it is asked meanwhile, keeping force', async () => {
    const runs: [string, boolean][] = [];
    let release!: () => void;
    let gate = new Promise<void>((resolve) => (release = resolve));
    const flush = singleFlight(async (key, force) => {
      runs.push([key, force]);
      await gate;
    });
    const first = flush('a', false);
    const second = flush('a', false);
    const third = flush('a', true);
    const other = flush('b', false);
    expect(runs).toEqual([
      ['a', false],
      ['b', false],
    ]);
    const firstGate = release;
    gate = Promise.resolve();
    firstGate();
    await Promise.all([first, second, third, other]);
    expect(runs).toEqual([
      ['a', false],
      ['b', false],
      ['a', true],
    ]);
    // Done: the next request starts a new run.
    await flush('a', false);
    expect(runs).toHaveLength(4);
  });
});
