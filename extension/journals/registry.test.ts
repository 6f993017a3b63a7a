import { describe, expect, it } from 'vitest';
import { adapterProblems, identitySources } from '../../shared/journals/adapter-schema.ts';
import { knownJournalsFor } from '../../shared/journals/known-journals.ts';
import { builtInAdaptersFor } from './built-in.ts';
import { builtInAdapters, journalMatchPatterns } from './registry.ts';

describe('the built-in adapters', () => {
  it('are valid data with unique ids, all enabled', () => {
    for (const adapter of builtInAdapters) {
      expect(adapterProblems(adapter)).toEqual([]);
      expect(adapter.enabled).toBe(true);
    }
    const ids = builtInAdapters.map((adapter) => adapter.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('are the journals the server knows (shared/journals/known-journals.ts): the same ids and hosts, in the same order', () => {
    for (const serverUrl of ['http://localhost:8787', 'https://profrost.example.org']) {
      expect(builtInAdaptersFor(serverUrl).map(({ id, hosts }) => ({ id, hosts }))).toEqual(knownJournalsFor(serverUrl));
    }
  });

  it('are plain JSON data: no functions, survive a round trip', () => {
    expect(JSON.parse(JSON.stringify(builtInAdapters))).toEqual(builtInAdapters);
  });

  it('only an adapter whose markup is ours is confirmed; real journals ask the teacher', () => {
    const confirmed = builtInAdapters.filter((adapter) => identitySources(adapter).some((source) => source.confidence === 'confirmed'));
    expect(confirmed.map((adapter) => adapter.id)).toEqual(['demo']);
  });

  it('match only the known journal hosts and the demo on the configured server', () => {
    expect(journalMatchPatterns.sort()).toEqual(
      [
        'http://localhost/demo/journal*',
        'https://sgo.e-yakutia.ru/*',
        'https://deti.obr03.ru/*',
        'https://giseo.rkomi.ru/*',
        'https://sgo.e-mordovia.ru/*',
        'https://dnevnik-kchr.ru/*',
        'https://sgo.mari-el.gov.ru/*',
        'https://sgo.edu-ri.ru/*',
        'https://school.mos.ru/*',
        'https://ms-edu.tatar.ru/*',
        'https://school-edu.tatar.ru/*',
        'https://dnevnik.edurb.ru/*',
        'https://karelia.minedu.ru/*',
        'https://myschool.05edu.ru/*',
        'https://education.05edu.ru/*',
        'https://*.eljur.ru/*',
        'https://edu.rk.gov.ru/*',
        'https://*.dnevnik.ru/*',
        'https://school.r-19.ru/*',
      ].sort(),
    );
    expect(journalMatchPatterns.some((pattern) => pattern.includes('<all_urls>') || pattern.startsWith('*://*/'))).toBe(false);
  });
});
