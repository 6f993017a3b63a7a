import browser from 'webextension-polyfill';
import type { DetectionEvent } from '../../shared/api/journal-reports.ts';

/**
 * Where detection happens (the content script, the panel), one call counts
 * what happened on this tab's journal page: the worker finds the journal and
 * host from the tab and counts it (report/detection-counts.ts). Never waits,
 * never fails the caller: a count lost is better than a journal page slowed.
 *
 * - `pagesSeen`: a teacher page of a known journal was detected;
 * - `identityRead`: the adapter read a name from it;
 * - `confirmed` / `corrected`: the teacher confirmed the name read, or typed another;
 * - `launcherFailed`: the launcher could not be shown on a detected page.
 */
export function countDetection(event: DetectionEvent): void {
  try {
    void browser.runtime.sendMessage({ type: 'countDetection', event }).catch(() => undefined);
  } catch {
    // the extension was reloaded under this page: nothing to count with
  }
}
