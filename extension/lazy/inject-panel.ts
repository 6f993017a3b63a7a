import type { Runtime } from 'webextension-polyfill';
import { browserScriptRunner, type ScriptRunner } from '../background/execute-script.ts';
import { PANEL_SCRIPT } from './panel-handle.ts';

/**
 * Background side: injects the panel's bundle into the isolated world of the
 * frame whose content script asked (the same world, so it can hand the
 * content script its mount function).
 */
export async function injectPanel(sender: Runtime.MessageSender, scripts: ScriptRunner = browserScriptRunner): Promise<void> {
  const tabId = sender.tab?.id;
  if (tabId === undefined) throw new Error('loadPanel comes only from a content script in a tab');
  await scripts.file({ tabId, frameId: sender.frameId ?? 0 }, PANEL_SCRIPT);
}
