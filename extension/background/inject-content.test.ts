import vm from 'node:vm';
import { describe, expect, it, vi } from 'vitest';
import { applyOverrides } from '../journals/override.ts';
import { builtInAdapters } from '../journals/registry.ts';
import type { ScriptRunner, ScriptTarget, ScriptWorld } from './execute-script.ts';
import { CONTENT_SCRIPT, createContentInjector, injectionFor, PAGE_BRIDGE_SCRIPT } from './inject-content.ts';

const withBridge = { pageBridge: true };
const demo = 'http://localhost:8787/demo/journal';
const sgo = 'https://sgo.e-yakutia.ru/app/school/journal/';

/** The published override document with these entries, applied as the extension applies it. */
const overridden = (...adapters: object[]) => applyOverrides(builtInAdapters, { version: 1, adapters });

describe('which pages get what', () => {
  it('a journal page gets the content script; the page-world bridge only where the journal keeps its teacher in a page global', () => {
    expect(injectionFor(demo, builtInAdapters, withBridge)).toEqual({ pageBridge: false });
    expect(injectionFor('http://localhost:40123/demo/journal', builtInAdapters, withBridge)).toEqual({ pageBridge: false }); // any port
    expect(injectionFor('https://school.mos.ru/teacher/journal', builtInAdapters, withBridge)).toEqual({ pageBridge: false });
    expect(injectionFor('https://school.mos.ru/teacher/account/schedule', builtInAdapters, withBridge)).toEqual({ pageBridge: false });
    expect(injectionFor('https://school.r-19.ru/', builtInAdapters, withBridge)).toEqual({ pageBridge: false });
    expect(injectionFor('https://lyceum1.eljur.ru/journal-app/', builtInAdapters, withBridge)).toEqual({ pageBridge: true }); // sentryData
    expect(injectionFor(sgo, builtInAdapters, withBridge)).toEqual({ pageBridge: true });
    expect(injectionFor('https://schools.dnevnik.ru/v2/userfeed', builtInAdapters, withBridge)).toEqual({ pageBridge: true });
  });

  it('a build without the bridge (Firefox MV2) never asks for it', () => {
    expect(injectionFor(sgo, builtInAdapters, { pageBridge: false })).toEqual({ pageBridge: false });
  });

  it('any page of a journal host, not only teacher pages: a SPA journal may reach one without a new load', () => {
    expect(injectionFor('https://sgo.e-yakutia.ru/about', builtInAdapters, withBridge)).toEqual({ pageBridge: true });
    // The demo adapter covers only the demo journal's pages, not the rest of the server.
    expect(injectionFor('http://localhost:8787/demo/journal/login', builtInAdapters, withBridge)).toEqual({ pageBridge: false });
    expect(injectionFor('http://localhost:8787/admin', builtInAdapters, withBridge)).toBeNull();
  });

  it('other pages, pages without an address we may see, and addresses that are not URLs get nothing', () => {
    expect(injectionFor('https://example.org/journal', builtInAdapters, withBridge)).toBeNull();
    expect(injectionFor('https://sgo.e-yakutia.ru.evil.example/app', builtInAdapters, withBridge)).toBeNull();
    expect(injectionFor('http://sgo.e-yakutia.ru/app', builtInAdapters, withBridge)).toBeNull(); // https only
    expect(injectionFor('chrome://extensions/', builtInAdapters, withBridge)).toBeNull();
    expect(injectionFor(undefined, builtInAdapters, withBridge)).toBeNull();
    expect(injectionFor('', builtInAdapters, withBridge)).toBeNull();
    expect(injectionFor('not a url', builtInAdapters, withBridge)).toBeNull();
  });

  it('applies the published overrides: a kill switch means nothing at all, a narrowed host list leaves the others out', () => {
    expect(injectionFor(demo, overridden({ id: 'demo', enabled: false }), withBridge)).toBeNull();
    expect(injectionFor(sgo, overridden({ id: 'sgo', enabled: false }), withBridge)).toBeNull();
    const narrowed = overridden({ id: 'sgo', hosts: ['https://sgo.e-yakutia.ru/*'] });
    expect(injectionFor(sgo, narrowed, withBridge)).toEqual({ pageBridge: true });
    expect(injectionFor('https://deti.obr03.ru/app/', narrowed, withBridge)).toBeNull();
    // Other journals are untouched by one adapter's switch.
    expect(injectionFor(demo, overridden({ id: 'sgo', enabled: false }), withBridge)).toEqual({ pageBridge: false });
  });

  it('an override that drops the page-global identity drops the bridge (the teacher confirms the name instead)', () => {
    expect(injectionFor(sgo, overridden({ id: 'sgo', identity: null }), withBridge)).toEqual({ pageBridge: false });
  });

  it('an override cannot bring the bridge to a journal that was not built to be read from a page global', () => {
    const barsFromGlobal = overridden({
      id: 'bars',
      identity: { source: 'pageGlobal', confidence: 'unconfirmed', global: 'appContext', fields: { name: ['user.name'] } },
    });
    expect(barsFromGlobal.find((adapter) => adapter.id === 'bars')?.identity).toMatchObject({ source: 'pageGlobal' }); // the override itself is valid
    expect(injectionFor('https://school.r-19.ru/journal', barsFromGlobal, withBridge)).toEqual({ pageBridge: false });
  });
});

