import type { ComponentProps } from 'preact';
import type { App } from '../panel/App.tsx';

/*
 * The contract between the content script, which renders only the launcher,
 * and the panel's own bundle (entrypoints/panel.tsx), which the background
 * worker injects into the same isolated world the first time a teacher opens
 * the panel. Injected code shares the content script's globals (not the
 * page's: the isolated world is invisible to the journal), so the bundle hands
 * its mount function over through one global of that world.
 */

export type PanelProps = ComponentProps<typeof App>;

/** Renders the panel's root into `root` (inside the launcher's shadow root); returns the unmount. */
export type MountPanel = (root: HTMLElement, props: PanelProps) => () => void;

export const PANEL_GLOBAL = '__profrostMountPanel';

/** Where the panel bundle lies in the built extension (an unlisted script). */
export const PANEL_SCRIPT = '/panel.js';

type PanelGlobal = typeof globalThis & { [PANEL_GLOBAL]?: MountPanel };

export function publishMountPanel(mount: MountPanel): void {
  (globalThis as PanelGlobal)[PANEL_GLOBAL] = mount;
}

export function publishedMountPanel(): MountPanel | undefined {
  return (globalThis as PanelGlobal)[PANEL_GLOBAL];
}
