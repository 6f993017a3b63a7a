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

export default defineConfig({
  srcDir: 'extension',
  // Copied as is into the build: the managed storage schema.
  publicDir: 'extension/public',
  modules: ['@wxt-dev/webextension-polyfill'],
  // Explicit imports: a newcomer sees where every name comes from.
  imports: false,
  manifest: ({ browser }) => ({
    name: 'ПрофРост — профиль педагога',
    description: 'Профиль педагога в электронном журнале: диагностика профессиональных дефицитов, маршрут и курсы ДПО.',
    default_locale: undefined,
    permissions: ['storage', 'alarms'],
    host_permissions: [hostPattern(serverUrl)],
    // A school's IT can push the server address by policy (Chrome's managed storage); Firefox reads policies without a schema.
    ...(browser === 'firefox' ? {} : { storage: { managed_schema: 'managed_schema.json' } }),
  }),
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
