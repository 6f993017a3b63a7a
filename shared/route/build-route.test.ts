import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type CompetencyId, competencyIds, type DeficitLevel, programFormats } from '../competencies.ts';
import { currentProfile } from '../profile/current-profile.ts';
import { idSchema } from '../schemas/framework.ts';
import type { Enrollment, RoutePreferences } from '../schemas/program.ts';
import { scoreAttempt } from '../scoring/score-attempt.ts';
import { catalogue, today } from '../testing/catalogue.ts';
import { framework, routeProfile, selfAssessment, submission } from '../testing/fixtures.ts';
import { buildRoute, type RouteInput } from './build-route.ts';
import { recommendationId } from './recommendation.ts';

const anyPreferences: RoutePreferences = { formats: [], from: null, to: null, hoursBudget: null };

/** The usual teacher: a high methodical deficit, moderate subject and psycho, strong digital, no data on communication. */
const profile = routeProfile({
  methodical: ['highDeficit', 42],
  subject: ['moderateDeficit', 65],
  psychoPedagogical: ['moderateDeficit', 70],
  digital: ['noDeficit', 90],
});

const route = (overrides: Partial<RouteInput> = {}) => buildRoute({ profile, catalogue, enrollments: [], preferences: anyPreferences, today, ...overrides });

/** competency → [kind, programId?, runId?] in output order, for compact expectations. */
function outline(input: Partial<RouteInput> = {}) {
  return route(input).recommendations.map((r) => [r.competency, r.kind, r.programId ?? null, r.runId ?? null]);
}

const enrollment = (programId: string, runId: string, status: Enrollment['status'], n: number, waitlistPosition: number | null = null): Enrollment => ({
  id: `00000000-0000-4000-8000-00000000000${n}`,
  programId,
  runId,
  status,
  waitlistPosition,
});

describe('buildRoute: what each band gets', () => {
  it('maps deficits to programmes, worst deficit first, with Р-201 forms per band', () => {
    expect(outline()).toEqual([
      // high: mentoring and a course; the earliest open run wins, even a long re-training when there is no budget
      ['methodical', 'mentoring', null, null],
      ['methodical', 'course', 'pp-retraining-260', 'retraining-260-2026'],
      // moderate: a course; the re-training chosen above covers subject too, at no extra hours
      ['subject', 'course', 'pp-retraining-260', 'retraining-260-2026'],
      ['psychoPedagogical', 'course', 'pk-psy-inclusion-72', 'inclusion-72-autumn'],
      // no data: take the diagnostic
      ['communicative', 'selfEducation', null, null],
      // no deficit: non-formal learning
      ['digital', 'methodicalAssociation', null, null],
      ['digital', 'competition', null, null],
    ]);
    expect(route().hoursPlanned).toBe(332);
  });

  it('writes reasons a teacher can read, with the competency and the score', () => {
    const byId = new Map(route().recommendations.map((r) => [r.id, r.reason]));
    expect(byId.get('methodical.course.pp-retraining-260')).toBe(
      'Рекомендовано: выраженный дефицит по компетенции «методическая», 42 из 100. Ближайший подходящий поток — с 10.09.2026.',
    );
    expect(byId.get('methodical.mentoring')).toContain('наставник');
    expect(byId.get('psychoPedagogical.course.pk-psy-inclusion-72')).toContain('умеренный дефицит по компетенции «психолого-педагогическая», 70 из 100');
    expect(byId.get('communicative.diagnostics')).toBe(
      'По компетенции «коммуникативная» пока мало данных: пройдите диагностику, чтобы маршрут подобрал программы.',
    );
    expect(byId.get('digital.methodicalAssociation')).toContain('не выявлен (90 из 100)');
    expect(byId.get('digital.competition')).toContain('конкурсе профессионального мастерства');
  });

  it('writes a decimal score with a comma', () => {
    const [, course] = buildRoute({
      profile: routeProfile({ methodical: ['highDeficit', 42.5] }),
      catalogue,
      enrollments: [],
      preferences: anyPreferences,
      today,
    }).recommendations;
    expect(course!.reason).toContain('42,5 из 100');
  });

  it('gives a high deficit mentoring even when a course covers it', () => {
    const kinds = route()
      .recommendations.filter((r) => r.competency === 'methodical')
      .map((r) => r.kind);
    expect(kinds).toEqual(['mentoring', 'course']);
  });
});

