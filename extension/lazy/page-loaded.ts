/**
 * Resolves once the page's own load has finished (at once if it has). The
 * content script does its work (reading storage, detecting the journal,
 * mounting the launcher) only then, so that none of it runs between the
 * journal's DOMContentLoaded and its load event and delays the latter.
 */
export function pageLoaded(win: Window = window): Promise<void> {
  if (win.document.readyState === 'complete') return Promise.resolve();
  return new Promise((resolve) => win.addEventListener('load', () => resolve(), { once: true }));
}
