// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { knownJournalsFor } from '../../shared/journals/known-journals.ts';
import { documentProblems } from '../../shared/journals/override.ts';
import { detect } from '../testing/journal-pages.ts';
import { builtInAdaptersFor } from './built-in.ts';
import { applyOverride, applyOverrides, checkOverride } from './override.ts';
import { builtInAdapters } from './registry.ts';
import { sgoJournal } from './sgo.ts';

const teacherUrl = 'https://sgo.e-yakutia.ru/angular/school/classjournal/';

describe('applyOverride', () => {
  it('kill switch: enabled: false and the journal is no longer detected', async () => {
    const off = applyOverride(sgoJournal, { id: 'sgo', enabled: false });
    expect(off.enabled).toBe(false);
    expect(await detect('sgo-teacher.html', teacherUrl, [off])).toBeNull();
    expect(await detect('sgo-teacher.html', teacherUrl, [sgoJournal])).not.toBeNull();
  });

  it('is pure: the built-in adapter is not changed', () => {
    const before = structuredClone(sgoJournal);
    applyOverride(sgoJournal, { id: 'sgo', enabled: false, teacherPages: ['^/x/'] });
    expect(sgoJournal).toEqual(before);
  });

  it('corrects data: page patterns, global paths and confidence', async () => {
    const corrected = applyOverride(sgoJournal, {
      id: 'sgo',
      teacherPages: ['^/angular/school/'],
      identity: {
        source: 'pageGlobal',
        confidence: 'confirmed',
        global: 'appContext',
        fields: { name: ['user.name'], school: ['organization.name'] },
      },
    });
    const found = await detect('sgo-teacher.html', teacherUrl, [corrected]);
    expect(found?.teacher).toEqual({ name: 'Егорова С. М.', school: 'МБОУ «СОШ № 3» г. Саранска', role: '' });
    expect(found?.needsConfirmation).toBe(false);
    expect(await detect('sgo-teacher.html', 'https://sgo.e-yakutia.ru/app/school/journal/', [corrected])).toBeNull();
  });

  it('identity: null says the markup is unknown again: the teacher confirms', async () => {
    const unknown = applyOverride(sgoJournal, { id: 'sgo', identity: null });
    expect(unknown.identity).toBeUndefined();
    const found = await detect('sgo-teacher.html', teacherUrl, [unknown]);
    expect(found?.teacher).toBeNull();
    expect(found?.needsConfirmation).toBe(true);
  });

  it('can narrow the hosts (switch one region off), never add one', async () => {
    const narrowed = applyOverride(sgoJournal, { id: 'sgo', hosts: ['https://deti.obr03.ru/*'] });
    expect(await detect('sgo-teacher.html', teacherUrl, [narrowed])).toBeNull();
    expect(await detect('sgo-teacher.html', 'https://deti.obr03.ru/angular/school/x', [narrowed])).not.toBeNull();

    const widened = checkOverride(sgoJournal, { id: 'sgo', hosts: ['https://sgo.e-yakutia.ru/*', 'https://evil.example/*'] });
    expect(widened.ok).toBe(false);
  });

  it('moves the launcher next to an element only with a valid mount', () => {
    expect(applyOverride(sgoJournal, { id: 'sgo', mount: { selector: '.header', position: 'after' } }).mount).toEqual({
      selector: '.header',
      position: 'after',
    });
    expect(applyOverride(sgoJournal, { id: 'sgo', mount: { selector: '.header', position: 'inside' } })).toBe(sgoJournal);
  });

  it.each([
    ['unknown fields (no code, no new kinds of data)', { id: 'sgo', enabled: true, script: 'alert(1)' }],
    ['a function', { id: 'sgo', isTeacherPage: () => true }],
    ['another adapter id', { id: 'eljur', enabled: false }],
    ['a path through the token', { id: 'sgo', identity: { source: 'pageGlobal', confidence: 'confirmed', global: 'appContext', fields: { name: ['at'] } } }],
    [
      'a path through a cookie-like field',
      { id: 'sgo', identity: { source: 'pageGlobal', confidence: 'confirmed', global: 'appContext', fields: { name: ['user.aupd_token'] } } },
    ],
    [
      'a global that is not on the list',
      { id: 'sgo', identity: { source: 'pageGlobal', confidence: 'confirmed', global: 'localStorage', fields: { name: ['user'] } } },
    ],
    ['an invalid regex', { id: 'sgo', teacherPages: ['(unclosed'] }],
    ['a wrong type', { id: 'sgo', enabled: 'no' }],
    ['not an object', 'enabled: false'],
    ['nothing', null],
  ])('ignores an invalid override: %s', (_, override) => {
    expect(checkOverride(sgoJournal, override).ok).toBe(false);
    expect(applyOverride(sgoJournal, override)).toBe(sgoJournal);
  });
});

