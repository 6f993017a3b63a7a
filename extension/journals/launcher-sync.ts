import type { DetectedJournal } from './detect.ts';

/** A mounted launcher, as far as the sync needs to know it. */
export interface MountedLauncher {
  remove(): void;
  /** False when the journal's SPA has thrown our host element away. */
  isConnected(): boolean;
  /** Opens the panel, as a click on the launcher does. */
  open?(): void;
}

export interface LauncherSyncOptions {
  detect(url: URL): Promise<DetectedJournal | null>;
  mount(journal: DetectedJournal): Promise<MountedLauncher>;
  /** False once the content script is invalidated (extension updated or reloaded). */
  isValid?(): boolean;
}

/**
 * Keeps exactly one launcher in step with the page while a SPA journal
 * changes its URL: detections run one at a time and in order, only the latest
 * navigation's result counts, an unchanged result keeps the launcher (and an
 * open panel) as it is, a changed one replaces it, and a page that is no
 * longer a teacher page loses it. Never two launchers at once.
 */
export function createLauncherSync({ detect, mount, isValid = () => true }: LauncherSyncOptions) {
  let mounted: MountedLauncher | null = null;
  let shownKey = '';
  let latest = 0;
  let queue: Promise<void> = Promise.resolve();

  const keyOf = (journal: DetectedJournal | null) =>
    journal ? JSON.stringify([journal.adapter.id, journal.teacher, journal.needsConfirmation, journal.mount]) : '';

  async function show(url: URL, run: number) {
    const journal = await detect(url);
    if (run !== latest || !isValid()) return; // a newer navigation has taken over
    const key = keyOf(journal);
    if (mounted && key === shownKey && mounted.isConnected()) return;
    mounted?.remove();
    mounted = null;
    shownKey = key;
    if (journal) mounted = await mount(journal);
  }

  return {
    /** Re-detects for `url`; resolves when this (and every earlier) update has settled. */
    update(url: URL): Promise<void> {
      const run = ++latest;
      queue = queue.then(() => show(url, run)).catch(() => undefined);
      return queue;
    },
    /**
     * Opens the panel (the toolbar button): through the launcher on the page,
     * or, where detection found no teacher page (the journal changed its
     * markup or its addresses), through a launcher for `fallback` mounted now.
     * Resolves false when there is neither.
     */
    openPanel(fallback: DetectedJournal | null): Promise<boolean> {
      const opened = queue.then(async () => {
        if (!isValid()) return false;
        if (!mounted?.isConnected()) {
          if (!fallback) return false;
          mounted?.remove();
          shownKey = keyOf(fallback);
          mounted = await mount(fallback);
        }
        mounted.open?.();
        return true;
      });
      queue = opened.then(
        () => undefined,
        () => undefined,
      );
      return opened.catch(() => false);
    },
    /** Removes the launcher (content script invalidated). */
    dispose() {
      latest++;
      mounted?.remove();
      mounted = null;
    },
  };
}
