import type { MarkView } from '../background/protocol.ts';
import { messages } from '../messages.ts';

/**
 * The launcher's mark: something awaits the teacher (issues 22, 23). The launcher lives in an open shadow root
 * that the journal page's scripts can read (WXT's, and Playwright's tests need it open), so the mark must not
 * change anything there. It is drawn in a closed shadow root of its own, attached from the content script's
 * isolated world (a page script that patches `attachShadow` patches its own world's, not ours), on a host that is
 * always there with the same attributes and size: the dot inside has the host's box whether shown or not (only its
 * colour changes), and the words a screen reader adds to the launcher's name sit in a fixed 1×1 clipped box. So
 * the page reads the same DOM, attributes, sizes and hit-testing with and without it (tests/browser/hostile-page.test.ts).
 */
let current: MarkView = { awaits: false, title: messages.mark.none };
const marks = new Map<Element, { dot: HTMLElement; words: HTMLElement }>();

const style = `
  :host { all: initial; }
  .dot { position: absolute; inset: 0; border-radius: 50%; background: transparent; }
  .dot.on { background: #f0b400; box-shadow: 0 0 0 2px #2e7d5b; }
  .words { position: absolute; top: 0; left: 0; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
`;

/** Mounts the mark's closed root on its host (the launcher's `.launcher__mark`), once a host. */
export function attachMark(host: HTMLElement | null): void {
  if (!host || marks.has(host)) return;
  const root = host.attachShadow({ mode: 'closed' });
  const sheet = host.ownerDocument.createElement('style');
  sheet.textContent = style;
  const dot = host.ownerDocument.createElement('span');
  dot.className = 'dot';
  const words = host.ownerDocument.createElement('span');
  words.className = 'words';
  root.append(sheet, dot, words);
  marks.set(host, { dot, words });
  show(host);
}

function show(host: Element): void {
  const mark = marks.get(host);
  if (!mark) return;
  mark.dot.classList.toggle('on', current.awaits);
  mark.words.textContent = current.awaits ? messages.mark.launcherMark : '';
}

/** The worker's answer or news: shown on every launcher host mounted (one a page). */
export function setMark(view: MarkView): void {
  current = view;
  for (const host of [...marks.keys()]) {
    if (host.isConnected) show(host);
    else marks.delete(host);
  }
}
