import type { JournalAdapter } from '../../shared/journals/adapter-schema.ts';
import { knownJournals } from '../../shared/journals/known-journals.ts';

/**
 * «ЭлЖур»: {vendor}.eljur.ru and regional brands (Крым: edu.rk.gov.ru); the
 * journal lives under /journal-app. Sign-in is /authorize (not a teacher page).
 *
 * Identity: public sources only describe the profile page's form rows
 * (label.ej-form-label followed by input.field--fill); which label holds the
 * full name, and what the journal page itself shows, is not known. So the
 * description is `unconfirmed` and on most pages reads nothing: the teacher
 * confirms their name. The apiv3 needs a developer key, which we do not ship.
 */
export const eljurJournal: JournalAdapter = {
  // id and hosts: shared with the server, which checks overrides against them.
  ...knownJournals.eljur,
  title: 'ЭлЖур',
  teacherPages: ['^/journal-app(/|$)'],
  excludePages: ['^/(authorize|login|logout)'],
  identity: {
    source: 'dom',
    confidence: 'unconfirmed',
    name: { labelSelector: 'label.ej-form-label', label: 'ФИО', valueSelector: 'input.field--fill' },
    school: { labelSelector: 'label.ej-form-label', label: 'Школа', valueSelector: 'input.field--fill' },
    role: { labelSelector: 'label.ej-form-label', label: 'Роль', valueSelector: 'input.field--fill' },
  },
  mount: 'floating',
  enabled: true,
};
