import { describe, expect, it } from 'vitest';
import { createLoadWatcher } from './inject-after-load.ts';
import type { InjectOutcome } from './inject-content.ts';

/**
 * A tab as the worker sees it after a journal's request has completed: a list
 * of states it goes through, one per look (the previous document first), and
 * what a claim of its document would find at each.
 */
function tab(states: { status: string; url?: string; claim: InjectOutcome }[]) {
  let at = 0;
  const injected: number[] = [];
  const current = () => states[Math.min(at, states.length - 1)]!;
  return {
    injected,
    look: async () => {
      const state = current();
      at++;
      return { status: state.status, url: state.url };
    },
    injector: {
      async tryInject(_tabId: number, _url: string | undefined, { evenLoading }: { evenLoading: boolean }): Promise<InjectOutcome> {
        const state = states[Math.min(at - 1, states.length - 1)]!;
        const outcome = state.claim === 'loading' && evenLoading ? 'injected' : state.claim;
        if (outcome === 'injected') injected.push(at);
        return outcome;
      },
    },
  };
}

const journal = 'https://sgo.e-mordovia.ru/app/school/journal/';
const quick = { pollMs: 1, maxPollMs: 2 };

describe('injecting once the new document has loaded', () => {
  it('a reload: looks past the previous document (loaded, already ours) until the new one has loaded', async () => {
    const t = tab([
      { status: 'complete', url: journal, claim: 'taken' },
      { status: 'loading', url: journal, claim: 'loading' },
      { status: 'complete', url: journal, claim: 'loading' }, // committed, its load event not yet run
      { status: 'complete', url: journal, claim: 'injected' },
    ]);
    expect(await createLoadWatcher({ injector: t.injector, look: t.look, ...quick }).injectWhenLoaded(1)).toBe(true);
    expect(t.injected).toHaveLength(1);
  });

  it('the first tab after the start: about:blank (no address we may see) before the journal', async () => {
    const t = tab([
      { status: 'complete', claim: 'not-journal' },
      { status: 'complete', claim: 'not-journal' },
      { status: 'complete', url: journal, claim: 'injected' },
    ]);
    expect(await createLoadWatcher({ injector: t.injector, look: t.look, ...quick }).injectWhenLoaded(1)).toBe(true);
  });

  it('a load that never ends gets the content script at the deadline (it waits for the load itself)', async () => {
    const t = tab([{ status: 'loading', url: journal, claim: 'loading' }]);
    const started = Date.now();
    expect(await createLoadWatcher({ injector: t.injector, look: t.look, ...quick, longestWaitMs: 40 }).injectWhenLoaded(1)).toBe(true);
    expect(Date.now() - started).toBeGreaterThanOrEqual(35);
  });

  it('a sweep of open tabs stops at a document that is already ours; a closed tab ends the wait', async () => {
    const t = tab([{ status: 'complete', url: journal, claim: 'taken' }]);
    const watcher = createLoadWatcher({ injector: t.injector, look: t.look, ...quick, longestWaitMs: 5000 });
    const started = Date.now();
    expect(await watcher.injectWhenLoaded(1, { untilTaken: true })).toBe(false);
    expect(Date.now() - started).toBeLessThan(1000);
    const closed = createLoadWatcher({ injector: t.injector, look: async () => null, ...quick });
    expect(await closed.injectWhenLoaded(2)).toBe(false);
  });

  it('a sweep at the worker’s start leaves alone a tab whose load the worker is already waiting for', async () => {
    const t = tab([
      { status: 'complete', url: journal, claim: 'taken' },
      { status: 'complete', url: journal, claim: 'taken' },
      { status: 'complete', url: journal, claim: 'injected' },
    ]);
    const watcher = createLoadWatcher({ injector: t.injector, look: t.look, pollMs: 5, maxPollMs: 5 });
    const heard = watcher.injectWhenLoaded(1);
    expect(await watcher.injectWhenLoaded(1, { untilTaken: true })).toBe(false);
    expect(await heard).toBe(true);
  });

  it('a newer load of the same tab takes over the older wait', async () => {
    const t = tab([{ status: 'loading', url: journal, claim: 'loading' }]);
    const watcher = createLoadWatcher({ injector: t.injector, look: t.look, ...quick, longestWaitMs: 5000 });
    const older = watcher.injectWhenLoaded(1);
    await new Promise((resolve) => setTimeout(resolve, 10));
    void watcher.injectWhenLoaded(1);
    expect(await older).toBe(false);
  });
});
