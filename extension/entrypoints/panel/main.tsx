import { render } from 'preact';
import browser from 'webextension-polyfill';
import { CLOSE_PANEL_MESSAGE, isPanelToken, PANEL_READY_MESSAGE, PANEL_TOKEN_MESSAGE } from '../../lazy/panel-frame.ts';
import { App } from '../../panel/App.tsx';
import { browserBridge } from '../../panel/browser-bridge.ts';
import '../../panel/panel.css';

/**
 * The panel page: everything the teacher sees once she opens the panel, in a
 * frame of the extension's own origin that the journal page cannot read (not
 * in the manifest; web-accessible to the journals' pages only). It waits for
 * the token the content script posts into the frame, and opens on what the
 * worker holds for that token (lazy/panel-frame.ts); without one (the page
 * embedded this page itself) it shows a note and nothing else.
 */
const root = document.getElementById('root')!;

function onToken(event: MessageEvent) {
  // Only the frame's parent (the journal page, where the content script posts from) hands the token over.
  if (event.source !== window.parent) return;
  const { type, token } = (event.data ?? {}) as { type?: unknown; token?: unknown };
  if (type !== PANEL_TOKEN_MESSAGE || !isPanelToken(token)) return;
  window.removeEventListener('message', onToken);
  void browserBridge.send({ type: 'panelContext', token }).then((context) => {
    const close = context
      ? () => void browser.tabs.sendMessage(context.tabId, { type: CLOSE_PANEL_MESSAGE, token }, { frameId: context.frameId })
      : () => undefined;
    render(<App context={context} firstState={context?.state ?? null} onClose={close} />, root);
  });
}
window.addEventListener('message', onToken);
// Ready for the token now, before the frame's `load`: the content script answers its own frame only, to the extension's
// origin (lazy/launcher.tsx). The message carries nothing, so any parent may hear it.
window.parent.postMessage({ type: PANEL_READY_MESSAGE }, '*');
