import { useState } from 'preact/hooks';
import type { JournalTeacher } from '../journals/adapter.ts';
import { Launcher } from './Launcher.tsx';
import { Panel } from './Panel.tsx';

/** The launcher stays small until the teacher opens the panel. */
export function App({ teacher }: { teacher: JournalTeacher | null }) {
  const [open, setOpen] = useState(false);
  return open ? <Panel teacher={teacher} onClose={() => setOpen(false)} /> : <Launcher onOpen={() => setOpen(true)} />;
}
