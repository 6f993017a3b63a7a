import { describe, expect, it } from 'vitest';
import { maxSkeletonNodes as schemaMaxNodes, pageSkeletonSchema } from './journal-reports.ts';
import { maxSkeletonNodes, pageSkeletonGuard } from './skeleton-guard.ts';
import { checkAgreement, expectAgreement } from '../testing/guard-agreement.ts';

const page = {
  path: '/journal/:id/lessons',
  globals: [{ name: 'appState', keys: ['user.name', 'roles[]'] }],
  dom: {
    tag: 'body',
    children: [
      { tag: 'div', id: 'teacher-name', classes: ['name', 'x:id'], text: 14 },
      { tag: 'table', children: [{ tag: 'tr' }] },
    ],
  },
  truncated: 0,
};

describe('the page skeleton guard agrees with the server’s schema', () => {
  it('on a real-looking skeleton, generated ones and their mutations', { timeout: 30_000 }, () => {
    const { accepted } = checkAgreement(pageSkeletonGuard, pageSkeletonSchema, { examples: [page] });
    expect(accepted).toBeGreaterThan(0);
  });

  it('refuses, as the schema does, a tree of more elements than the server takes', () => {
    expect(maxSkeletonNodes).toBe(schemaMaxNodes);
    const wide = {
      ...page,
      dom: { tag: 'body', children: Array.from({ length: 4 }, () => ({ tag: 'ul', children: Array.from({ length: 500 }, () => ({ tag: 'li' })) })) },
    };
    expect(pageSkeletonGuard.check(wide).ok).toBe(false);
    expectAgreement(pageSkeletonGuard, pageSkeletonSchema, wide);
  });
});
