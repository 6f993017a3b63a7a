import type { JournalAdapter } from '../../shared/journals/adapter-schema.ts';
import { knownJournals } from '../../shared/journals/known-journals.ts';

/**
 * «Сетевой город. Образование» (ИрТех). An Angular/React SPA under
 * /angular/school/* and /app/school/*; the sign-in page is the site root.
 *
 * Identity: the page global `appContext` (user.name, as the open-source
 * client nm17/netschoolapi reads it). Where the school's name lives in it is
 * not known for certain (the /webapi/context answer has organization.name;
 * whether appContext mirrors it is a guess), nor how roles are spelled, so the
 * description is `unconfirmed` and the teacher confirms the name.
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
      school: ['organization.name', 'school.name', 'schoolName'],
      role: ['user.roles', 'roles'],
    },
  },
  mount: 'floating',
  enabled: true,
};
