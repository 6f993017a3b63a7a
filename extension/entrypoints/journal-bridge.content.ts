import { defineContentScript } from 'wxt/utils/define-content-script';
import { installPageBridge } from '../journals/page-bridge.ts';

/**
 * Runs in the journal page's own world (MAIN), where page globals such as
 * Сетевой город's `appContext` are visible, and answers the content script's
 * requests with name, school and role only (see journals/page-bridge.ts).
 * It has no extension APIs and keeps nothing. Not in the manifest: the
 * background injects it after the page's load, just before the content
 * script, and only on the journals whose teacher is described by a page
 * global (background/inject-content.ts).
 *
 * Not in the Firefox build: Firefox MV2 has no MAIN-world content scripts.
 * There the content script does not ask (see content.tsx); journals whose
 * identity lives in a page global show the launcher with an unknown teacher,
 * who then confirms their name in the panel.
 */
export default defineContentScript({
  registration: 'runtime',
  exclude: ['firefox'],
  world: 'MAIN',
  globalName: false,
  main() {
    installPageBridge(window);
  },
});
