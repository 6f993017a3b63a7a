import { describe, expect, it } from 'vitest';
import { newPanelToken } from '../lazy/panel-frame.ts';
import { createPanelOpenings } from './panel-openings.ts';

const origin = 'chrome-extension://abcdefgh/';
const contentScript = { tab: { id: 7 }, frameId: 0, url: 'https://school.example/journal' };
const panelPage = { tab: { id: 7 }, frameId: 3, url: `${origin}panel.html` };
const teacher = { name: 'Соколова Анна Викторовна', school: 'СОШ № 1', role: 'Учитель' };

describe('the panel frame handshake in the worker', () => {
  it('gives the panel page of the same tab the journal teacher of its opening, once', async () => {
    const openings = createPanelOpenings(origin);
    const token = newPanelToken();
    expect(openings.announce(token, { teacher, needsConfirmation: false }, contentScript)).toBe(true);
    expect(await openings.claim(token, panelPage)).toEqual({ teacher, needsConfirmation: false, tabId: 7, frameId: 0 });
    // A second frame with the same token (a page that copied it) gets nothing.
    expect(await openings.claim(token, panelPage)).toBeNull();
  });

  it('waits for an opening that reaches the worker after the claim', async () => {
    const openings = createPanelOpenings(origin);
    const token = newPanelToken();
    const claimed = openings.claim(token, panelPage);
    openings.announce(token, { teacher: null, needsConfirmation: true }, contentScript);
    expect(await claimed).toMatchObject({ teacher: null, needsConfirmation: true });
  });

  it('gives nothing to a page of another tab, to a content script, or for a made-up token', async () => {
    const openings = createPanelOpenings(origin);
    const token = newPanelToken();
    openings.announce(token, { teacher, needsConfirmation: false }, contentScript);
    expect(await openings.claim(token, { ...panelPage, tab: { id: 8 } })).toBeNull();
    expect(await openings.claim(token, contentScript)).toBeNull();
    expect(await openings.claim('0'.repeat(31), panelPage)).toBeNull();
  });

  it('takes openings from content scripts only, with a well-formed token and teacher', () => {
    const openings = createPanelOpenings(origin);
    expect(openings.announce(newPanelToken(), { teacher, needsConfirmation: false }, panelPage)).toBe(false);
    expect(openings.announce('not a token', { teacher, needsConfirmation: false }, contentScript)).toBe(false);
    expect(openings.announce(newPanelToken(), { teacher: { name: 1 } as never, needsConfirmation: false }, contentScript)).toBe(false);
  });

  it('forgets an opening its frame never claimed', async () => {
    let clock = 0;
    const openings = createPanelOpenings(origin, () => clock);
    const token = newPanelToken();
    openings.announce(token, { teacher, needsConfirmation: false }, contentScript);
    clock = 61_000;
    expect(await openings.claim(token, panelPage)).toBeNull();
  });
});
