import { render } from 'preact';
import browser from 'webextension-polyfill';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import { resolveMount } from '../journals/detect.ts';
import { createLauncherSync } from '../journals/launcher-sync.ts';
import { applyOverrides, OVERRIDE_STORAGE_KEY } from '../journals/override.ts';
import { requestPageIdentity } from '../journals/page-bridge.ts';
import { builtInAdapters, type DetectedJournal, detectJournal, journalMatchPatterns } from '../journals/registry.ts';
import { App } from '../panel/App.tsx';
import '../panel/panel.css';

export default defineContentScript({
  matches: journalMatchPatterns,
  cssInjectionMode: 'ui',
  async main(ctx) {
    // The server may have published a correction or a kill switch for an adapter; it is data, never code.
    const cached = await browser.storage.local.get(OVERRIDE_STORAGE_KEY).catch(() => ({}));
    const adapters = applyOverrides(builtInAdapters, (cached as Record<string, unknown>)[OVERRIDE_STORAGE_KEY]);

    // Nothing is injected until we know this is a teacher's page of a known journal.
    const launcher = createLauncherSync({
      detect: (url) =>
        detectJournal(url, document, adapters, (identity) => requestPageIdentity(window, identity, { signal: ctx.signal })),
      async mount(journal) {
        const ui = await createUi(journal);
        ui.mount();
        return { remove: () => ui.remove(), isConnected: () => ui.shadowHost.isConnected };
      },
      isValid: () => ctx.isValid,
    });

    async function createUi(journal: DetectedJournal) {
      return createShadowRootUi(ctx, {
        name: 'profrost-panel',
        position: 'inline',
        ...resolveMount(document, journal.mount),
        onMount(container) {
          // An unconfirmed name is only a suggestion: the panel asks the teacher to confirm or correct it.
          render(<App teacher={journal.teacher} needsConfirmation={journal.needsConfirmation} />, container);
          return container;
        },
        onRemove: (container) => container && render(null, container),
      });
    }

    // SPA journals (Сетевой город, МЭШ) change the URL without a reload: detect again, keep one launcher.
    ctx.addEventListener(window, 'wxt:locationchange', (event) => void launcher.update(event.newUrl));
    await launcher.update(new URL(location.href));
  },
});
