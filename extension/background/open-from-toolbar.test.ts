import { describe, expect, it } from 'vitest';
import type { InjectOutcome } from './inject-content.ts';
import { createToolbarOpener } from './open-from-toolbar.ts';

function opener(outcome: InjectOutcome, answer: unknown = true) {
  const sent: number[] = [];
  const open = createToolbarOpener({
    injector: { tryInject: async () => outcome },
    sendToTab: async (tabId) => {
      sent.push(tabId);
      if (answer instanceof Error) throw answer;
      return answer;
    },
  });
  return { open, sent };
}

describe('the toolbar button', () => {
  it('asks the content script of a journal tab to open the panel, injecting it first if it is not there', async () => {
    for (const outcome of ['injected', 'taken'] as const) {
      const { open, sent } = opener(outcome);
      expect(await open({ id: 3, url: 'https://sgo.e-mordovia.ru/asp/Reports/Reports.asp' })).toBe(true);
      expect(sent).toEqual([3]);
    }
  });

  it('does nothing on another site (no address visible to us, or not a journal), or a tab that went away', async () => {
    expect(await opener('injected').open({ id: 3 })).toBe(false);
    const other = opener('not-journal');
    expect(await other.open({ id: 3, url: 'https://example.org/' })).toBe(false);
    expect(other.sent).toEqual([]);
    expect(await opener('injected', new Error('Could not establish connection')).open({ id: 3, url: 'https://school.r-19.ru/' })).toBe(false);
  });
});
