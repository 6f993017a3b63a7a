/** A journal whose load never ends (a hanging request) still gets its launcher after this long. */
const LONGEST_WAIT_MS = 8000;

/**
 * Resolves once the page's own load has finished (at once if it has). The
 * content script does its work (reading storage, detecting the journal,
 * mounting the launcher) only then, so that none of it runs between the
 * journal's DOMContentLoaded and its load event and delays the latter.
 */
export function pageLoaded(win: Window = window, longestWaitMs = LONGEST_WAIT_MS): Promise<void> {
  if (win.document.readyState === 'complete') return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, longestWaitMs);
    const onLoad = () => {
      clearTimeout(timer);
      resolve();
    };
    win.addEventListener('load', onLoad, { once: true });
  });
}
