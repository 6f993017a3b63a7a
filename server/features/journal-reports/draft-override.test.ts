import { describe, expect, it } from 'vitest';
import { knownJournalsFor } from '../../../shared/journals/known-journals.ts';
import { documentProblems } from '../../../shared/journals/override.ts';
import { draftOverride, pathPattern } from './draft-override.ts';

const skeleton = (globals: { name: string; keys: string[] }[], dom = { tag: 'body' }) => ({ path: '/app/school/journal/:id/', globals, dom, truncated: 0 });

describe('an override drafted from a reported page', () => {
  it('takes the path as a teacher page, numbers as digits', () => {
    expect(pathPattern('/app/school/journal/:id/')).toBe('^/app/school/journal/\\d+/?$');
    expect(pathPattern('/journal-app/u.:id/week.:id')).toBe('^/journal-app/u\\.\\d+/week\\.\\d+/?$');
    expect(new RegExp(pathPattern('/app/school/journal/:id')).test('/app/school/journal/123')).toBe(true);
  });

  it('guesses the name from a page global key, unconfirmed, and the publisher’s check accepts it', () => {
    const draft = draftOverride({
      journal: 'sgo',
      skeleton: skeleton([{ name: 'appContext', keys: ['at', 'roles[]', 'user', 'user.id', 'user.name', 'organizationName'] }]),
    });
    expect(draft?.adapters[0]).toEqual({
      id: 'sgo',
      teacherPages: ['^/app/school/journal/\\d+/?$'],
      identity: { source: 'pageGlobal', confidence: 'unconfirmed', global: 'appContext', fields: { name: ['user.name'] } },
    });
    expect(documentProblems(knownJournalsFor('http://localhost'), draft)).toEqual({ document: [], entries: [] });
  });

  it('falls back to an element that looks like the signed-in user, and drafts nothing for an unknown journal', () => {
    const dom = { tag: 'body', children: [{ tag: 'div', classes: ['header'], children: [{ tag: 'span', classes: ['top-user-name'], text: 14 }] }] };
    expect(draftOverride({ journal: 'eljur', skeleton: skeleton([], dom) })?.adapters[0]?.identity).toEqual({
      source: 'dom',
      confidence: 'unconfirmed',
      name: '.top-user-name',
    });
    expect(draftOverride({ journal: 'unknown', skeleton: skeleton([]) })).toBeNull();
  });
});
