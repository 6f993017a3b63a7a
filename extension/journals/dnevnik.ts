import type { JournalAdapter } from '../../shared/journals/adapter-schema.ts';
import { knownJournals } from '../../shared/journals/known-journals.ts';

/**
 * «Дневник.ру»: dnevnik.ru (the feed at /userfeed) and schools.dnevnik.ru/v2/*.
 *
 * Identity: the page global window.__USER__START__PAGE__INITIAL__STATE__.
 * Open-source clients read analytics.personId/schoolId from it, and one
 * describes userContext.userContextInfo (name, firstName, lastName,
 * middleName, isStudent, isParent) and userContext.currentContextPerson.school
 * — all from student and parent accounts. A teacher's state has not been seen,
 * so the description is `unconfirmed`; whether the global exists on
 * schools.dnevnik.ru pages at all is not known either.
 */
export const dnevnikJournal: JournalAdapter = {
  // id and hosts: shared with the server, which checks overrides against them.
  ...knownJournals.dnevnik,
  title: 'Дневник.ру',
  teacherPages: ['^/userfeed(/|$)', '^/v2(/|$)'],
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