describe('buildRoute: preferences', () => {
  it('shares the hours budget across the route, worst deficit first', () => {
    const result = route({ preferences: { ...anyPreferences, hoursBudget: 100 } });
    expect(
      result.recommendations
        .filter((r) => ['methodical', 'subject', 'psychoPedagogical'].includes(r.competency))
        .map((r) => [r.competency, r.kind, r.programId ?? null]),
    ).toEqual([
      ['methodical', 'mentoring', null],
      ['methodical', 'course', 'pk-methodical-assess-16'], // the 260-hour re-training does not fit
      ['subject', 'course', 'pk-subject-math-72'], // 16 + 72 = 88
      ['psychoPedagogical', 'webinar', null], // 12 hours left: no course fits
      ['psychoPedagogical', 'selfEducation', null],
    ]);
    expect(result.hoursPlanned).toBe(88);
    expect(result.recommendations.find((r) => r.id === 'psychoPedagogical.webinar')!.reason).toContain('Подходящих курсов');
  });

  it('keeps to the preferred formats, ranking an open run first and taking a full one only with a waitlist note', () => {
    const result = route({ preferences: { ...anyPreferences, formats: ['distance'], hoursBudget: 72 } });
    const courses = result.recommendations.filter((r) => r.kind === 'course');
    expect(courses.map((r) => [r.competency, r.programId, r.waitlist ?? false])).toEqual([
      ['methodical', 'pk-methodical-assess-16', false],
      ['subject', 'pk-subject-rus-36', true], // the only distance subject course is full
      ['psychoPedagogical', 'pk-psy-burnout-16', false],
    ]);
    for (const course of courses) expect(catalogue.find((p) => p.id === course.programId)!.format).toBe('distance');
    expect(courses[1]!.reason).toContain('мест нет, можно встать в лист ожидания');
    expect(result.hoursPlanned).toBe(68);
  });

  it('offers only runs starting inside the preferred period; open runs rank before earlier full ones', () => {
    const result = route({ preferences: { ...anyPreferences, from: '2026-10-01', to: '2026-12-31' } });
    const courses = result.recommendations.filter((r) => r.kind === 'course').map((r) => [r.competency, r.programId, r.runId]);
    expect(courses).toEqual([
      // pk-methodical-fgos-36 starts earlier (12.10) but that run is full: the open 16.11 run ranks first
      ['methodical', 'pk-digital-lms-72', 'lms-72-nov'],
      ['subject', 'pk-subject-math-72', 'math-72-autumn'],
      ['psychoPedagogical', 'pk-psy-inclusion-72', 'inclusion-72-autumn'],
    ]);
  });

  it('picks the open run of a programme over its earlier full run', () => {
    const onlyFgos = catalogue.filter((p) => p.id === 'pk-methodical-fgos-36');
    const [, course] = route({ catalogue: onlyFgos }).recommendations;
    expect(course).toMatchObject({ programId: 'pk-methodical-fgos-36', runId: 'fgos-36-winter' });
    expect(course!.waitlist).toBeUndefined();
  });

  it('ranks by fewer hours, then by id, when open runs start the same day', () => {
    const twin = (id: string, hours: number) => ({
      ...catalogue.find((p) => p.id === 'pk-methodical-assess-16')!,
      id,
      hours,
    });
    const pick = (programs: ReturnType<typeof twin>[]) =>
      buildRoute({ profile: routeProfile({ methodical: ['moderateDeficit', 70] }), catalogue: programs, enrollments: [], preferences: anyPreferences, today })
        .recommendations[0]!.programId;
    expect(pick([twin('b-long', 36), twin('a-short', 16)])).toBe('a-short');
    expect(pick([twin('b-same', 16), twin('a-same', 16)])).toBe('a-same');
    expect(pick([twin('a-long', 36), twin('b-short', 16)])).toBe('b-short');
  });

  it('leaves out archived programmes and runs that started before today', () => {
    const digitalDeficit = routeProfile({ digital: ['moderateDeficit', 61], subject: ['moderateDeficit', 61] });
    const result = buildRoute({
      profile: digitalDeficit,
      catalogue: catalogue.filter((p) => p.id !== 'pk-subject-math-72' && p.id !== 'pp-retraining-260' && p.id !== 'pk-subject-rus-36'),
      enrollments: [],
      preferences: anyPreferences,
      today,
    });
    const course = (c: CompetencyId) => result.recommendations.find((r) => r.competency === c && r.kind === 'course')!;
    // pk-digital-archived-16 starts earlier and is shorter, but it is archived
    expect(course('digital').programId).toBe('pk-digital-ai-36');
    // pk-subject-olymp-36: the August run is past, the spring one is offered
    expect(course('subject').runId).toBe('olymp-36-spring');
  });

  it('leaves out programmes of other municipalities when the teacher’s is known', () => {
    const communicative = routeProfile({ communicative: ['moderateDeficit', 64] });
    const pick = (municipality?: string) =>
      buildRoute({ profile: communicative, catalogue, enrollments: [], preferences: anyPreferences, today, municipality }).recommendations[0]!;
    expect(pick().programId).toBe('pk-comm-conflict-16'); // open, though later than the full one
    expect(pick('Алатырь').programId).toBe('pk-comm-conflict-16');
    const elsewhere = pick('Канаш');
    expect(elsewhere).toMatchObject({ programId: 'pk-comm-parents-36', waitlist: true });
    expect(elsewhere.reason).toContain('мест нет, можно встать в лист ожидания');
  });
});

