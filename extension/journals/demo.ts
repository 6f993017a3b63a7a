import { type JournalAdapter, textOf } from './adapter.ts';

const serverUrl = new URL(import.meta.env.WXT_PROFROST_SERVER_URL);

/**
 * The demo journal that the ПрофРост server serves at /demo/journal, treated
 * like a real journal so that the whole chain can be tried without one.
 */
export const demoJournal: JournalAdapter = {
  id: 'demo',
  title: 'Демонстрационный журнал ПрофРоста',
  // Match patterns ignore the port: the server may run on any.
  matches: [`${serverUrl.protocol}//${serverUrl.hostname}/demo/journal*`],
  isTeacherPage: (url, document) =>
    url.pathname.startsWith('/demo/journal') && document.querySelector('.ej-user__name') !== null,
  readTeacher(document) {
    const name = textOf(document, '.ej-user__name');
    if (!name) return null;
    return { name, school: textOf(document, '.ej-user__school'), role: textOf(document, '.ej-user__role') };
  },
};
