import type { PanelState } from '../background/protocol.ts';
import type { PanelContext } from '../lazy/panel-frame.ts';
import { messages } from '../messages.ts';
import { BridgeContext } from './bridge.ts';
import { browserBridge } from './browser-bridge.ts';
import { Panel } from './Panel.tsx';

export interface AppProps {
  /** What the worker holds for the opening this frame was given; null: no opening (the page embedded the panel itself). */
  context: PanelContext | null;
  /** The worker's answer to the panel's first `getState`, sent with the context; null: the panel asks itself. */
  firstState?: PanelState | null;
  /** Asks the content script to remove the frame (it puts the focus back on the launcher). */
  onClose: () => void;
}

/** The panel page's root: the panel, or, without an opening of the content script's, a note. */
export function App({ context, firstState = null, onClose }: AppProps) {
  if (!context) {
    return (
      <main class="panel" aria-label={messages.panelTitle}>
        <p class="note note--error" role="alert">
          {messages.panelNotOpened}
        </p>
      </main>
    );
  }
  return (
    <BridgeContext.Provider value={browserBridge}>
      <Panel teacher={context.teacher} needsConfirmation={context.needsConfirmation} firstState={firstState} onClose={onClose} />
    </BridgeContext.Provider>
  );
}