describe('buildRoute: existing sign-ups', () => {
  it('shows a sign-up as covering the deficit instead of recommending another programme', () => {
    const enrollments = [
      enrollment('pk-methodical-assess-16', 'assess-16-sept', 'confirmed', 1),
      enrollment('pk-subject-math-72', 'math-72-autumn', 'waitlisted', 2, 3),
      enrollment('pk-psy-inclusion-72', 'inclusion-72-autumn', 'cancelled', 3),
    ];
    const result = route({ enrollments });
    const courses = result.recommendations.filter((r) => r.kind === 'course');
    expect(courses.map((r) => [r.competency, r.programId, r.enrollmentId ?? null])).toEqual([
      ['methodical', 'pk-methodical-assess-16', enrollments[0]!.id],
      ['subject', 'pk-subject-math-72', enrollments[1]!.id],
      ['psychoPedagogical', 'pk-psy-inclusion-72', null], // a cancelled sign-up does not count
    ]);
    expect(courses[0]!.reason).toContain('место подтверждено');
    expect(courses[1]!.reason).toContain('в листе ожидания (место 3)');
    // The same id as the recommendation it replaces, so an accepted route item stays one item.
    expect(courses[0]!.id).toBe('methodical.course.pk-methodical-assess-16');
    expect(result.hoursCommitted).toBe(88);
    expect(result.hoursPlanned).toBe(72);
  });

  it('never recommends a programme the teacher is already signed up for, even for another competency', () => {
    const result = route({ enrollments: [enrollment('pp-retraining-260', 'retraining-260-2026', 'completed', 4)] });
    const newCourses = result.recommendations.filter((r) => r.kind === 'course' && !r.enrollmentId);
    expect(newCourses.map((r) => r.programId)).not.toContain('pp-retraining-260');
    const covering = result.recommendations.filter((r) => r.enrollmentId);
    expect(covering.map((r) => r.competency)).toEqual(['methodical', 'subject']);
    expect(covering[0]!.reason).toContain('пройдите диагностику повторно');
    expect(result.hoursCommitted).toBe(0); // completed: no longer takes time
  });

  it('counts confirmed hours in the period against the budget', () => {
    const result = route({
      enrollments: [enrollment('pk-digital-ai-36', 'ai-36-oct', 'confirmed', 5)],
      preferences: { ...anyPreferences, hoursBudget: 100 },
    });
    expect(result.hoursCommitted).toBe(36);
    // 64 hours left: assess-16 for methodical (48 left), then math-72 no longer fits subject but the
    // open spring olympiad course does (ahead of the full distance one); 12 hours are too few for psycho.
    expect(
      outline({ enrollments: [enrollment('pk-digital-ai-36', 'ai-36-oct', 'confirmed', 5)], preferences: { ...anyPreferences, hoursBudget: 100 } }).filter(
        ([competency]) => competency !== 'communicative' && competency !== 'digital',
      ),
    ).toEqual([
      ['methodical', 'mentoring', null, null],
      ['methodical', 'course', 'pk-methodical-assess-16', 'assess-16-sept'],
      ['subject', 'course', 'pk-subject-olymp-36', 'olymp-36-spring'],
      ['psychoPedagogical', 'webinar', null, null],
      ['psychoPedagogical', 'selfEducation', null, null],
    ]);
    expect(result.hoursPlanned + result.hoursCommitted).toBeLessThanOrEqual(100);
  });

  it('shows one item per programme when the teacher has several sign-ups on it', () => {
    const result = route({
      catalogue,
      enrollments: [
        enrollment('pk-methodical-fgos-36', 'fgos-36-winter', 'waitlisted', 6, 1),
        enrollment('pk-methodical-fgos-36', 'fgos-36-autumn', 'confirmed', 7),
      ],
    });
    const methodical = result.recommendations.filter((r) => r.competency === 'methodical' && r.kind === 'course');
    expect(methodical).toHaveLength(1);
    expect(methodical[0]).toMatchObject({ runId: 'fgos-36-autumn', enrollmentId: '00000000-0000-4000-8000-000000000007' });
  });
});

