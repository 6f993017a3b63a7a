import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import { knownJournalsFor } from './shared/journals/known-journals.ts';

/**
 * The server this build talks to by default. `npm start` builds for the
 * local server; a deployment builds with PROFROST_PUBLIC_URL set to its own.
 */
const serverUrl = (process.env.PROFROST_PUBLIC_URL || `http://localhost:${process.env.PORT || 8787}`).replace(/\/+$/, '');
// WXT exposes WXT_* variables to the extension code as import.meta.env.
process.env.WXT_PROFROST_SERVER_URL = serverUrl;

/** Match patterns ignore the port, so one pattern covers the server on any port of its host. */
function hostPattern(url: string): string {
  const { protocol, hostname } = new URL(url);
  return `${protocol}//${hostname}/*`;
}

/** `https://*.eljur.ru/*` → itself; `http://localhost/demo/journal*` → `http://localhost/*` (permissions cover whole hosts). */
function hostOfMatchPattern(pattern: string): string {
  const [, scheme, host] = /^([^:]+):\/\/([^/]+)\//.exec(pattern) ?? [];
  if (!scheme || !host) throw new Error(`not a match pattern: ${pattern}`);
  return `${scheme}://${host}/*`;
}

/**
 * Host permissions: the configured server plus exactly the hosts of the known
 * journals, which the adapters this build ships with take as theirs (overrides
 * cannot add a host), so that they cannot drift from what the background injects into.
 */
const hostPermissions = [
  ...new Set([
    hostPattern(serverUrl),
    ...knownJournalsFor(serverUrl)
      .flatMap((journal) => journal.hosts)
      .map(hostOfMatchPattern),
  ]),
];

/** The journals' pages, as web_accessible_resources match them (by the origin that loads a resource; the path must be `/*`). */
const journalPages = [
  ...new Set(
    knownJournalsFor(serverUrl)
      .flatMap((journal) => journal.hosts)
      .map(hostOfMatchPattern),
  ),
];

export default defineConfig({
  srcDir: 'extension',
  // The tests build into a folder of their own (tests/browser/build-extension.ts), never over the
  // .output/chrome-mv3 a person built for their own server's port.
  outDir: process.env.PROFROST_EXTENSION_OUT_DIR || '.output',
  // Copied as is into the build: the managed storage schema.
  publicDir: 'extension/public',
  modules: ['@wxt-dev/webextension-polyfill'],
  // Explicit imports: a newcomer sees where every name comes from.
  imports: false,
  manifest: ({ browser }) => ({
    // Firefox needs a fixed id for managed storage (enterprise policy) and for signing, and asks new
    // extensions to declare what they send: the teacher's name and school, read from the journal page.
    ...(browser === 'firefox' && {
      browser_specific_settings: {
        gecko: { id: 'profrost@profrost', data_collection_permissions: { required: ['personallyIdentifyingInfo', 'websiteContent'] } },
      },
    }),
    name: 'ПрофРост — профиль педагога',
    description: 'Профиль педагога в электронном журнале: диагностика профессиональных дефицитов, маршрут и курсы ДПО.',
    default_locale: undefined,
    // scripting: the background injects the content script into a journal tab after its load
    // (background/inject-content.ts).
    // webRequest (Chrome): a journal's own document request wakes the worker, not every navigation
    // anywhere (background/watch-journal-tabs.ts); without blocking it shows no install warning.
    // No `tabs` and no `webNavigation`: both would warn of "reading your browsing history".
    permissions: ['storage', 'alarms', 'scripting', ...(browser === 'firefox' ? [] : ['webRequest'])],
    host_permissions: [...hostPermissions],
    // The toolbar button opens the panel on any page of a known journal (background/open-from-toolbar.ts); no popup.
    action: { default_title: 'Профиль педагога' },
    // A school's IT can push the server address by policy (Chrome's managed storage); Firefox reads policies without a schema.
    ...(browser === 'firefox' ? {} : { storage: { managed_schema: 'managed_schema.json' } }),
    // The panel page, framed in the journal's page by the content script (lazy/panel-frame.ts): loadable by the
    // journals' pages only, and in Chrome only under the per-session dynamic URL, so that other sites cannot
    // probe for the extension with it and a journal page cannot guess it (it holds no data without the
    // content script's token anyway). Firefox MV2's moz-extension:// address is already random per browser.
    web_accessible_resources: browser === 'firefox' ? ['panel.html'] : [{ resources: ['panel.html'], matches: journalPages, use_dynamic_url: true }],
  }),
  hooks: {
    /*
     * WXT adds the `matches` of runtime-registered content scripts to the host
     * permissions as they are (`http://localhost/demo/journal*`); a permission
     * covers a whole host anyway, so each is cut down to its host, which the
     * list above already holds (`wxt dev` adds its dev server, kept). And WXT
     * leaves an empty `content_scripts`: there are none in the manifest.
     * (For Firefox MV2, WXT then moves the host permissions into `permissions`.)
     */
    'build:manifestGenerated'(_wxt, manifest) {
      manifest.host_permissions = [...new Set((manifest.host_permissions ?? []).map(hostOfMatchPattern))];
      if (manifest.content_scripts?.length === 0) delete manifest.content_scripts;
    },
  },
  vite: () => ({
    plugins: [preact()],
    build: {
      rollupOptions: {
        // zod's sources carry `@__PURE__` notes in places Rollup ignores; harmless, and noise in every build.
        // (onLog: Vite 6 reports these through it before any onwarn would see them.)
        onLog(level, log, handler) {
          if (log.code !== 'INVALID_ANNOTATION') handler(level, log);
        },
      },
    },
  }),
});
