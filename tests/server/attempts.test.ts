import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { framework, instrumentById } from '../../shared/content/index.ts';
import { scoreAttempt } from '../../shared/scoring/score-attempt.ts';
import { attemptStore, encodeAttempt } from '../../server/features/diagnostics/attempt-store.ts';
import { bodyOf, createTestApp, type TestApp } from '../helpers/test-app.ts';

const selfAssessment = instrumentById('selfAssessment')!;

/** Every item answered with the same scale value (or the first option). */
function sitting(value: number, overrides: Record<string, unknown> = {}) {
  const answers: Record<string, unknown> = {};
  for (const item of selfAssessment.items) {
    answers[item.id] = item.kind === 'likert' ? value : item.kind === 'single' ? item.options[0]!.id : [item.options[0]!.id];
  }
  return {
    id: randomUUID(),
    instrumentId: selfAssessment.id,
    instrumentVersion: selfAssessment.version,
    answers,
    completedAt: '2026-11-20T10:00:00.000+09:00',
    ...overrides,
  };
}

describe('diagnostics over the API', () => {
  let t: TestApp;
  let token: string;
  let otherToken: string;
  beforeEach(async () => {
    t = await createTestApp();
    const connect = async (code: string) => (await bodyOf(await t.json('POST', '/api/v1/connect', { code, device: 'ноутбук' }))).token;
    token = await connect(t.demo.teachers[0]!.code);
    otherToken = await connect(t.demo.teachers[1]!.code);
  });
  afterEach(() => t.dispose());

  const count = (table: string) => (t.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

  it('lists the shipped instruments and serves the current version of each', async () => {
    const list = await bodyOf(await t.json('GET', '/api/v1/instruments', undefined, token));
    expect(list.instruments.map((i: { id: string }) => i.id).sort()).toEqual(['burnoutScreening', 'methodicalTest', 'selfAssessment']);
    expect(list.instruments.every((i: { lastCompletedAt: unknown }) => i.lastCompletedAt === null)).toBe(true);
    const one = await bodyOf(await t.json('GET', '/api/v1/instruments/selfAssessment', undefined, token));
    expect(one.items.length).toBe(selfAssessment.items.length);
    // A test's answer keys stay on the server: the teacher's device gets the questions and options only.
    const test = await bodyOf(await t.json('GET', '/api/v1/instruments/methodicalTest', undefined, token));
    expect(test.items.length).toBe(instrumentById('methodicalTest')!.items.length);
    expect(test.items.every((item: { options?: unknown[] }) => item.options && item.options.length >= 2)).toBe(true);
    expect(test.items.some((item: object) => 'key' in item)).toBe(false);
    expect(JSON.stringify(test)).not.toContain('"key"');
    expect((await t.json('GET', '/api/v1/instruments/nothing', undefined, token)).status).toBe(404);
    expect((await t.json('GET', '/api/v1/instruments')).status).toBe(401);
  });

  it('scores a sitting on the server and records the version it was scored with', async () => {
    const response = await t.json('POST', '/api/v1/attempts', sitting(2), token);
    expect(response.status).toBe(201);
    const { result } = await bodyOf(response);
    expect(result.instrumentId).toBe('selfAssessment');
    expect(result.instrumentVersion).toBe(selfAssessment.version);
    // A 2 on every item (with reverse-keyed ones flipped) is far from the top of the scale: deficits show.
    expect(result.deficits.length).toBeGreaterThan(0);
    expect(count('attempt_scores')).toBe(Object.keys(result.areas).length);
  });

  it('stores one row however often the same sitting is replayed', async () => {
    const body = sitting(4);
    const first = await t.json('POST', '/api/v1/attempts', body, token);
    expect(first.status).toBe(201);
    const stored = await bodyOf(first);
    for (let i = 0; i < 99; i++) {
      const again = await t.json('POST', '/api/v1/attempts', body, token);
      expect(again.status).toBe(200);
      expect(await bodyOf(again)).toEqual(stored);
    }
    expect(count('attempts')).toBe(1);
  });

  it('answers a retry of an attempt stored before results were stored compactly', async () => {
    const body = sitting(2);
    const stored = await bodyOf(await t.json('POST', '/api/v1/attempts', body, token));
    expect((t.db.prepare('SELECT result_json FROM attempts').get() as { result_json: string }).result_json.length).toBeLessThan(
      JSON.stringify(stored.result).length / 2,
    );
    // The row as an older server wrote it: the result as plain JSON.
    t.db.prepare('UPDATE attempts SET result_json = ? WHERE id = ?').run(JSON.stringify(stored.result), body.id);
    const again = await t.json('POST', '/api/v1/attempts', body, token);
    expect(again.status).toBe(200);
    expect(await bodyOf(again)).toEqual(stored);
    const { profile } = await bodyOf(await t.json('GET', '/api/v1/me/profile', undefined, token));
    expect(profile.deficits.length).toBeGreaterThan(0);
  });

  it('refuses the same id with other answers, or from another teacher, and keeps the first', async () => {
    const body = sitting(4);
    await t.json('POST', '/api/v1/attempts', body, token);
    const changed = await t.json('POST', '/api/v1/attempts', { ...body, answers: sitting(1).answers }, token);
    expect(changed.status).toBe(409);
    expect((await bodyOf(changed)).error.message).toMatch(/не перезаписывается/);
    expect((await t.json('POST', '/api/v1/attempts', body, otherToken)).status).toBe(409);
    const row = t.db.prepare('SELECT answers_json FROM attempts WHERE id = ?').get(body.id) as { answers_json: string };
    expect(JSON.parse(row.answers_json)).toEqual(body.answers);
  });

  it('takes the same answers in another key order as a retry, and another completion time as a different submission', async () => {
    const body = sitting(4);
    const first = await bodyOf(await t.json('POST', '/api/v1/attempts', body, token));
    const reordered = { ...body, answers: Object.fromEntries(Object.entries(body.answers).reverse()) };
    const again = await t.json('POST', '/api/v1/attempts', reordered, token);
    expect(again.status).toBe(200);
    expect(await bodyOf(again)).toEqual(first);
    const later = await t.json('POST', '/api/v1/attempts', { ...body, completedAt: '2026-10-05T10:00:00.000Z' }, token);
    expect(later.status).toBe(409);
    expect(count('attempts')).toBe(1);
  });

  it('stores one row when copies of a submission arrive at the same moment, and answers the copies as retries', async () => {
    const body = sitting(3);
    const responses = await Promise.all(Array.from({ length: 5 }, () => t.json('POST', '/api/v1/attempts', body, token)));
    expect(responses.map((r) => r.status).sort()).toEqual([200, 200, 200, 200, 201]);
    const bodies = await Promise.all(responses.map(bodyOf));
    for (const other of bodies) expect(other).toEqual(bodies[0]);
    expect(count('attempts')).toBe(1);
    expect(count('attempt_scores')).toBe(Object.keys(bodies[0].result.areas).length);
  });

  it('refuses a different body under the same id even when both arrive at the same moment', async () => {
    const body = sitting(4);
    const [first, second] = await Promise.all([
      t.json('POST', '/api/v1/attempts', body, token),
      t.json('POST', '/api/v1/attempts', { ...body, answers: sitting(1).answers }, token),
    ]);
    expect([first!.status, second!.status]).toEqual([201, 409]);
    const row = t.db.prepare('SELECT answers_json FROM attempts WHERE id = ?').get(body.id) as { answers_json: string };
    expect(JSON.parse(row.answers_json)).toEqual(body.answers);
  });

  it('stores the other submissions of a moment when one of them cannot be stored', async () => {
    const attempts = attemptStore(t.db);
    const scored = (id: string, teacherId: number) => {
      const body = sitting(3, { id });
      const result = scoreAttempt(selfAssessment, body as Parameters<typeof scoreAttempt>[1], framework);
      return {
        id,
        teacherId,
        instrumentId: selfAssessment.id,
        instrumentVersion: selfAssessment.version,
        completedAt: body.completedAt,
        receivedAt: new Date().toISOString(),
        answers: body.answers,
        result,
      };
    };
    const teacherId = t.demo.teachers[0]!.id;
    const [good, orphan, alsoGood] = await Promise.allSettled([
      attempts.saveOnce(encodeAttempt(scored(randomUUID(), teacherId))),
      attempts.saveOnce(encodeAttempt(scored(randomUUID(), 999_999))), // no such teacher: the foreign key refuses it
      attempts.saveOnce(encodeAttempt(scored(randomUUID(), teacherId))),
    ]);
    expect([good!.status, orphan!.status, alsoGood!.status]).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(count('attempts')).toBe(2);
    expect(count('attempt_scores')).toBe(2 * Object.keys(scored(randomUUID(), teacherId).result.areas).length);
  });

  it.each([
    ['an unknown item', { answers: { nosuchitem: 3 } }, 422, /nosuchitem/],
    ['a value out of range', { answers: { [selfAssessment.items[0]!.id]: 7 } }, 422, new RegExp(selfAssessment.items[0]!.id)],
    ['a version the server does not have', { instrumentVersion: 99 }, 422, /Версии 99/],
    ['a malformed id', { id: 'not-a-uuid' }, 400, /id/],
    ['answers of the wrong type', { answers: 'все пятёрки' }, 400, /answers/],
    ['an unexpected field', { extra: true }, 400, /extra/],
    // A wrong clock on the device: the profile takes the latest attempt, so a date in 2099 would stay «latest» for ever.
    ['a completion time in the future', { completedAt: '2099-01-01T10:00:00.000+09:00' }, 400, /позже текущего времени/],
    ['a completion time before ПрофРост existed', { completedAt: '1999-12-31T10:00:00.000+09:00' }, 400, /раньше 2020 года/],
    ['a NUL character in an answer key', { answers: { 'item\u0000': 3 } }, 400, /служебный невидимый символ/],
  ])('refuses %s with a sentence and stores nothing', async (_, override, status, pattern) => {
    const response = await t.json('POST', '/api/v1/attempts', sitting(3, override), token);
    expect(response.status).toBe(status);
    expect((await bodyOf(response)).error.message).toMatch(pattern);
    expect(count('attempts')).toBe(0);
  });

  it('shows an instrument as taken after a sitting', async () => {
    await t.json('POST', '/api/v1/attempts', sitting(5), token);
    const list = await bodyOf(await t.json('GET', '/api/v1/instruments', undefined, token));
    const entry = list.instruments.find((i: { id: string }) => i.id === 'selfAssessment');
    expect(entry.lastCompletedAt).toBe('2026-11-20T10:00:00.000+09:00');
  });

  it('shows the latest sitting as taken, whatever time-zone offsets the devices wrote', async () => {
    // 02:30Z is later than 10:00+09:00 (01:00Z), though it sorts before it as text.
    await t.json('POST', '/api/v1/attempts', sitting(5), token);
    await t.json('POST', '/api/v1/attempts', sitting(4, { completedAt: '2026-11-20T02:30:00.000Z' }), token);
    const list = await bodyOf(await t.json('GET', '/api/v1/instruments', undefined, token));
    expect(list.instruments.find((i: { id: string }) => i.id === 'selfAssessment').lastCompletedAt).toBe('2026-11-20T02:30:00.000Z');
  });
});

describe('the profile over time', () => {
  let t: TestApp;
  let token: string;
  beforeEach(async () => {
    t = await createTestApp();
    token = (await bodyOf(await t.json('POST', '/api/v1/connect', { code: t.demo.teachers[0]!.code, device: 'ноутбук' }))).token;
  });
  afterEach(() => t.dispose());

  it('is empty before any diagnostic: every competency lacks data, nothing is a deficit', async () => {
    const { profile } = await bodyOf(await t.json('GET', '/api/v1/me/profile', undefined, token));
    expect(Object.values(profile.competencies).every((s) => (s as { level: string }).level === 'insufficientData')).toBe(true);
    expect(profile.deficits).toEqual([]);
  });

  it('shows deficits after a weak sitting and growth after a stronger one', async () => {
    await t.json('POST', '/api/v1/attempts', sitting(2, { completedAt: '2026-09-15T10:00:00.000+09:00' }), token);
    const before = await bodyOf(await t.json('GET', '/api/v1/me/profile', undefined, token));
    expect(before.profile.deficits.length).toBeGreaterThan(0);

    await t.json('POST', '/api/v1/attempts', sitting(4, { completedAt: '2026-12-01T10:00:00.000+09:00' }), token);
    const after = await bodyOf(await t.json('GET', '/api/v1/me/profile', undefined, token));
    const methodical = after.growth.competencies.methodical[0];
    expect(methodical.instrumentId).toBe('selfAssessment');
    expect(methodical.delta).toBeGreaterThan(0);
    expect(after.profile.competencies.methodical.score).toBeGreaterThan(before.profile.competencies.methodical.score);
  });
});
