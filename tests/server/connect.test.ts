import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findDeviceByToken, revokeDevices } from '../../server/platform/database/device-store.ts';
import { issueConnectionCode } from '../../server/features/connection/code-store.ts';
import { bodyOf, createTestApp, type TestApp } from '../helpers/test-app.ts';

describe('POST /api/v1/connect', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await createTestApp();
  });
  afterEach(() => t.dispose());

  const devices = () => (t.db.prepare('SELECT count(*) AS n FROM devices').get() as { n: number }).n;

  it('exchanges a code, typed loosely, for a device token of that teacher', async () => {
    const teacher = t.demo.teachers[0]!;
    const response = await t.json('POST', '/api/v1/connect', { code: ` ${teacher.code.toLowerCase().replace('-', ' ')} `, device: 'Ноутбук, кабинет 12' });
    expect(response.status).toBe(201);
    const body = await bodyOf(response);
    expect(body.teacher).toEqual({ id: teacher.id, name: teacher.name, school: teacher.school, municipality: expect.any(String) });
    expect(findDeviceByToken(t.db, body.token)).toEqual({ deviceId: expect.any(Number), teacherId: teacher.id });
  });

  it('takes the name from the journal as it gives it, and refuses a colleague’s code before using it up', async () => {
    const [sokolova, other] = [t.demo.teachers[0]!, t.demo.teachers[1]!];
    const [surname, first, middle] = sokolova.name.split(' ') as [string, string, string];
    const wrong = await t.json('POST', '/api/v1/connect', { code: other.code, device: 'учительская', name: `${surname} ${first[0]}. ${middle[0]}.` });
    expect(wrong.status).toBe(409);
    expect(await bodyOf(wrong)).toEqual({ error: { code: 'code_other_teacher', message: expect.stringContaining('выдан другому педагогу') } });
    expect(devices()).toBe(0);

    // «Фамилия И. О.», as Сетевой город shows her: her own code connects.
    const right = await t.json('POST', '/api/v1/connect', {
      code: sokolova.code,
      device: 'учительская',
      name: `${surname.toUpperCase()} ${first[0]}.${middle[0]}.`,
    });
    expect(right.status).toBe(201);
    // The colleague's code was not used up.
    expect((await t.json('POST', '/api/v1/connect', { code: other.code, device: 'её ноутбук', name: other.name })).status).toBe(201);
  });

  it('never gives a second token for a used code, even to two devices racing', async () => {
    const { code } = t.demo.teachers[1]!;
    const [a, b] = await Promise.all([
      t.json('POST', '/api/v1/connect', { code, device: 'первый' }),
      t.json('POST', '/api/v1/connect', { code, device: 'второй' }),
    ]);
    expect([a.status, b.status].sort()).toEqual([201, 410]);
    const again = await t.json('POST', '/api/v1/connect', { code, device: 'третий' });
    expect(again.status).toBe(410);
    expect(await bodyOf(again)).toEqual({ error: { code: 'code_used', message: expect.stringContaining('уже использован') } });
    expect(devices()).toBe(1);
  });

  it('refuses an unknown and an expired code with a sentence, and stores nothing', async () => {
    const unknown = await t.json('POST', '/api/v1/connect', { code: 'ZZZZ-ZZZZ', device: 'ноутбук' });
    expect(unknown.status).toBe(404);
    expect((await bodyOf(unknown)).error.message).toMatch(/кода подключения нет/);

    const longAgo = new Date(Date.now() - 31 * 24 * 3600 * 1000);
    const expired = issueConnectionCode(t.db, t.demo.teachers[2]!.id, longAgo);
    const response = await t.json('POST', '/api/v1/connect', { code: expired, device: 'ноутбук' });
    expect(response.status).toBe(410);
    expect((await bodyOf(response)).error).toEqual({ code: 'code_expired', message: expect.stringMatching(/истёк/) });
    expect(devices()).toBe(0);
  });

  it.each([
    ['no body', undefined, 415],
    ['a wrong shape', { code: 'K7QM-3HXD' }, 400],
    ['a malformed code', { code: 'O0O0-1111', device: 'ноутбук' }, 400],
    ['a number for a code', { code: 12345678, device: 'ноутбук' }, 400],
  ])('answers %s with a 4xx and a Russian message', async (_, body, status) => {
    const response = await t.json('POST', '/api/v1/connect', body);
    expect(response.status).toBe(status);
    const { error } = await bodyOf(response);
    expect(error.message).toMatch(/[а-яё]/i);
    expect(devices()).toBe(0);
  });

  it('answers broken JSON with 400', async () => {
    const response = await t.app.request('/api/v1/connect', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"code":' });
    expect(response.status).toBe(400);
    expect((await bodyOf(response)).error.code).toBe('invalid_json');
  });

  it('answers on its old path, POST /api/v1/enroll, the same way, so that an extension not yet updated still connects', async () => {
    const teacher = t.demo.teachers[4]!;
    const response = await t.json('POST', '/api/v1/enroll', { code: teacher.code, device: 'ноутбук' });
    expect(response.status).toBe(201);
    const body = await bodyOf(response);
    expect(body.teacher).toEqual({ id: teacher.id, name: teacher.name, school: teacher.school, municipality: expect.any(String) });
    expect(findDeviceByToken(t.db, body.token)).toEqual({ deviceId: expect.any(Number), teacherId: teacher.id });
    // One code, one device, whichever path redeems it.
    const again = await t.json('POST', '/api/v1/connect', { code: teacher.code, device: 'телефон' });
    expect(await bodyOf(again)).toEqual({ error: { code: 'code_used', message: expect.stringContaining('уже использован') } });
    const refused = await t.json('POST', '/api/v1/enroll', { code: 'ZZZZ-ZZZZ', device: 'ноутбук' });
    expect(refused.status).toBe(404);
    expect((await bodyOf(refused)).error.message).toMatch(/кода подключения нет/);
  });

  it('stops a revoked token at once', async () => {
    const teacher = t.demo.teachers[3]!;
    const { token } = await bodyOf(await t.json('POST', '/api/v1/connect', { code: teacher.code, device: 'ноутбук' }));
    expect(findDeviceByToken(t.db, token)).toBeDefined();
    expect(revokeDevices(t.db, teacher.id)).toBe(1);
    expect(findDeviceByToken(t.db, token)).toBeUndefined();
  });
});

describe('the API guards', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await createTestApp();
  });
  afterEach(() => t.dispose());

  it('refuses an oversized body with 413 and a sentence', async () => {
    const response = await t.json('POST', '/api/v1/connect', { code: 'K7QM-3HXD', device: 'x'.repeat(300 * 1024) });
    expect(response.status).toBe(413);
    expect((await bodyOf(response)).error.message).toMatch(/слишком большой/);
  });

  it('lets extension origins use CORS and no web page', async () => {
    const fromExtension = await t.app.request('/api/v1/health', { headers: { origin: 'chrome-extension://abcdefghijklmnop' } });
    expect(fromExtension.headers.get('access-control-allow-origin')).toBe('chrome-extension://abcdefghijklmnop');
    const fromPage = await t.app.request('/api/v1/health', { headers: { origin: 'https://evil.example' } });
    expect(fromPage.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('sends security headers', async () => {
    const response = await t.app.request('/api/v1/health');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('x-frame-options')).toBe('SAMEORIGIN');
  });
});
