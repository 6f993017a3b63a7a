import type { JournalAdapter } from '../../shared/journals/adapter-schema.ts';
import { knownJournals } from '../../shared/journals/known-journals.ts';

/**
 * «ЭлЖур» (JOURNALS.md §3): {vendor}.eljur.ru and regional brands (Крым:
 * edu.rk.gov.ru). The journal is server-rendered under /journal-app; the
 * teacher's own profile form is /journal-user-preferences-action. Sign-in is
 * /authorize (not a teacher page).
 *
 * Identity, in order: the inline `var sentryData = {…}` every signed-in page
 * carries (an open-source client reads the signed-in user from it; its keys
 * are not shown in any source, so the paths below are the likely ones), then
 * the profile form's rows (label.ej-form-label followed by input.field--fill,
 * the name rows before «СНИЛС»; the labels' texts are a guess). Neither was
 * seen on a teacher's account: `unconfirmed`, the teacher confirms the name.
 * The apiv3 needs a developer key, which we do not ship.
 */
export const eljurJournal: JournalAdapter = {
  // id and hosts: shared with the server, which checks overrides against them.
  ...knownJournals.eljur,
  title: 'ЭлЖур',
  teacherPages: ['^/journal-app(/|$)', '^/journal-user-preferences-action(/|$)'],
  excludePages: ['^/(authorize|login|logout)'],
  identity: [
    {
      source: 'pageGlobal',
      confidence: 'unconfirmed',
      global: 'sentryData',
      fields: {
        name: ['user.fullname', 'user.name', 'fullname', ['user.lastname', 'user.firstname', 'user.middlename']],
        role: ['user.role', 'role'],
      },
    },
    {
      source: 'dom',
      confidence: 'unconfirmed',
      name: { labelSelector: 'label.ej-form-label', label: 'ФИО', valueSelector: 'input.field--fill' },
      school: { labelSelector: 'label.ej-form-label', label: 'Школа', valueSelector: 'input.field--fill' },
      role: { labelSelector: 'label.ej-form-label', label: 'Роль', valueSelector: 'input.field--fill' },
    },
  ],
  mount: 'floating',
  enabled: true,
};
