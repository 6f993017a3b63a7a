import type { JournalAdapter } from '../../shared/journals/adapter-schema.ts';

/**
 * The demo journal that the ПрофРост server serves at /demo/journal, treated
 * like a real journal so that the whole chain can be tried without one. Its
 * markup is ours (server/routes/demo-journal.tsx), so it is `confirmed`.
 */
export function demoJournal(serverUrl: string): JournalAdapter {
  const url = new URL(serverUrl);
  return {
    id: 'demo',
    title: 'Демонстрационный журнал ПрофРоста',
    // Match patterns ignore the port: the server may run on any.
    hosts: [`${url.protocol}//${url.hostname}/demo/journal*`],
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
