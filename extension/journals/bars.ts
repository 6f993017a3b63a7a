import type { JournalAdapter } from '../../shared/journals/adapter-schema.ts';
import { knownJournals } from '../../shared/journals/known-journals.ts';

/**
 * БАРС «Веб-Образование» (Хакасия: school.r-19.ru; JOURNALS.md §5).
 *
 * After sign-in the journal lands on the site root `/` (its web login answers
 * `{"redirect": "/"}`), so the root is a teacher page; only the sign-in pages
 * are not. Identity: the journal's own same-origin
 * `POST /api/ProfileService/GetPersonData`, sent with the page's cookie,
 * answers `user_fullname` (open-source clients read it; only pupils' and
 * parents' answers are seen). The page's markup is described nowhere we know.
 * `unconfirmed`: the teacher confirms the name.
 */
export const barsJournal: JournalAdapter = {
  // id and hosts: shared with the server, which checks overrides against them.
  ...knownJournals.bars,
  title: 'БАРС «Веб-Образование»',
  teacherPages: ['^/'],
  excludePages: ['^/(auth|login|logout|accounts/login)(/|$)'],
  identity: { source: 'profileRequest', confidence: 'unconfirmed', request: 'barsPersonData' },
  mount: 'floating',
  enabled: true,
};
