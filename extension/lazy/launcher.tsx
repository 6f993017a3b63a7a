import { render } from 'preact';
import { useState } from 'preact/hooks';
import { messages } from '../messages.ts';
import { Launcher } from '../panel/Launcher.tsx';
import { loadPanel } from './load-panel.ts';
import type { PanelProps } from './panel-handle.ts';

/** The launcher's own few rules (panel.css holds the rest): a load failure said beside it. */
export const LAUNCHER_CSS = `.launcher-error{position:fixed;right:20px;bottom:64px;z-index:2147483000;max-width:320px;margin:0;padding:8px 12px;border-radius:8px;background:#fff3f3;color:#8a1c1c;font:13px/1.4 system-ui,sans-serif;box-shadow:0 2px 8px rgb(0 0 0 / 20%)}`;

function LazyLauncher({ onOpen }: { onOpen: () => Promise<void> }) {
  const [state, setState] = useState<'idle' | 'loading' | 'failed'>('idle');
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
      <Launcher onOpen={open} />
    </>
  );
}

/**
 * Renders the launcher into the shadow root's container. The first click
 * loads the panel's bundle; then the launcher makes way for the panel's root
 * (App, opened), which from then on shows its own launcher when closed.
 * Returns the function that removes whatever is mounted.
 */
export function mountLauncher(container: HTMLElement, props: PanelProps): () => void {
  return mountOpenableLauncher(container, props).unmount;
}

/**
 * The same, with `open`: what a click on the launcher does, for the toolbar
 * button (background/open-from-toolbar.ts), which thereby opens the very same panel.
 */
export function mountOpenableLauncher(container: HTMLElement, props: PanelProps): { unmount: () => void; open: () => void } {
  let unmountPanel: (() => void) | null = null;
  let opening: Promise<void> | null = null;
  const openPanel = async () => {
    const mountPanel = await loadPanel();
    if (unmountPanel) return;
    render(null, container);
    // A root of its own: the panel's bundle has its own copy of Preact, which must not meet this one's nodes.
    const root = container.ownerDocument.createElement('div');
    container.append(root);
    unmountPanel = mountPanel(root, { ...props, initiallyOpen: true });
  };
  render(<LazyLauncher onOpen={openPanel} />, container);
  return {
    unmount() {
      unmountPanel?.();
      render(null, container);
    },
    open() {
      // Already open: the panel's own root is there (a closed panel shows its own launcher, which the teacher clicks).
      if (unmountPanel) return;
      opening ??= openPanel()
        .catch(() => undefined)
        .finally(() => (opening = null));
    },
  };
}
