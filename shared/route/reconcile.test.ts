import { describe, expect, it } from 'vitest';
import { routeProfile } from '../testing/fixtures.ts';
import type { Recommendation } from './recommendation.ts';
import { type KeptItem, reconcileRoute } from './reconcile.ts';

const kept = (id: string, status: KeptItem['status'], extra: Partial<KeptItem> = {}): KeptItem => ({
  id,
  competency: id.split('.')[0]!,
  kind: id.split('.')[1]!,
  status,
  retired: false,
  programId: null,
  runId: null,
  reason: 'r',
  description: 'd',
  ...extra,
});
const fresh = (id: string, extra: Partial<Recommendation> = {}): Recommendation => ({
  id,
  competency: id.split('.')[0] as Recommendation['competency'],
  kind: id.split('.')[1] as Recommendation['kind'],
  reason: 'r',
  description: 'd',
  indicators: [],
  ...extra,
});

describe('a new version of the ИОМ', () => {
  it('keeps every decision, retires unsupported suggestions with a reason, adds and refreshes the rest', () => {
    const profile = routeProfile({ methodical: ['noDeficit', 88], digital: ['moderateDeficit', 70] });
    const changes = reconcileRoute(
      [
        kept('methodical.mentoring', 'accepted'),
        kept('methodical.course.p1', 'postponed'),
        kept('methodical.internship', 'done'),
        kept('methodical.selfEducation', 'suggested'),
        kept('digital.course.p2', 'suggested', { programId: 'p2', runId: 'p2-1' }),
        kept('digital.webinar', 'suggested', { retired: true }),
      ],
      [fresh('digital.course.p2', { programId: 'p2', runId: 'p2-2' }), fresh('digital.webinar'), fresh('methodical.competition')],
      profile,
    );
    expect(changes.added.map((r) => r.id)).toEqual(['methodical.competition']);
    // A new run for the same suggestion, and a retired one the builder makes again.
    expect(changes.refreshed.map((r) => r.id)).toEqual(['digital.course.p2', 'digital.webinar']);
    expect(changes.retired).toEqual([
      { id: 'methodical.selfEducation', reason: expect.stringMatching(/дефицит по компетенции «методическая» не выявлен \(88 из 100\)/) },
    ]);
  });

  it('says why a course went while the deficit stays, and why the diagnostics item went', () => {
    const profile = routeProfile({ digital: ['moderateDeficit', 70] });
    const { retired } = reconcileRoute([kept('digital.course.p2', 'suggested'), kept('digital.diagnostics', 'suggested')], [], profile);
    expect(retired.map((r) => r.reason)).toEqual([expect.stringMatching(/Программа больше не подходит/), expect.stringMatching(/Диагностика .* пройдена/)]);
  });

  it('changes nothing when the builder says the same', () => {
    const changes = reconcileRoute([kept('digital.webinar', 'suggested')], [fresh('digital.webinar')], routeProfile({ digital: ['moderateDeficit', 70] }));
    expect(changes).toEqual({ added: [], refreshed: [], retired: [] });
  });
});