describe('buildRoute: determinism and ids', () => {
  it('returns deep-equal output for the same input, and for a reordered catalogue', () => {
    const input = { enrollments: [enrollment('pk-subject-math-72', 'math-72-autumn', 'confirmed', 1)], preferences: { ...anyPreferences, hoursBudget: 120 } };
    expect(route(input)).toEqual(route(input));
    expect(route({ ...input, catalogue: [...catalogue].reverse() })).toEqual(route(input));
  });

  it('makes ids that route items accept, shortening very long programme ids deterministically', () => {
    for (const r of route().recommendations) expect(idSchema.safeParse(r.id).success).toBe(true);
    const long = `p${'x'.repeat(63)}`;
    const id = recommendationId('psychoPedagogical', 'methodicalAssociation', long);
    expect(id.length).toBeLessThanOrEqual(64);
    expect(idSchema.safeParse(id).success).toBe(true);
    expect(recommendationId('psychoPedagogical', 'methodicalAssociation', long)).toBe(id);
    expect(recommendationId('psychoPedagogical', 'methodicalAssociation', `${long.slice(0, -1)}y`)).not.toBe(id);
  });

  it('refuses a malformed date', () => {
    expect(() => route({ today: '01.09.2026' })).toThrow(RangeError);
  });

  it('works on a profile computed from a real attempt', () => {
    const answers = { s1: 2, s2: 2, m1: 4, m2: 2, p1: 5, p2: 1, c1: 5, c2: 5, d1: 1, d2: 2 };
    const result = scoreAttempt(selfAssessment, submission(selfAssessment, answers), framework);
    const fromAttempt = currentProfile([{ instrumentId: 'self', instrumentVersion: 1, completedAt: '2026-08-30T10:00:00Z', result }]);
    const kinds = buildRoute({ profile: fromAttempt, catalogue, enrollments: [], preferences: anyPreferences, today }).recommendations.map((r) => [
      r.competency,
      r.kind,
    ]);
    expect(kinds).toEqual([
      ['digital', 'mentoring'], // 12.5: the worst
      ['digital', 'course'],
      ['subject', 'mentoring'], // 25
      ['subject', 'course'],
      ['methodical', 'course'], // 75: moderate
      ['psychoPedagogical', 'methodicalAssociation'], // 100
      ['psychoPedagogical', 'competition'],
      ['communicative', 'methodicalAssociation'],
      ['communicative', 'competition'],
    ]);
  });
});

