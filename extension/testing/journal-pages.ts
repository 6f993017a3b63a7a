/** For the journal tests: saved journal pages put into happy-dom, and detection on them. Only tests import this. */
import fs from 'node:fs';
import path from 'node:path';
import type { JournalAdapter } from '../../shared/journals/adapter-schema.ts';
import { detectJournal } from '../journals/detect.ts';
import { readPageIdentity } from '../journals/page-bridge.ts';
import { builtInAdapters } from '../journals/registry.ts';

// The saved pages are test data, so they stay under tests/ rather than among the extension's sources.
const fixturesDir = path.resolve(import.meta.dirname, '../../tests/extension/fixtures');
let assignedGlobals: string[] = [];

/**
 * Puts a saved page into happy-dom's document at `url`. Scripts do not run
 * (happy-dom does not evaluate them); a `window.NAME = {JSON};` (or `var NAME = {JSON};`) assignment in
 * the page is applied as the page itself would, the way open-source clients
 * read these globals from the HTML.
 */
export function loadPage(fixture: string | null, url: string): URL {
  for (const name of assignedGlobals) delete (window as unknown as Record<string, unknown>)[name];
  assignedGlobals = [];
  (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(url);
  const html = fixture ? fs.readFileSync(path.join(fixturesDir, fixture), 'utf8') : '<html><head></head><body></body></html>';
  const parsed = new DOMParser().parseFromString(html, 'text/html');
  document.head.innerHTML = parsed.head.innerHTML;
  document.body.innerHTML = parsed.body.innerHTML;
  for (const match of html.matchAll(/(?:window\.|var )([\w$]+) = (\{.*?\});<\/script>/g)) {
    (window as unknown as Record<string, unknown>)[match[1]!] = JSON.parse(match[2]!);
    assignedGlobals.push(match[1]!);
  }
  return new URL(url);
}

/** Detects as the content script does, with the page-world bridge replaced by a direct read of this window. */
export function detect(fixture: string | null, url: string, adapters: JournalAdapter[] = builtInAdapters) {
  const pageUrl = loadPage(fixture, url);
  return detectJournal(pageUrl, document, adapters, { pageGlobal: (identity) => Promise.resolve(readPageIdentity(window, identity)) });
}
