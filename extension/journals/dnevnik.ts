import type { JournalAdapter } from '../../shared/journals/adapter-schema.ts';
import { knownJournals } from '../../shared/journals/known-journals.ts';

/**
 * «Дневник.ру» (JOURNALS.md §4): the teacher's journal is on
 * schools.dnevnik.ru — /journals/ (the year's groups),
 * /journals/journalclassical.aspx (a class journal), /class.aspx — and the
 * /v2 pages (schedules, school, class); the feed is dnevnik.ru/userfeed.
 * Regions enter through {regionCode}.dnevnik.ru.
 *
 * Identity: the page global window.__USER__START__PAGE__INITIAL__STATE__,
 * whose userContext.userContextInfo holds the name parts and the
 * isStudent/isParent flags — seen from student and parent accounts only, and
 * only on /userfeed; whether a teacher's journal pages carry it is not known.
 * So the description is `unconfirmed`, and a page without it asks the teacher.
 */
export const dnevnikJournal: JournalAdapter = {
  // id and hosts: shared with the server, which checks overrides against them.
  ...knownJournals.dnevnik,
  title: 'Дневник.ру',
  teacherPages: ['^/journals(/|$)', '^/class\\.aspx$', '^/userfeed(/|$)', '^/v2(/|$)'],
  excludePages: ['^/(login|logout)'],
  identity: {
    source: 'pageGlobal',
    confidence: 'unconfirmed',
    global: '__USER__START__PAGE__INITIAL__STATE__',
    fields: {
      name: [
        'userContext.userContextInfo.name',
        ['userContext.userContextInfo.lastName', 'userContext.userContextInfo.firstName', 'userContext.userContextInfo.middleName'],
      ],
      school: ['userContext.currentContextPerson.school.name'],
      notTeacherFlags: ['userContext.userContextInfo.isStudent', 'userContext.userContextInfo.isParent'],
    },
  },
  mount: 'floating',
  enabled: true,
};