describe('buildRoute properties', () => {
  const levelArb = fc.constantFrom<DeficitLevel | 'insufficientData'>('highDeficit', 'moderateDeficit', 'noDeficit', 'insufficientData');
  const scoreFor = (level: DeficitLevel | 'insufficientData', fraction: number) =>
    level === 'insufficientData'
      ? null
      : level === 'highDeficit'
        ? Math.round(fraction * 599) / 10
        : level === 'moderateDeficit'
          ? 60 + Math.round(fraction * 200) / 10
          : 80.1 + Math.round(fraction * 199) / 10;
  const profileArb = fc.tuple(...competencyIds.map(() => fc.tuple(levelArb, fc.double({ min: 0, max: 1, noNaN: true })))).map((entries) => ({
    competencies: Object.fromEntries(
      competencyIds.map((c, i) => [c, { level: entries[i]![0], score: scoreFor(entries[i]![0], entries[i]![1]) }]),
    ) as RouteInput['profile']['competencies'],
  }));
  const dateArb = fc.integer({ min: 0, max: 400 }).map((days) => new Date(Date.UTC(2026, 7, 1) + days * 86_400_000).toISOString().slice(0, 10));
  const preferencesArb = fc.record({
    formats: fc.subarray([...programFormats]),
    from: fc.option(dateArb, { nil: null }),
    to: fc.option(dateArb, { nil: null }),
    hoursBudget: fc.option(fc.integer({ min: 0, max: 400 }), { nil: null }),
  });
  const signUpsArb = fc
    .subarray(catalogue.filter((p) => p.runs.length > 0))
    .chain((programs) =>
      fc.tuple(
        ...programs.map((p) => fc.constantFrom<Enrollment['status']>('confirmed', 'waitlisted', 'cancelled', 'completed').map((status) => ({ p, status }))),
      ),
    )
    .map((picked) =>
      picked.map(
        ({ p, status }, i): Enrollment => ({
          id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
          programId: p.id,
          runId: p.runs[0]!.id,
          status,
          waitlistPosition: status === 'waitlisted' ? 1 : null,
        }),
      ),
    );
  const inputArb = fc.record({
    profile: profileArb,
    catalogue: fc.shuffledSubarray(catalogue),
    enrollments: signUpsArb,
    preferences: preferencesArb,
    today: dateArb,
  });

  it('leaves no competency without a recommendation and keeps every rule of the route', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const { recommendations, hoursPlanned, hoursCommitted } = buildRoute(input);
        const ids = recommendations.map((r) => r.id);
        expect(new Set(ids).size).toBe(ids.length);
        const window = {
          from: input.preferences.from !== null && input.preferences.from > input.today ? input.preferences.from : input.today,
          to: input.preferences.to,
        };
        const newPrograms = new Set<string>();
        for (const competency of competencyIds) {
          const { level } = input.profile.competencies[competency];
          const mine = recommendations.filter((r) => r.competency === competency);
          expect(mine.length).toBeGreaterThan(0);
          if (level === 'highDeficit') expect(mine.some((r) => r.kind === 'mentoring')).toBe(true);
          if (level === 'highDeficit' || level === 'moderateDeficit') expect(mine.some((r) => r.kind !== 'mentoring')).toBe(true);
          if (level === 'noDeficit' || level === 'insufficientData') expect(mine.some((r) => r.kind === 'course')).toBe(false);
        }
        for (const r of recommendations) {
          expect(idSchema.safeParse(r.id).success).toBe(true);
          if (r.kind !== 'course' || r.enrollmentId) continue;
          const program = input.catalogue.find((p) => p.id === r.programId)!;
          const run = program.runs.find((x) => x.id === r.runId)!;
          expect(program.archived).toBe(false);
          expect(program.competencies).toContain(r.competency);
          expect(input.enrollments.some((e) => e.programId === program.id && e.status !== 'cancelled')).toBe(false);
          if (input.preferences.formats.length > 0) expect(input.preferences.formats).toContain(program.format);
          expect(run.start >= window.from).toBe(true);
          if (window.to !== null) expect(run.start <= window.to).toBe(true);
          expect(r.waitlist === true).toBe(run.seatsTaken >= run.seats);
          newPrograms.add(program.id);
        }
        const planned = [...newPrograms].reduce((sum, id) => sum + input.catalogue.find((p) => p.id === id)!.hours, 0);
        expect(hoursPlanned).toBe(planned);
        if (input.preferences.hoursBudget !== null) {
          expect(hoursPlanned).toBeLessThanOrEqual(Math.max(0, input.preferences.hoursBudget - hoursCommitted));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('does not depend on the order of the catalogue or the sign-ups', () => {
    fc.assert(
      fc.property(inputArb, fc.nat(), (input, seed) => {
        const rotate = <T>(list: readonly T[]) => (list.length === 0 ? [...list] : [...list.slice(seed % list.length), ...list.slice(0, seed % list.length)]);
        const reordered = { ...input, catalogue: rotate(input.catalogue).reverse(), enrollments: rotate(input.enrollments).reverse() };
        expect(buildRoute(reordered)).toEqual(buildRoute(input));
      }),
      { numRuns: 200 },
    );
  });
});

describe('buildRoute: indicators', () => {
  it('prefers a programme naming the teacher’s weak indicators, and names them on the items', () => {
    const psy = catalogue.filter((p) => p.competencies.includes('psychoPedagogical') && p.id !== 'pk-psy-inclusion-72' && !p.archived);
    expect(psy.length).toBeGreaterThan(0);
    const preferred = psy[psy.length - 1]!;
    const marked = catalogue.map((p) => (p.id === preferred.id ? { ...p, indicators: ['psychoPedagogical.safeEnvironment'] } : p));
    const withoutWeak = route({ catalogue: marked }).recommendations.find((r) => r.competency === 'psychoPedagogical' && r.kind === 'course');
    const withWeak = route({
      catalogue: marked,
      weakIndicators: { psychoPedagogical: ['psychoPedagogical.safeEnvironment'], methodical: ['methodical.planning'] },
      indicatorTitle: (id) => (id === 'methodical.planning' ? 'Планирование уроков' : id),
    }).recommendations;
    const course = withWeak.find((r) => r.competency === 'psychoPedagogical' && r.kind === 'course')!;
    // Only a programme that still has a run in the window can be preferred.
    if (preferred.runs.some((run) => run.start >= today)) {
      expect(course.programId).toBe(preferred.id);
      expect(course.indicators).toEqual(['psychoPedagogical.safeEnvironment']);
    }
    expect(withoutWeak?.programId).toBe('pk-psy-inclusion-72');
    const mentoring = withWeak.find((r) => r.competency === 'methodical' && r.kind === 'mentoring')!;
    expect(mentoring.indicators).toEqual(['methodical.planning']);
    expect(mentoring.description).toContain('особенно: «планирование уроков»');
  });

  it('suggests burnout prevention privately after a high risk, or a psychologist without a programme', () => {
    const risky = { ...profile, wellbeing: { level: 'highRisk' as const, score: 30 } };
    const privateOne = route({ profile: risky }).recommendations.find((r) => r.private);
    expect(privateOne).toMatchObject({ competency: 'wellbeing', kind: 'course', programId: 'pk-psy-burnout-16' });
    const without = route({ profile: risky, catalogue: catalogue.filter((p) => !/выгоран/.test(p.title)) }).recommendations.find((r) => r.private);
    expect(without).toMatchObject({ competency: 'wellbeing', kind: 'selfEducation', description: expect.stringMatching(/психолог/) });
    expect(route().recommendations.some((r) => r.private)).toBe(false);
  });
});
