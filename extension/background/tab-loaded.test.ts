import { describe, expect, it } from 'vitest';
import { tabLoaded } from './tab-loaded.ts';

/** A tab whose status goes through the given values, one per look, then stays at the last. */
function tabGoingThrough(...statuses: (string | Error)[]) {
  let looks = 0;
  return {
    looks: () => looks,
    status: async () => {
      const now = statuses[Math.min(looks++, statuses.length - 1)];
      if (now instanceof Error) throw now;
      return now;
    },
  };
}

describe('waiting for a tab’s page to load', () => {
  it('resolves once the status is complete, looking again while it is loading', async () => {
    const tab = tabGoingThrough('loading', 'loading', 'complete');
    expect(await tabLoaded(tab.status, { pollMs: 1 })).toBe(true);
    expect(tab.looks()).toBe(3);
  });

  it('resolves at once for a page already loaded', async () => {
    const tab = tabGoingThrough('complete');
    expect(await tabLoaded(tab.status, { pollMs: 1000 })).toBe(true);
    expect(tab.looks()).toBe(1);
  });

  it('gives up waiting on a load that never ends, so the journal still gets its launcher', async () => {
    const started = Date.now();
    expect(await tabLoaded(tabGoingThrough('loading').status, { pollMs: 5, longestWaitMs: 60 })).toBe(true);
    expect(Date.now() - started).toBeGreaterThanOrEqual(55);
  });

  it('resolves with false for a tab closed meanwhile', async () => {
    expect(await tabLoaded(tabGoingThrough('loading', new Error('No tab with id: 7')).status, { pollMs: 1 })).toBe(false);
  });
});
