/** How often the tab's status is looked at while its page loads. */
const POLL_MS = 50;
/** A journal whose load never ends (a hanging request) still gets its launcher after this long. */
const LONGEST_WAIT_MS = 8000;

/**
 * Resolves once the tab's page has loaded (status 'complete'), or after
 * `longestWaitMs` whatever its status, or with false if the tab is gone.
 * It looks at the status from time to time rather than listening to
 * tabs.onUpdated: Chrome would then keep that listener as a reason to wake
 * the worker for every navigation in every tab (watch-journal-tabs.ts).
 */
export async function tabLoaded(
  status: () => Promise<string | undefined>,
  { pollMs = POLL_MS, longestWaitMs = LONGEST_WAIT_MS }: { pollMs?: number; longestWaitMs?: number } = {},
): Promise<boolean> {
  const giveUpAt = Date.now() + longestWaitMs;
  for (;;) {
    let now: string | undefined;
    try {
      now = await status();
    } catch {
      return false; // closed
    }
    if (now === 'complete' || Date.now() >= giveUpAt) return true;
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
}
