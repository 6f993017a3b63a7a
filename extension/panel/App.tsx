import { useState } from 'preact/hooks';
import type { JournalTeacher } from '../journals/teacher.ts';
import { BridgeContext } from './bridge.ts';
import { browserBridge } from './browser-bridge.ts';
import { Launcher } from './Launcher.tsx';
import { Panel } from './Panel.tsx';

export interface AppProps {
  /** Who the journal shows as logged in; null when nothing could be read. */
  teacher: JournalTeacher | null;
  /** The name is not certain (see DetectedJournal): the teacher confirms or corrects it. */
  needsConfirmation: boolean;
  /** The content script shows its own launcher until the panel's bundle has loaded, then mounts App already open. */
  initiallyOpen?: boolean;
}

/** The launcher stays small until the teacher opens the panel. */
export function App({ teacher, needsConfirmation, initiallyOpen = false }: AppProps) {
  const [open, setOpen] = useState(initiallyOpen);
  return (
    <BridgeContext.Provider value={browserBridge}>
      {open ? <Panel teacher={teacher} needsConfirmation={needsConfirmation} onClose={() => setOpen(false)} /> : <Launcher onOpen={() => setOpen(true)} />}
    </BridgeContext.Provider>
  );
}
