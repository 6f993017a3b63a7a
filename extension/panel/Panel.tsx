import { useEffect, useRef } from 'preact/hooks';
import type { JournalTeacher } from '../journals/adapter.ts';
import { messages } from '../messages.ts';
import { ServerStatusLine } from './ServerStatusLine.tsx';

export function Panel({ teacher, onClose }: { teacher: JournalTeacher | null; onClose: () => void }) {
  const closeButton = useRef<HTMLButtonElement>(null);
  useEffect(() => closeButton.current?.focus(), []);

  return (
    <aside
      class="panel"
      role="dialog"
      aria-label={messages.panelTitle}
      onKeyDown={(event) => event.key === 'Escape' && onClose()}
    >
      <header class="panel__header">
        <h2 class="panel__title">{messages.panelTitle}</h2>
        <button type="button" class="panel__close" ref={closeButton} onClick={onClose} aria-label={messages.close}>
          ×
        </button>
      </header>
      <div class="panel__body">
        {teacher ? (
          <p class="panel__teacher">
            <strong>{teacher.name}</strong>
            <br />
            {teacher.school}
          </p>
        ) : (
          <p class="panel__teacher">{messages.teacherUnknown}</p>
        )}
        <ServerStatusLine />
      </div>
    </aside>
  );
}
