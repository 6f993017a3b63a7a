// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PageGlobalIdentity } from '../../shared/journals/adapter-schema.ts';
import { BRIDGE_ANSWER, BRIDGE_REQUEST, installPageBridge, readPageIdentity, requestPageIdentity } from './page-bridge.ts';
import { sgoJournal } from './sgo.ts';

const identity = sgoJournal.identity as PageGlobalIdentity;
const quick = { timeoutMs: 300, intervalMs: 50 };

/**
 * The page's window as both worlds see it. happy-dom gives MessageEvent.source
 * an internal object rather than the `window` the test sees, so the test uses
 * a small stand-in with the browser's postMessage semantics: asynchronous
 * delivery, source = this window, origin = its origin, and a message for
 * another target origin is dropped.
 */
class PageWindow extends EventTarget {
  [global: string]: unknown;
  location = { origin: 'https://sgo.e-yakutia.ru' };
  postMessage(data: unknown, targetOrigin: string) {
    if (targetOrigin !== '*' && targetOrigin !== this.location.origin) return;
    const copy = structuredClone(data);
    setTimeout(() => this.dispatchEvent(new MessageEvent('message', { data: copy, origin: this.location.origin, source: this as never })));
  }
}

let win: PageWindow & Window;
let page: Record<string, unknown>;
beforeEach(() => {
  win = new PageWindow() as PageWindow & Window;
  page = win;
  page.appContext = { at: 'SECRET-AT', user: { name: ' Иванова  Сардана ', roles: ['Учитель'], id: 42 }, organization: { name: 'СОШ № 5' } };
});
afterEach(() => {
  delete page.appContext;
});

/** Collects what the page world sends back (what the page itself could see). */
function answersSeen(): unknown[] {
  const seen: unknown[] = [];
  win.addEventListener('message', (event: MessageEvent) => {
    if ((event.data as { type?: string })?.type === BRIDGE_ANSWER) seen.push(event.data);
  });
  return seen;
}

describe('the page-world bridge', () => {
  it('answers the content script with name, school and role only', async () => {
    const stop = installPageBridge(win);
    const seen = answersSeen();
    const answer = await requestPageIdentity(win, identity, quick);
    stop();
    expect(answer).toEqual({ name: 'Иванова Сардана', school: 'СОШ № 5', role: 'Учитель', notTeacher: false });
    expect(JSON.stringify(seen)).not.toContain('SECRET-AT');
    expect(Object.keys(seen[0] as object).sort()).toEqual(['found', 'name', 'nonce', 'notTeacher', 'role', 'school', 'type']);
  });

  it('only passes strings: ids and objects stay in the page', () => {
    const read = readPageIdentity(win, {
      ...identity,
      fields: { name: ['user.id', 'user'], school: ['organization'] },
    });
    expect(read).toEqual({ name: '', school: '', role: '', notTeacher: false, found: true });
  });

  it('refuses to walk into a credential even if a request asks for it', async () => {
    const stop = installPageBridge(win);
    const seen = answersSeen();
    // A forged request straight from the page, bypassing the schema of the extension's own requests.
    win.postMessage({ type: BRIDGE_REQUEST, nonce: 'a'.repeat(32), identity: { ...identity, fields: { name: ['at'] } } }, win.location.origin);
    await new Promise((resolve) => setTimeout(resolve, 50));
    stop();
    expect(seen).toEqual([]); // the request fails validation: no answer at all
    expect(readPageIdentity(win, { ...identity, fields: { name: ['at'] } } as PageGlobalIdentity).name).toBe('');
  });

  it('resolves null when no page-world script answers (e.g. a browser without MAIN-world scripts)', async () => {
    expect(await requestPageIdentity(win, identity, quick)).toBeNull();
  });

  it('ignores answers of the wrong shape', async () => {
    const forge = (event: MessageEvent) => {
      const request = event.data as { type?: string; nonce?: string };
      if (request?.type !== BRIDGE_REQUEST) return;
      const base = { type: BRIDGE_ANSWER, nonce: request.nonce, name: 'Подделка', school: '', role: '', notTeacher: false };
      win.postMessage({ ...base, extra: 'field' }, win.location.origin);
      win.postMessage({ ...base, name: 42 }, win.location.origin);
      win.postMessage({ ...base, name: 'x'.repeat(1000) }, win.location.origin);
      win.postMessage({ ...base, nonce: 'b'.repeat(32) }, win.location.origin); // not our request
      win.postMessage({ ...base, type: 'profrost:something-else' }, win.location.origin);
      win.postMessage('Подделка', win.location.origin);
    };
    win.addEventListener('message', forge);
    const answer = await requestPageIdentity(win, identity, quick);
    win.removeEventListener('message', forge);
    expect(answer).toBeNull();
  });

  it('ignores answers from another origin or another window', async () => {
    const forge = (event: MessageEvent) => {
      const request = event.data as { type?: string; nonce?: string };
      if (request?.type !== BRIDGE_REQUEST || event.origin !== win.location.origin) return;
      const data = { type: BRIDGE_ANSWER, nonce: request.nonce, name: 'Подделка', school: '', role: '', notTeacher: false };
      win.dispatchEvent(new MessageEvent('message', { data, origin: 'https://evil.example', source: win }));
      win.dispatchEvent(new MessageEvent('message', { data, origin: win.location.origin, source: null }));
    };
    win.addEventListener('message', forge);
    const answer = await requestPageIdentity(win, identity, quick);
    win.removeEventListener('message', forge);
    expect(answer).toBeNull();
  });

  it('does not answer requests from another origin or of the wrong shape', async () => {
    const stop = installPageBridge(win);
    const seen = answersSeen();
    const request = { type: BRIDGE_REQUEST, nonce: 'c'.repeat(32), identity };
    win.dispatchEvent(new MessageEvent('message', { data: request, origin: 'https://evil.example', source: win }));
    win.postMessage({ ...request, nonce: 'short' }, win.location.origin);
    win.postMessage({ ...request, identity: { ...identity, global: 'document' } }, win.location.origin);
    await new Promise((resolve) => setTimeout(resolve, 50));
    stop();
    expect(seen).toEqual([]);
  });

  it('asks again until a SPA has filled its global', async () => {
    delete page.appContext;
    const stop = installPageBridge(win);
    setTimeout(() => (page.appContext = { user: { name: 'Позже Пришла' } }), 120);
    const answer = await requestPageIdentity(win, identity, { timeoutMs: 1000, intervalMs: 40 });
    stop();
    expect(answer?.name).toBe('Позже Пришла');
  });

  it('waits past the early give-up for a global that holds only the token until the journal’s XHR fills in the user', async () => {
    page.appContext = { at: 'SECRET-AT' }; // Сетевой город before its /webapi/context answer
    const stop = installPageBridge(win);
    setTimeout(() => Object.assign(page.appContext as object, { user: { name: 'Егорова С. М.' }, roles: ['Teacher'] }), 250);
    const answer = await requestPageIdentity(win, identity, { timeoutMs: 2000, absentMs: 100, intervalMs: 40 });
    stop();
    expect(answer).toEqual({ name: 'Егорова С. М.', school: '', role: 'Teacher', notTeacher: false });
  });

  it('gives up early on a page without the global at all', async () => {
    delete page.appContext;
    const stop = installPageBridge(win);
    const started = Date.now();
    const answer = await requestPageIdentity(win, identity, { timeoutMs: 5000, absentMs: 150, intervalMs: 40 });
    stop();
    expect(answer?.name).toBe('');
    expect(Date.now() - started).toBeLessThan(1500);
  });
});
