import type { JournalAdapter } from '../../shared/journals/adapter-schema.ts';
import { knownJournals, MESH_HOSTS, type MeshHost } from '../../shared/journals/known-journals.ts';

/** The name teachers know each copy by; one for every host in MESH_HOSTS. */
const titles: Record<MeshHost, string> = {
  'school.mos.ru': 'МЭШ — Московская электронная школа',
  'ms-edu.tatar.ru': 'Электронное образование в Республике Татарстан (МЭШ)',
  'school-edu.tatar.ru': 'Электронное образование в Республике Татарстан (МЭШ)',
  'dnevnik.edurb.ru': 'Электронный дневник Республики Башкортостан (МЭШ)',
  'karelia.minedu.ru': 'Электронная школа Республики Карелия (МЭШ)',
  'myschool.05edu.ru': 'Моя школа — Республика Дагестан (МЭШ)',
  'education.05edu.ru': 'Моя школа — Республика Дагестан (МЭШ)',
};

/**
 * МЭШ (Московская электронная школа) and its regional copies: one adapter,
 * the host a parameter, so that a broken regional copy can be switched off
 * alone. Teacher pages live under /teacher/* (/teacher/account/schedule,
 * /teacher/study-process/journal/grade/{id}).
 *
 * Identity: the open-source clients get it from an API (POST
 * /api/ej/acl/v1/sessions with the aupd_token cookie); the extension does not
 * touch that token, and the page's class names are generated and change with
 * every release. So there is no identity description: the launcher floats and
 * the teacher confirms their name.
 */
export function meshJournal(host: MeshHost): JournalAdapter {
  return {
    // id and hosts: shared with the server, which checks overrides against them.
    ...knownJournals.mesh(host),
    title: titles[host],
    teacherPages: ['^/teacher(/|$)'],
    mount: 'floating',
    enabled: true,
  };
}

export const meshJournals: JournalAdapter[] = MESH_HOSTS.map(meshJournal);
