import type { JournalAdapter } from '../../shared/journals/adapter-schema.ts';
import { knownJournals } from '../../shared/journals/known-journals.ts';

/**
 * «Сетевой город. Образование» (ИрТех): teacher pages under /angular/school/*
 * (full page loads) and /app/school/* (client-side routes); the sign-in page
 * is the site root, the role chooser of multi-role accounts /app/simple/*.
 *
 * Identity (JOURNALS.md §1): the page global `appContext`. The page starts
 * with only the token `at` in it and the journal's own XHR to /webapi/context
 * fills in the rest after the load, so the bridge waits for the user. The
 * header shows `user.name`, which is «Фамилия И. О.» (initials); roles are
 * top-level and English (`roles: ["Teacher", "Parent"]`: a teacher who is
 * also a parent is a teacher); the school is `organizationName` (or
 * `organization.name`). Read from the bundle and an open-source client, not
 * a live page: `unconfirmed`, the teacher confirms the name.
 */
export const sgoJournal: JournalAdapter = {
  // id and hosts: shared with the server, which checks overrides against them.
  ...knownJournals.sgo,
  title: 'Сетевой город. Образование',
  teacherPages: ['^/(angular|app)/school/'],
  // Students' and parents' diaries, and the sign-in/sign-out pages.
  excludePages: ['^/(angular|app)/school/(studentdiary|student|parent)', '/(login|logout)(/|$)'],
  identity: {
    source: 'pageGlobal',
    confidence: 'unconfirmed',
    global: 'appContext',
    fields: {
      name: ['user.name', 'userName'],
      school: ['organizationName', 'fullSchoolName', 'organization.name'],
      role: ['roles', 'user.roles'],
    },
  },
  mount: 'floating',
  enabled: true,
};
