import { describe, expect, it } from 'vitest';
import { knownJournals, knownJournalsFor } from './known-journals.ts';
import { adapterOverrideProblems, documentProblems } from './override.ts';

/** The journals of a build for the default server, as the server checks against them. */
const journals = knownJournalsFor('http://localhost:8787');

describe('adapterOverrideProblems', () => {
  it('accepts an override of the journal’s own id, with its own hosts or fewer', () => {
    expect(adapterOverrideProblems(knownJournals.sgo, { id: 'sgo', enabled: false })).toEqual([]);
    expect(adapterOverrideProblems(knownJournals.sgo, { id: 'sgo', hosts: ['https://deti.obr03.ru/*'] })).toEqual([]);
  });

  it('refuses an override of another journal, or with a host the journal was not built for', () => {
    expect(adapterOverrideProblems(knownJournals.sgo, { id: 'eljur', enabled: false })).toEqual(['id: the override is for "eljur", not "sgo"']);
    expect(adapterOverrideProblems(knownJournals.demo('http://localhost:8787'), { id: 'demo', hosts: ['https://profrost.example.org/demo/journal*'] })).toEqual(
      ['hosts: not among the built-in hosts: https://profrost.example.org/demo/journal*'],
    );
  });

  it('reports the override’s own problems first, field by field', () => {
    expect(adapterOverrideProblems(knownJournals.sgo, { id: 'sgo', hosts: ['https://evil.example/*'], colour: 'red' })).toEqual(['colour: unknown field']);
  });
});

describe('documentProblems (what the server checks before publishing)', () => {
  it('finds nothing in a document the extension applies in full', () => {
    expect(
      documentProblems(journals, {
        version: 1,
        adapters: [
          { id: 'sgo', enabled: false },
          { id: 'bars', mount: 'floating' },
        ],
      }),
    ).toEqual({
      document: [],
      entries: [],
    });
  });

  it('lists, entry by entry, what applyOverrides would silently skip', () => {
    const found = documentProblems(journals, {
      version: 1,
      adapters: [{ id: 'sgo', enabled: false }, { id: 'new-journal', enabled: false }, { id: 'bars', enabled: 'maybe' }, { id: 'sgo', mount: 'floating' }, 42],
    });
    expect(found.document).toEqual([]);
    expect(found.entries.map(({ index, id }) => [index, id])).toEqual([
      [1, 'new-journal'],
      [2, 'bars'],
      [3, 'sgo'],
      [4, null],
    ]);
    expect(found.entries[0]!.problems).toEqual(['id: no built-in adapter "new-journal"']);
    expect(found.entries[2]!.problems).toEqual(['id: a second entry for "sgo"']);
  });

  it('reports a malformed envelope as the document’s problem', () => {
    expect(documentProblems(journals, { version: 1 }).document).not.toEqual([]);
    expect(documentProblems(journals, [{ id: 'sgo' }]).document).not.toEqual([]);
  });
});
