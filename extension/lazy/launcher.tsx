import { render } from 'preact';
import { useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import type { Requests } from '../background/protocol.ts';
import { messages } from '../messages.ts';
import { Launcher } from '../panel/Launcher.tsx';
import { attachMark } from './launcher-mark.ts';
import { CLOSE_PANEL_MESSAGE, newPanelToken, PANEL_PAGE, PANEL_TOKEN_MESSAGE, type PanelOpening } from './panel-frame.ts';

function LazyLauncher({ onOpen, failed }: { onOpen: () => Promise<void>; failed: boolean }) {
  const [state, setState] = useState<'idle' | 'loading' | 'failed'>(failed ? 'failed' : 'idle');
  const open = () => {
    if (state === 'loading') return;
    setState('loading');
    onOpen().catch(() => setState('failed'));
  };
  return (
    <>
      {state === 'failed' && (
        <p class="launcher-error" role="alert">
          {messages.panelLoadFailed}
        </p>
      )}
      <Launcher onOpen={open} markHost={attachMark} />
    </>
  );
}

/** At most one wake of the worker this often: it sleeps after 30 s without work. */
const wakeEveryMs = 10_000;

/** The frame of the extension's panel page; the page sees its element, never its document. */
function createPanelFrame(doc: Document, src: string): HTMLIFrameElement {
  const frame = doc.createElement('iframe');
  frame.className = 'panel-frame';
  frame.title = messages.panelTitle;
  frame.src = src;
  return frame;
}

/**
 * Renders the launcher into the shadow root's container. A click opens the
 * panel: the extension's panel page in a frame in the launcher's place
 * (lazy/panel-frame.ts tells how the two find each other without the page);
 * closing it removes the frame and puts the focus back on the launcher.
 * Returns the function that removes whatever is mounted.
 */
export function mountLauncher(container: HTMLElement, props: PanelOpening): () => void {
  return mountOpenableLauncher(container, props).unmount;
}

/**
 * The same, with `open`: what a click on the launcher does, for the toolbar
 * button (background/open-from-toolbar.ts), which thereby opens the very same panel.
 */
export function mountOpenableLauncher(container: HTMLElement, props: PanelOpening): { unmount: () => void; open: () => void } {
  const src = browser.runtime.getURL(PANEL_PAGE);
  // The frame's document has the extension's origin: in Chrome the static one (chrome-extension://<id>) even when
  // loaded through the per-session dynamic URL that `src` is; in Firefox the moz-extension://<uuid> of `src`.
  const frameOrigins = [...new Set([new URL(src).origin, `${new URL(src).protocol}//${browser.runtime.id}`])];
  let open: { token: string; frame: HTMLIFrameElement } | null = null;

  const showLauncher = ({ focus = false, failed = false } = {}) => {
    render(<LazyLauncher onOpen={openPanel} failed={failed} />, container);
    if (focus) container.querySelector<HTMLElement>('button.launcher')?.focus();
  };

  async function openPanel(): Promise<void> {
    const token = newPanelToken();
    const request: Requests['openPanel']['request'] = { type: 'openPanel', token, ...props };
    // The frame starts loading while the worker (perhaps asleep) hears of the opening: it waits for it there.
    const frame = createPanelFrame(container.ownerDocument, src);
    frame.addEventListener('load', () => {
      // To the extension's origin only: a frame the page has navigated elsewhere gets nothing.
      for (const origin of frameOrigins) {
        try {
          frame.contentWindow?.postMessage({ type: PANEL_TOKEN_MESSAGE, token }, origin);
        } catch {
          // not an origin this browser can name (Firefox: the id is not the host)
        }
      }
      frame.focus();
    });
    const announced = browser.runtime.sendMessage(request) as Promise<boolean>;
    render(null, container);
    container.append(frame);
    open = { token, frame };
    if (!(await announced.catch(() => false)) && open?.token === token) closePanel({ failed: true });
  }

  function closePanel(how: { focus?: boolean; failed?: boolean }) {
    open?.frame.remove();
    open = null;
    showLauncher(how);
  }

  // The panel asks to be closed through the browser (tabs.sendMessage from the panel page), never through the page.
  const onMessage = (message: unknown) => {
    const { type, token } = (message ?? {}) as { type?: unknown; token?: unknown };
    if (type === CLOSE_PANEL_MESSAGE && open && token === open.token) closePanel({ focus: true });
    return undefined;
  };
  browser.runtime.onMessage.addListener(onMessage);

  // The pointer on the launcher, or the focus on it, says a click may follow: the worker, asleep after half a minute
  // without work, starts then, in the time a person takes to click, rather than after the click (about 250 ms on a busy
  // 2-core machine, bench/panel-opening.ts). The cheapest question it answers from a content script: whether something awaits.
  let wokenAt = 0;
  const wake = () => {
    if (open || Date.now() - wokenAt < wakeEveryMs) return;
    wokenAt = Date.now();
    const ask: Requests['getMark']['request'] = { type: 'getMark' };
    void browser.runtime.sendMessage(ask).catch(() => undefined);
  };
  container.addEventListener('pointerover', wake);
  container.addEventListener('focusin', wake);

  showLauncher();
  return {
    unmount() {
      browser.runtime.onMessage.removeListener(onMessage);
      container.removeEventListener('pointerover', wake);
      container.removeEventListener('focusin', wake);
      open?.frame.remove();
      open = null;
      render(null, container);
    },
    open() {
      // Already open: the frame is there.
      if (!open) void openPanel();
    },
  };
}