/**
 * A stand-in for the browser: every tab holds one document whose isolated
 * world is a fresh JavaScript realm (node:vm), so the claim function runs
 * there as the browser runs it, serialized, with its own globals. Navigating
 * a tab gives it a new document.
 */
function fakeTabs() {
  const worlds = new Map<number, vm.Context>();
  const injected: { tabId: number; file: string; world: ScriptWorld }[] = [];
  const failing = new Set<number>();
  const worldOf = (tabId: number) => {
    if (!worlds.has(tabId)) worlds.set(tabId, vm.createContext({}));
    return worlds.get(tabId)!;
  };
  const check = ({ tabId, frameId }: ScriptTarget) => {
    expect(frameId).toBe(0); // the top frame only, as the manifest's content scripts were
    if (failing.has(tabId)) throw new Error('Frame with ID 0 was removed.');
  };
  const scripts: ScriptRunner = {
    async file(target, file, world = 'ISOLATED') {
      check(target);
      injected.push({ tabId: target.tabId, file, world });
    },
    async func<T>(target: ScriptTarget, func: () => T) {
      check(target);
      return vm.runInContext(`(${func.toString()})()`, worldOf(target.tabId)) as T;
    },
  };
  return {
    scripts,
    injected,
    navigate: (tabId: number) => worlds.delete(tabId),
    fail: (tabId: number) => failing.add(tabId),
  };
}

function setup(adapters = builtInAdapters) {
  const tabs = fakeTabs();
  const readAdapters = vi.fn(async () => adapters);
  const injector = createContentInjector({ adapters: readAdapters, scripts: tabs.scripts, options: withBridge });
  return { tabs, injector, readAdapters };
}

