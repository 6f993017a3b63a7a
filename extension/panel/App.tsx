import { useState } from 'preact/hooks';
import type { JournalTeacher } from '../journals/adapter.ts';
import { Launcher } from './Launcher.tsx';
import { Panel } from './Panel.tsx';

/**
 * The launcher stays small until the teacher opens the panel. The content
 * script shows its own launcher until then and mounts App already open
 * (`initiallyOpen`) once the panel's bundle has loaded.
 */
export function App({ teacher, initiallyOpen = false }: { teacher: JournalTeacher | null; initiallyOpen?: boolean }) {
  const [open, setOpen] = useState(initiallyOpen);
  return open ? <Panel teacher={teacher} onClose={() => setOpen(false)} /> : <Launcher onOpen={() => setOpen(true)} />;
}
