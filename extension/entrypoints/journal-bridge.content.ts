import { defineContentScript } from 'wxt/utils/define-content-script';
import { installPageBridge } from '../journals/page-bridge.ts';
import { pageGlobalMatchPatterns } from '../journals/registry.ts';

/**
 * Runs in the journal page's own world (MAIN), where page globals such as
 * Сетевой город's `appContext` are visible, and answers the content script's
 * requests with name, school and role only (see journals/page-bridge.ts).
 * It has no extension APIs and keeps nothing. Started at document_start so
 * that it listens before the content script asks; only on the journals whose
 * teacher is described by a page global (registry.ts).
 *
 * Not in the Firefox build: Firefox MV2 has no MAIN-world content scripts.
 * There the content script does not ask (see content.tsx); journals whose
 * identity lives in a page global show the launcher with an unknown teacher,
 * who then confirms their name in the panel.
 */
export default defineContentScript({
  matches: pageGlobalMatchPatterns,
  exclude: ['firefox'],
  world: 'MAIN',
  runAt: 'document_start',
  globalName: false,
  main() {
    installPageBridge(window);
  },
});