describe('the content injector', () => {
  it('injects the content script into a journal tab whose load has completed', async () => {
    const { tabs, injector } = setup();
    expect(await injector.onTabUpdated(7, { status: 'complete' }, { id: 7, url: demo })).toBe(true);
    expect(tabs.injected).toEqual([{ tabId: 7, file: CONTENT_SCRIPT, world: 'ISOLATED' }]);
  });

  it('puts the page-world bridge in first where the journal needs it, so that it listens before the content script asks', async () => {
    const { tabs, injector } = setup();
    await injector.onTabUpdated(3, { status: 'complete' }, { id: 3, url: sgo });
    expect(tabs.injected).toEqual([
      { tabId: 3, file: PAGE_BRIDGE_SCRIPT, world: 'MAIN' },
      { tabId: 3, file: CONTENT_SCRIPT, world: 'ISOLATED' },
    ]);
  });

  it('waits for the load: updates other than a completed status do nothing', async () => {
    const { tabs, injector } = setup();
    expect(await injector.onTabUpdated(7, { status: 'loading' }, { id: 7, url: demo })).toBe(false);
    expect(await injector.onTabUpdated(7, {}, { id: 7, url: demo })).toBe(false); // a title or favicon change
    expect(tabs.injected).toEqual([]);
  });

  it('ignores at once an update without url (a host we have no permission for), without even reading the adapters', async () => {
    const { tabs, injector, readAdapters } = setup();
    expect(await injector.onTabUpdated(9, { status: 'complete' }, { id: 9 })).toBe(false);
    expect(readAdapters).not.toHaveBeenCalled();
    expect(tabs.injected).toEqual([]);
  });

  it('injects nothing into a page of another site, or of a switched-off journal', async () => {
    const { tabs, injector } = setup(overridden({ id: 'demo', enabled: false }));
    expect(await injector.onTabUpdated(1, { status: 'complete' }, { id: 1, url: 'https://example.org/' })).toBe(false);
    expect(await injector.onTabUpdated(2, { status: 'complete' }, { id: 2, url: demo })).toBe(false);
    expect(tabs.injected).toEqual([]);
  });

  it('reads the adapters at every load, so a kill switch that arrives later counts from the next load on', async () => {
    let adapters = builtInAdapters;
    const tabs = fakeTabs();
    const injector = createContentInjector({ adapters: async () => adapters, scripts: tabs.scripts, options: withBridge });
    expect(await injector.onTabUpdated(1, { status: 'complete' }, { url: demo })).toBe(true);
    adapters = overridden({ id: 'demo', enabled: false });
    tabs.navigate(1);
    expect(await injector.onTabUpdated(1, { status: 'complete' }, { url: demo })).toBe(false);
    expect(tabs.injected).toHaveLength(1);
  });

  it('injects once per document: repeated completes (bfcache, install during load) leave it alone; a new document gets it again', async () => {
    const { tabs, injector } = setup();
    await injector.onTabUpdated(5, { status: 'complete' }, { id: 5, url: sgo });
    expect(await injector.onTabUpdated(5, { status: 'complete' }, { id: 5, url: sgo })).toBe(false);
    expect(await injector.injectIntoOpenTabs([{ id: 5, url: sgo }])).toBe(0);
    expect(tabs.injected).toHaveLength(2); // bridge and content script, once

    tabs.navigate(5);
    expect(await injector.onTabUpdated(5, { status: 'complete' }, { id: 5, url: sgo })).toBe(true);
    expect(tabs.injected).toHaveLength(4);
  });

  it('two completes at once still inject once', async () => {
    const { tabs, injector } = setup();
    const results = await Promise.all([
      injector.onTabUpdated(5, { status: 'complete' }, { url: demo }),
      injector.onTabUpdated(5, { status: 'complete' }, { url: demo }),
    ]);
    expect(results.sort()).toEqual([false, true]);
    expect(tabs.injected).toHaveLength(1);
  });

  it('a tab that closed or navigated meanwhile is skipped quietly', async () => {
    const { tabs, injector } = setup();
    tabs.fail(4);
    expect(await injector.onTabUpdated(4, { status: 'complete' }, { id: 4, url: demo })).toBe(false);
    expect(tabs.injected).toEqual([]);
  });

  it('on install or update, injects into the journal tabs already open and no others', async () => {
    const { tabs, injector } = setup();
    const open = [
      { id: 1, url: demo },
      { id: 2 }, // a tab of a host we have no permission for: no url
      { id: 3, url: 'https://example.org/' },
      { url: demo }, // no id (devtools window): nothing to inject into
      { id: 4, url: sgo },
    ];
    expect(await injector.injectIntoOpenTabs(open)).toBe(2);
    expect(tabs.injected.map(({ tabId, file }) => [tabId, file])).toEqual([
      [1, CONTENT_SCRIPT],
      [4, PAGE_BRIDGE_SCRIPT],
      [4, CONTENT_SCRIPT],
    ]);
  });
});
