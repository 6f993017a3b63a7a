import type { JournalAdapter } from '../../shared/journals/adapter-schema.ts';
import { knownJournals } from '../../shared/journals/known-journals.ts';

/**
 * БАРС «Электронная школа» (Хакасия: school.r-19.ru).
 *
 * Identity: open-source clients ask POST /api/ProfileService/GetPersonData
 * (session cookie) for user_fullname; the page's markup and URLs are not
 * described anywhere we know. The teacher-page pattern is therefore broad
 * (every page except sign-in) and there is no identity description: the
 * launcher floats and the teacher confirms their name. Correct it with a
 * server override once the real pages are seen.
 */
export const barsJournal: JournalAdapter = {
  // id and hosts: shared with the server, which checks overrides against them.
  ...knownJournals.bars,
  title: 'БАРС «Электронная школа»',
  teacherPages: ['^/'],
  excludePages: ['^/(auth|login|logout|accounts/login)', '^/$'],
  mount: 'floating',
  enabled: true,
};
