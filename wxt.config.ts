import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';

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

export default defineConfig({
  srcDir: 'extension',
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
    // scripting: the background injects the panel's bundle into a journal tab on the first open (lazy/inject-panel.ts).
    permissions: ['storage', 'alarms', 'scripting'],
    host_permissions: [hostPattern(serverUrl)],
    // A school's IT can push the server address by policy (Chrome's managed storage); Firefox reads policies without a schema.
    ...(browser === 'firefox' ? {} : { storage: { managed_schema: 'managed_schema.json' } }),
  }),
  hooks: {
    /*
     * Host permissions: the configured server plus exactly the hosts the content
     * scripts run on (the known journals, from the adapters), which injecting the
     * panel needs. Taken from the generated content_scripts so they cannot drift.
     * (For Firefox MV2, WXT then moves them into `permissions`.)
     */
    'build:manifestGenerated'(_wxt, manifest) {
      const journalHosts = (manifest.content_scripts ?? []).flatMap((script) => script.matches ?? []).map(hostOfMatchPattern);
      manifest.host_permissions = [...new Set([...(manifest.host_permissions ?? []), ...journalHosts])];
    },
  },
  vite: () => ({
    plugins: [preact()],
    build: {
      rollupOptions: {
        // zod's sources carry `@__PURE__` notes in places Rollup ignores; harmless, and noise in every build.
        onwarn(warning, warn) {
          if (warning.code !== 'INVALID_ANNOTATION') warn(warning);
        },
      },
    },
  }),
});
