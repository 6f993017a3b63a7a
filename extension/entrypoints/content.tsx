import { render } from 'preact';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import { detectJournal, journalMatchPatterns } from '../journals/registry.ts';
import { App } from '../panel/App.tsx';
import '../panel/panel.css';

export default defineContentScript({
  matches: journalMatchPatterns,
  cssInjectionMode: 'ui',
  async main(ctx) {
    // Nothing is injected until we know this is a teacher's page of a known journal.
    const journal = detectJournal(new URL(location.href), document);
    if (!journal) return;

    const ui = await createShadowRootUi(ctx, {
      name: 'profrost-panel',
      position: 'inline',
      anchor: 'body',
      append: 'last',
      onMount(container) {
        render(<App teacher={journal.teacher} />, container);
        return container;
      },
      onRemove: (container) => container && render(null, container),
    });
    ui.mount();
  },
});
