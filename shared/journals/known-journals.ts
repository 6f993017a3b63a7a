import type { JournalAdapter } from './adapter-schema.ts';

/*
 * The journals a build of ПрофРост knows, as far as more than the page needs
 * to know them: each built-in adapter's id and the pages (match patterns) it
 * may run on. The adapters themselves stay in the extension, one a file
 * (extension/journals/<journal>.ts), and take their id and hosts from here;
 * how to recognise a teacher page and read the teacher is theirs alone.
 *
 * Why ids and hosts live here rather than the server reading the adapters:
 * the server checks a published override against the built-in adapters (its
 * id must be one of theirs, its hosts a subset of theirs) and wxt.config.ts
 * grants host permissions for exactly these hosts, and neither may import the
 * extension (nor may shared/). Ids and hosts are all they need: every other
 * rule an override must meet concerns the override alone, field by field
 * (shared/journals/override.ts), so the server refuses exactly what the
 * extension would. The adapters spread these objects, so an id or a host
 * cannot differ between the two sides; that every adapter is listed here and
 * nothing else is, extension/journals/registry.test.ts checks.
 */

/** What the server and the build know of a built-in adapter. */
export type KnownJournal = Pick<JournalAdapter, 'id' | 'hosts'>;

/** МЭШ and its regional copies: one adapter a host (extension/journals/mesh.ts), so that a broken copy can be switched off alone. */
export const MESH_HOSTS = [
  'school.mos.ru',
  'ms-edu.tatar.ru',
  'school-edu.tatar.ru',
  'dnevnik.edurb.ru',
  'karelia.minedu.ru',
  'myschool.05edu.ru',
  'education.05edu.ru',
] as const;
export type MeshHost = (typeof MESH_HOSTS)[number];

export const knownJournals = {
  /** The demo journal the ПрофРост server serves at /demo/journal. Match patterns ignore the port: the server may run on any. */
  demo(serverUrl: string): KnownJournal {
    const { protocol, hostname } = new URL(serverUrl);
    return { id: 'demo', hosts: [`${protocol}//${hostname}/demo/journal*`] };
  },
  /**
   * Сетевой город: Якутия, Бурятия, Коми, Мордовия, КЧР, Марий Эл, Ингушетия
   * (JOURNALS.md §1d; Чувашия's net-school.cap.ru left for «Моя школа»).
   */
  sgo: {
    id: 'sgo',
    hosts: [
      'https://sgo.e-yakutia.ru/*',
      'https://deti.obr03.ru/*',
      'https://giseo.rkomi.ru/*',
      'https://sgo.e-mordovia.ru/*',
      'https://dnevnik-kchr.ru/*',
      'https://sgo.mari-el.gov.ru/*',
      'https://sgo.edu-ri.ru/*',
    ],
  },
  mesh(host: MeshHost): KnownJournal {
    return { id: `mesh.${host}`, hosts: [`https://${host}/*`] };
  },
  /** ЭлЖур: {vendor}.eljur.ru and a regional brand (Крым: edu.rk.gov.ru). */
  eljur: { id: 'eljur', hosts: ['https://*.eljur.ru/*', 'https://edu.rk.gov.ru/*'] },
  /** Дневник.ру: dnevnik.ru, schools.dnevnik.ru and the regional entry hosts ({regionCode}.dnevnik.ru); `*.` includes dnevnik.ru itself. */
  dnevnik: { id: 'dnevnik', hosts: ['https://*.dnevnik.ru/*'] },
  /** БАРС: Хакасия. */
  bars: { id: 'bars', hosts: ['https://school.r-19.ru/*'] },
} satisfies Record<string, KnownJournal | ((...args: never[]) => KnownJournal)>;

/** The journals of a build for `serverUrl`, in the order of its adapters (extension/journals/built-in.ts). */
export function knownJournalsFor(serverUrl: string): KnownJournal[] {
  return [
    knownJournals.demo(serverUrl),
    knownJournals.sgo,
    ...MESH_HOSTS.map(knownJournals.mesh),
    knownJournals.eljur,
    knownJournals.dnevnik,
    knownJournals.bars,
  ];
}
