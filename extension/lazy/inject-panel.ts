import browser, { type Runtime } from 'webextension-polyfill';
import { PANEL_SCRIPT } from './panel-handle.ts';

/**
 * Background side: injects the panel's bundle into the isolated world of the
 * frame whose content script asked (the same world, so it can hand the
 * content script its mount function). Needs the `scripting` permission and
 * host permission for the journal's host (wxt.config.ts grants both for the
 * known journals only). Firefox builds without `browser.scripting` (MV2 before
 * Firefox 102) use tabs.executeScript, which does the same.
 */
export async function injectPanel(sender: Runtime.MessageSender): Promise<void> {
  const tabId = sender.tab?.id;
  if (tabId === undefined) throw new Error('loadPanel comes only from a content script in a tab');
  const frameId = sender.frameId ?? 0;
  if (browser.scripting) {
    await browser.scripting.executeScript({ target: { tabId, frameIds: [frameId] }, files: [PANEL_SCRIPT] });
  } else {
    await browser.tabs.executeScript(tabId, { frameId, file: PANEL_SCRIPT });
  }
}
