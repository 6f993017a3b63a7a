import type { JournalAdapter, JournalTeacher } from './adapter.ts';
import { demoJournal } from './demo.ts';

export const journalAdapters: JournalAdapter[] = [demoJournal];

export const journalMatchPatterns = journalAdapters.flatMap((adapter) => adapter.matches);

export interface DetectedJournal {
  adapter: JournalAdapter;
  teacher: JournalTeacher | null;
}

/** The adapter whose teacher page this is, or null: then the extension shows nothing. */
export function detectJournal(url: URL, document: Document): DetectedJournal | null {
  const adapter = journalAdapters.find((candidate) => candidate.isTeacherPage(url, document));
  return adapter ? { adapter, teacher: adapter.readTeacher(document) } : null;
}
