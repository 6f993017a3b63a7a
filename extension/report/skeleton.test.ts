// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { pageSkeletonSchema } from '../../shared/api/journal-reports.ts';
import { PAGE_GLOBALS } from '../../shared/journals/adapter-schema.ts';
import { loadPage } from '../testing/journal-pages.ts';
import { reportFixture, reportFixtureSecrets, reportFixtureUrl } from '../testing/report-fixture.ts';
import { readPageSkeleton, skeletonLimits } from './skeleton.ts';

describe('the skeleton of a journal page', () => {
  const read = () => {
    loadPage(reportFixture, reportFixtureUrl);
    return readPageSkeleton(PAGE_GLOBALS, skeletonLimits, window as unknown as Window).skeleton;
  };

  it('keeps no name, token, input value or attribute value of the page', () => {
    const json = JSON.stringify(read());
    for (const secret of reportFixtureSecrets) expect(json, secret).not.toContain(secret);
    expect(json).not.toMatch(/[а-яё]/i);
    expect(json).not.toMatch(/value|href|title|data-|content/);
  });

  it('keeps the path with numbers as :id, without the query or the fragment, and says the host apart', () => {
    expect(read().path).toBe('/app/school/journal/:id/');
    expect(readPageSkeleton(PAGE_GLOBALS, skeletonLimits, window as unknown as Window)).toMatchObject({ protocol: 'https:', host: 'sgo.e-yakutia.ru' });
  });

  it('names the allowed globals present and their keys, never a value nor a credential key', () => {
    const { globals } = read();
    expect(globals.map((g) => g.name)).toEqual(['appContext']);
    const keys = globals[0]!.keys;
    expect(keys).toEqual(expect.arrayContaining(['user', 'user.id', 'user.name', 'roles[]', 'organizationName', 'organization.name']));
    expect(keys.filter((key) => /^at$|session|token/i.test(key))).toEqual([]);
  });

  it('keeps tags, ids and classes with text lengths instead of text, and the server accepts it as it is', () => {
    const skeleton = read();
    const all: (typeof skeleton.dom)[] = [];
    const walk = (node: typeof skeleton.dom) => {
      all.push(node);
      for (const child of node.children ?? []) walk(child);
    };
    walk(skeleton.dom);
    expect(all.find((node) => node.classes?.includes('user-name'))).toEqual({ tag: 'span', classes: ['user-name'], text: 'Егорова С. М.'.length });
    expect(all.find((node) => node.id === 'journal-:id')).toMatchObject({ tag: 'main', classes: ['journal'] });
    expect(all.find((node) => node.id === 'student-:id')).toMatchObject({ tag: 'tr' });
    // An input keeps its tag only; a textarea's and an option's text only as a length.
    expect(all.filter((node) => node.tag === 'input')).toEqual([{ tag: 'input' }, { tag: 'input' }]);
    expect(all.some((node) => node.tag === 'script')).toBe(false);
    expect(pageSkeletonSchema.safeParse(skeleton).success).toBe(true);
  });

  it('stops at the limits and says how much it left out', () => {
    loadPage(reportFixture, reportFixtureUrl);
    const small = readPageSkeleton(PAGE_GLOBALS, { ...skeletonLimits, maxNodes: 5 }, window as unknown as Window).skeleton;
    expect(JSON.stringify(small.dom).match(/"tag"/g)).toHaveLength(5);
    expect(small.truncated).toBeGreaterThan(0);
  });
});
