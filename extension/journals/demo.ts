import type { JournalAdapter } from '../../shared/journals/adapter-schema.ts';
import { knownJournals } from '../../shared/journals/known-journals.ts';

/**
 * The demo journal that the ПрофРост server serves at /demo/journal, treated
 * like a real journal so that the whole chain can be tried without one. Its
 * markup is ours (server/features/demo/journal-page.tsx), so it is `confirmed`.
 */
export function demoJournal(serverUrl: string): JournalAdapter {
  return {
    // id and hosts: shared with the server, which checks overrides against them.
    ...knownJournals.demo(serverUrl),
    title: 'Демонстрационный журнал ПрофРоста',
    teacherPages: ['^/demo/journal/?$'],
    excludePages: ['^/demo/journal/login'],
    requireSelector: '.ej-user__name',
    identity: {
      source: 'dom',
      confidence: 'confirmed',
      name: '.ej-user__name',
      school: '.ej-user__school',
      role: '.ej-user__role',
    },
    mount: 'floating',
    enabled: true,
  };
}
