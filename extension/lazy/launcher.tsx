import { render } from 'preact';
import { useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import type { Requests } from '../background/protocol.ts';
import { messages } from '../messages.ts';
import { Launcher } from '../panel/Launcher.tsx';
import { attachMark } from './launcher-mark.ts';
import { CLOSE_PANEL_MESSAGE, newPanelToken, PANEL_PAGE, PANEL_READY_MESSAGE, PANEL_TOKEN_MESSAGE, type PanelOpening } from './panel-frame.ts';

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

/** A frame preloaded on intent and not used is removed this long after the last sign of intent. */
export const PRELOAD_KEPT_MS = 30_000;
/** …or this long after the pointer and the focus left the launcher. */
export const PRELOAD_KEPT_AFTER_LEAVING_MS = 4_000;

/** The frame of the extension's panel page; the page sees its element, never its document. */
function createPanelFrame(doc: Document, src: string): HTMLIFrameElement {
  const frame = doc.createElement('iframe');
  frame.className = 'panel-frame';
  frame.title = messages.panelTitle;
  frame.src = src;
  return frame;
}

/**
 * The same frame loading in advance, on the teacher's intent (the pointer on the launcher, or the focus): hidden
 * (display: none), out of the tab order and of the accessibility tree, and without the `panel-frame` class until
 * the click shows it. It gets no token before the click, so its page shows nothing.
 */
function createHiddenPanelFrame(doc: Document, src: string): HTMLIFrameElement {
  const frame = doc.createElement('iframe');
  frame.hidden = true;
  frame.inert = true;
  frame.tabIndex = -1;
  frame.setAttribute('aria-hidden', 'true');
  frame.src = src;
  return frame;
}

function reveal(frame: HTMLIFrameElement): void {
  frame.className = 'panel-frame';
  frame.title = messages.panelTitle;
  frame.hidden = false;
  frame.inert = false;
  frame.removeAttribute('tabindex');
  frame.removeAttribute('aria-hidden');
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
  /** A frame loading ahead of a click (createHiddenPanelFrame). */
  let preloaded: { frame: HTMLIFrameElement; timer: ReturnType<typeof setTimeout> } | null = null;
  /** The frames that can take the token (their page said so, or they loaded), before or after the click. */
  const readyFrames = new WeakSet<HTMLIFrameElement>();

  let givingFocusBack = false;
  const showLauncher = ({ focus = false, failed = false } = {}) => {
    render(<LazyLauncher onOpen={openPanel} failed={failed} />, container);
    if (focus) {
      // The focus put back by closing is not a new intent: no frame is preloaded for it.
      givingFocusBack = true;
      container.querySelector<HTMLElement>('button.launcher')?.focus();
      givingFocusBack = false;
    }
  };

  // To the extension's origin only: a frame the page has navigated elsewhere gets nothing.
  const postToken = (frame: HTMLIFrameElement, token: string) => {
    for (const origin of frameOrigins) {
      try {
        frame.contentWindow?.postMessage({ type: PANEL_TOKEN_MESSAGE, token }, origin);
      } catch {
        // not an origin this browser can name (Firefox: the id is not the host)
      }
    }
    frame.focus();
  };

  // The panel page says it can take the token as soon as its script runs (earlier than `load`). Heard from our own
  // frame only; anything else posting it gets nothing, and the answer goes to the extension's origin only.
  const onFrameMessage = (event: MessageEvent) => {
    if ((event.data as { type?: unknown } | null)?.type !== PANEL_READY_MESSAGE || !frameOrigins.includes(event.origin)) return;
    const frame = [open?.frame, preloaded?.frame].find((candidate) => candidate && event.source === candidate.contentWindow);
    if (frame) markReady(frame);
  };
  function markReady(frame: HTMLIFrameElement) {
    if (readyFrames.has(frame)) return;
    readyFrames.add(frame);
    if (open?.frame === frame) postToken(frame, open.token);
  }
  /** Whichever comes first: the page's word that it is ready, or the frame's load (should a page never say it). */
  const watched = (frame: HTMLIFrameElement) => {
    frame.addEventListener('load', () => markReady(frame));
    return frame;
  };
  const view = container.ownerDocument.defaultView;
  view?.addEventListener('message', onFrameMessage);

  async function openPanel(): Promise<void> {
    const token = newPanelToken();
    const request: Requests['openPanel']['request'] = { type: 'openPanel', token, ...props };
    // The frame starts loading (unless preloaded) while the worker (perhaps asleep) hears of the opening: it waits for it there.
    const frame = takePreloaded() ?? watched(createPanelFrame(container.ownerDocument, src));
    const announced = browser.runtime.sendMessage(request) as Promise<boolean>;
    render(null, container);
    if (!frame.isConnected) container.append(frame);
    open = { token, frame };
    if (readyFrames.has(frame)) postToken(frame, token);
    if (!(await announced.catch(() => false)) && open?.token === token) closePanel({ failed: true });
  }

  /** The preloaded frame, shown, for the click; null when there is none. */
  function takePreloaded(): HTMLIFrameElement | null {
    if (!preloaded) return null;
    const { frame, timer } = preloaded;
    clearTimeout(timer);
    preloaded = null;
    reveal(frame);
    return frame;
  }

  function dropPreloaded() {
    if (!preloaded) return;
    clearTimeout(preloaded.timer);
    preloaded.frame.remove();
    preloaded = null;
  }

  /** On intent: the panel's page loads, hidden, in the time a person takes to click. */
  function preload(keptMs: number) {
    if (open) return;
    if (!preloaded) {
      const frame = watched(createHiddenPanelFrame(container.ownerDocument, src));
      container.append(frame);
      preloaded = { frame, timer: setTimeout(dropPreloaded, keptMs) };
      return;
    }
    clearTimeout(preloaded.timer);
    preloaded.timer = setTimeout(dropPreloaded, keptMs);
  }

  function closePanel(how: { focus?: boolean; failed?: boolean }) {
    open?.frame.remove();
    open = null;
    leftSinceClose = !pointerInside;
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
  // The launcher drawn again under a pointer that rests where the panel was closed is not a new intent either: the
  // browser sends it a pointerover without the pointer moving. Only once the pointer has left and come back.
  let pointerInside = false;
  let leftSinceClose = true;
  const wake = (event: Event) => {
    if (event.type === 'pointerover') pointerInside = true;
    if (open || givingFocusBack) return;
    if (event.type === 'pointerover' && !leftSinceClose) return;
    preload(PRELOAD_KEPT_MS);
    if (Date.now() - wokenAt < wakeEveryMs) return;
    wokenAt = Date.now();
    const ask: Requests['getMark']['request'] = { type: 'getMark' };
    void browser.runtime.sendMessage(ask).catch(() => undefined);
  };
  container.addEventListener('pointerover', wake);
  container.addEventListener('focusin', wake);
  // Gone from the launcher: a frame preloaded and not clicked goes after a short while.
  const leave = (event: Event) => {
    const to = (event as FocusEvent | PointerEvent).relatedTarget;
    if (event.type === 'pointerout' && !(to instanceof Node && container.contains(to))) {
      pointerInside = false;
      leftSinceClose = true;
    }
    if (preloaded && !(to instanceof Node && container.contains(to))) preload(PRELOAD_KEPT_AFTER_LEAVING_MS);
  };
  container.addEventListener('pointerout', leave);
  container.addEventListener('focusout', leave);

  showLauncher();
  return {
    unmount() {
      browser.runtime.onMessage.removeListener(onMessage);
      container.removeEventListener('pointerover', wake);
      container.removeEventListener('focusin', wake);
      container.removeEventListener('pointerout', leave);
      container.removeEventListener('focusout', leave);
      view?.removeEventListener('message', onFrameMessage);
      dropPreloaded();
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