describe('checkOverride', () => {
  it('says which field is wrong and why', () => {
    const check = checkOverride(sgoJournal, {
      id: 'sgo',
      teacherPages: ['(unclosed'],
      mount: { selector: '.header', position: 'inside' },
      script: 'alert(1)',
    });
    expect(check.ok).toBe(false);
    expect(!check.ok && check.problems).toEqual(['script: unknown field', 'teacherPages.0: not a valid regular expression', expect.stringMatching(/^mount/)]);
  });

  it('refuses a __proto__ field of a parsed document instead of merging it', () => {
    const forged: unknown = JSON.parse('{"id":"sgo","__proto__":{"enabled":false}}');
    expect(checkOverride(sgoJournal, forged)).toEqual({ ok: false, problems: ['__proto__: unknown field'] });
  });

  it('accepts a valid override and yields a valid adapter', () => {
    const check = checkOverride(sgoJournal, { id: 'sgo', requireSelector: '.signed-in', excludeRoles: ['завуч'] });
    expect(check.ok && check.adapter).toMatchObject({ id: 'sgo', requireSelector: '.signed-in', excludeRoles: ['завуч'] });
    expect(checkOverride(sgoJournal, { id: 'sgo', requireSelector: null }).ok).toBe(true);
  });
});

describe('applyOverrides (the published document)', () => {
  it('applies entries by id, ignores unknown ids and invalid entries, adds no adapter', () => {
    const result = applyOverrides(builtInAdapters, {
      version: 1,
      adapters: [
        { id: 'dnevnik', enabled: false },
        { id: 'mesh.ms-edu.tatar.ru', enabled: false },
        { id: 'bars', enabled: 'maybe' },
        { id: 'new-journal', title: 'Новый', hosts: ['https://new.example/*'], enabled: true },
      ],
    });
    expect(result.map((adapter) => adapter.id)).toEqual(builtInAdapters.map((adapter) => adapter.id));
    const enabled = Object.fromEntries(result.map((adapter) => [adapter.id, adapter.enabled]));
    expect(enabled.dnevnik).toBe(false);
    expect(enabled['mesh.ms-edu.tatar.ru']).toBe(false);
    expect(enabled['mesh.school.mos.ru']).toBe(true);
    expect(enabled.bars).toBe(true);
  });

  it('changes nothing for a missing or malformed document', () => {
    expect(applyOverrides(builtInAdapters, undefined)).toBe(builtInAdapters);
    expect(applyOverrides(builtInAdapters, { version: 2, adapters: [] })).toBe(builtInAdapters);
    expect(applyOverrides(builtInAdapters, { adapters: [{ id: 'sgo', enabled: false }] })).toBe(builtInAdapters);
  });
});

describe('the server’s check (documentProblems against knownJournalsFor)', () => {
  /** Overrides of every field, valid and not; each is tried on every built-in adapter, under that adapter's id. */
  const overrides: Record<string, unknown>[] = [
    { enabled: false },
    { title: 'Другое название' },
    { title: '' },
    { hosts: ['https://evil.example/*'] },
    { hosts: [] },
    { teacherPages: ['^/journal/'] },
    { teacherPages: ['(unclosed'] },
    { excludePages: [] },
    { excludePages: null },
    { requireSelector: '.signed-in' },
    { requireSelector: null },
    { excludeRoles: ['завуч'] },
    { identity: null },
    { identity: { source: 'dom', confidence: 'confirmed', name: '.user', school: { labelSelector: 'label', label: 'Школа', valueSelector: 'input' } } },
    { identity: { source: 'pageGlobal', confidence: 'confirmed', global: 'appContext', fields: { name: ['user.name'], notTeacherFlags: ['isStudent'] } } },
    { identity: { source: 'pageGlobal', confidence: 'confirmed', global: 'appContext', fields: { name: ['at'] } } },
    { mount: { selector: '.header', position: 'after' } },
    { mount: 'sideways' },
    { script: 'alert(1)' },
  ];

  it('publishes exactly the overrides the extension applies', () => {
    const serverUrl = 'https://profrost.example.org';
    const builtIns = builtInAdaptersFor(serverUrl);
    const outcomes = builtIns.flatMap((builtIn) =>
      [...overrides, { hosts: builtIn.hosts.slice(-1) }].map((fields) => {
        const document = { version: 1, adapters: [{ id: builtIn.id, ...fields }] };
        const found = documentProblems(knownJournalsFor(serverUrl), document);
        const published = found.document.length === 0 && found.entries.length === 0;
        const applied = applyOverrides(builtIns, document).some((adapter, index) => adapter !== builtIns[index]);
        return { id: builtIn.id, fields, published, applied };
      }),
    );
    expect(outcomes.filter(({ published, applied }) => published !== applied)).toEqual([]);
    // Both kinds are among them, so the comparison says something.
    expect(outcomes.some(({ applied }) => applied)).toBe(true);
    expect(outcomes.some(({ applied }) => !applied)).toBe(true);
  });
});
