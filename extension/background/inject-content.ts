import { identitySources, type JournalAdapter } from '../../shared/journals/adapter-schema.ts';
import { hostMatches, matchesAnyPattern } from '../journals/detect.ts';
import { pageGlobalMatchPatterns } from '../journals/registry.ts';
import type { ScriptRunner } from './execute-script.ts';

/*
 * The content script is not in the manifest: a manifest content script is
 * injected at document_idle, before the journal's load event, and its
 * parsing, the isolated world's creation and its CSS delay that load (by
 * about 30% of the demo journal's, measured in Chromium), however little the
 * script does. So the background injects it once the tab has loaded, on the
 * journals' pages only (after the published overrides: a switched-off adapter
 * gets nothing), and the page-world bridge first where the journal keeps its
 * teacher in a page global.
 */

/** Where WXT puts the two content scripts in the build (entrypoints/content.tsx, entrypoints/journal-bridge.content.ts). */
export const CONTENT_SCRIPT = '/content-scripts/content.js';
export const PAGE_BRIDGE_SCRIPT = '/content-scripts/journal-bridge.js';

/** What a loaded page gets: the content script, and before it the page-world bridge or not. */
export interface Injection {
  pageBridge: boolean;
}

export interface InjectionOptions {
  /** False in builds without the page-world bridge (Firefox MV2). */
  pageBridge: boolean;
}

/**
 * Pure: what the page at `url` gets, or null for nothing. Any page of an
 * enabled adapter's hosts gets the content script, which itself decides
 * whether this is a teacher page (a SPA journal may get there without a new
 * load). The bridge only where such an adapter reads a page global, and only
 * on the journals built to be read that way (registry.ts).
 */
export function injectionFor(url: string | undefined, adapters: JournalAdapter[], { pageBridge }: InjectionOptions): Injection | null {
  if (!url) return null;
  let page: URL;
  try {
    page = new URL(url);
  } catch {
    return null;
  }
  const matching = adapters.filter((adapter) => adapter.enabled && hostMatches(adapter, page));
  if (matching.length === 0) return null;
  const readsPageGlobal = matching.some((adapter) => identitySources(adapter).some((source) => source.source === 'pageGlobal'));
  return { pageBridge: pageBridge && readsPageGlobal && matchesAnyPattern(pageGlobalMatchPatterns, page) };
}

/**
 * Runs in the document's isolated world (serialized: it may use nothing from
 * outside). That world keeps its globals across injections into one document,
 * so the flag makes the first call claim the document and every later one
 * (another 'complete' of the same document, a page restored from the
 * back/forward cache, install and load at once) leave it alone. A new
 * document starts without the flag.
 */
export function claimDocument(): boolean {
  const world = globalThis as unknown as Record<string, unknown>;
  if (world.__profrostContentInjected === true) return false;
  world.__profrostContentInjected = true;
  return true;
}

/** What the claim of a loaded document found: ours now, already ours, or a document still loading (not claimed). */
export type Claim = 'claimed' | 'taken' | 'loading';

/**
 * The same claim, but only of a document that has finished loading: when a
 * journal's request has completed, the tab may still show the PREVIOUS
 * document (already claimed, or not ours), or the new one still loading. The
 * caller looks again until the new document is loaded (inject-after-load.ts).
 * Serialized like claimDocument; a realm without a document counts as loaded.
 */
export function claimLoadedDocument(): Claim {
  const world = globalThis as unknown as Record<string, unknown> & { document?: { readyState: string } };
  if (world.__profrostContentInjected === true) return 'taken';
  if (world.document && world.document.readyState !== 'complete') return 'loading';
  world.__profrostContentInjected = true;
  return 'claimed';
}

/** What one try at a tab came to. */
export type InjectOutcome = 'injected' | Exclude<Claim, 'claimed'> | 'not-journal' | 'failed';

/** The parts of `tabs.onUpdated`'s arguments that matter here. */
export interface TabChange {
  status?: string;
}
export interface TabInfo {
  id?: number;
  /** Present only for pages the extension has host permission for (it has no `tabs` permission). */
  url?: string;
}

export interface ContentInjectorDeps {
  /** The adapters in force (journals/cached-adapters.ts). */
  adapters(): Promise<JournalAdapter[]>;
  scripts: ScriptRunner;
  options: InjectionOptions;
}

export function createContentInjector({ adapters, scripts, options }: ContentInjectorDeps) {
  /** Injects into the tab's top frame if its page is a journal's; true when this call injected. */
  async function injectInto(tabId: number, url: string | undefined): Promise<boolean> {
    return (await tryInject(tabId, url, { evenLoading: true })) === 'injected';
  }

  /**
   * One try: injects into the tab's top frame if its page is a journal's and
   * its document is ours to claim — loaded, unless `evenLoading` (a tab open
   * at install, a load that never ends: the content script then waits for the load itself).
   */
  async function tryInject(tabId: number, url: string | undefined, { evenLoading }: { evenLoading: boolean }): Promise<InjectOutcome> {
    if (!url) return 'not-journal';
    const injection = injectionFor(url, await adapters(), options);
    if (!injection) return 'not-journal';
    const target = { tabId, frameId: 0 };
    try {
      const claim: Claim | undefined = evenLoading
        ? (await scripts.func(target, claimDocument)) === true
          ? 'claimed'
          : 'taken'
        : await scripts.func(target, claimLoadedDocument);
      if (claim !== 'claimed') return claim ?? 'failed';
      // In the page's world first, so that it listens before the content script asks it.
      if (injection.pageBridge) await scripts.file(target, PAGE_BRIDGE_SCRIPT, 'MAIN');
      await scripts.file(target, CONTENT_SCRIPT);
      return 'injected';
    } catch {
      // The tab was closed or navigated meanwhile, or shows an error page: its next load brings its own event.
      return 'failed';
    }
  }

  return {
    injectInto,
    tryInject,
    /** tabs.onUpdated: only a finished load, only a page whose address we may see (others come without url). */
    onTabUpdated(tabId: number, change: TabChange, tab: TabInfo): Promise<boolean> {
      if (change.status !== 'complete' || !tab.url) return Promise.resolve(false);
      return injectInto(tabId, tab.url);
    },
    /** Journal tabs that were open before the extension was installed or updated; resolves with how many got it. */
    async injectIntoOpenTabs(tabs: TabInfo[]): Promise<number> {
      const injected = await Promise.all(tabs.map((tab) => (tab.id === undefined ? false : injectInto(tab.id, tab.url))));
      return injected.filter(Boolean).length;
    },
  };
}

export type ContentInjector = ReturnType<typeof createContentInjector>;
