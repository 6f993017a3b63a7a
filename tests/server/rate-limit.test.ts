import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { insertTeacher } from '../../server/features/roster/store.ts';
import { issueConnectionCode } from '../../server/features/connection/code-store.ts';
import { bodyOf, createTestApp, type TestApp } from '../helpers/test-app.ts';
import { startTestServer, type TestServer } from '../helpers/test-server.ts';

describe('the connection endpoint', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await createTestApp();
  });
  afterEach(() => t.dispose());

  it('allows 10 attempts a minute from one device, then refuses even a valid code without using it up', async () => {
    for (let i = 0; i < 10; i++) {
      const response = await t.json('POST', '/api/v1/connect', { code: 'ZZZZ-ZZZZ', device: 'ноутбук' });
      expect(response.status).toBe(404);
    }
    const teacher = t.demo.teachers[0]!;
    const refused = await t.json('POST', '/api/v1/connect', { code: teacher.code, device: 'ноутбук' });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await bodyOf(refused)).error.message).toMatch(/Слишком много попыток/);
    expect((t.db.prepare('SELECT count(*) AS n FROM connection_codes WHERE used_at IS NOT NULL').get() as { n: number }).n).toBe(0);
    // Other endpoints are not limited.
    expect((await t.json('GET', '/api/v1/health')).status).toBe(200);
  });

  /** A teacher of one school with a fresh connection code. */
  const newTeacher = (n: number) => {
    const teacherId = insertTeacher(t.db, {
      municipality: 'Городской округ Белоозёрск',
      school: 'МБОУ «Школа за одним адресом»',
      lastName: `Учитель${n}`,
      firstName: 'Тест',
      middleName: '',
      position: 'учитель',
      subjects: 'математика',
      experienceYears: 5,
    });
    return issueConnectionCode(t.db, teacherId);
  };

  it('lets a whole school connect from one address on one morning', async () => {
    const codes = Array.from({ length: 60 }, (_, n) => newTeacher(n));
    const statuses: number[] = [];
    for (const [n, code] of codes.entries()) {
      // A typo first now and then, as on a real morning.
      if (n % 3 === 0) await t.json('POST', '/api/v1/connect', { code: 'ZZZZ-ZZZZ', device: `Ноутбук ${n}` });
      statuses.push((await t.json('POST', '/api/v1/connect', { code, device: `Ноутбук ${n}` })).status);
    }
    expect(statuses).toEqual(Array(60).fill(201));
  });

  it('refuses the 11th try of one code in ten minutes with a sentence, while the next teacher at the address connects', async () => {
    const code = newTeacher(1);
    const wrong = `${code.slice(0, 8)}${code[8] === '2' ? '3' : '2'}`;
    for (let i = 0; i < 10; i++) expect((await t.json('POST', '/api/v1/connect', { code: wrong, device: `попытка ${i}` })).status).toBe(404);
    const refused = await t.json('POST', '/api/v1/connect', { code: wrong.toLowerCase(), device: 'ещё одна' });
    expect(refused.status).toBe(429);
    expect((await bodyOf(refused)).error.message).toMatch(/^С этим кодом было слишком много попыток\. .* через \d+ с\.$/);
    expect((await t.json('POST', '/api/v1/connect', { code: newTeacher(2), device: 'соседний ноутбук' })).status).toBe(201);
  });

  it('keeps a bound per address: past 300 tries in ten minutes even a valid code waits', async () => {
    const code = newTeacher(1);
    for (let i = 0; i < 300; i++) {
      // A different wrong code each time: i in base 8, its digits written as 2–9.
      const guess = `ZZZZ-${[...i.toString(8).padStart(4, '0')].map((digit) => Number(digit) + 2).join('')}`;
      expect((await t.json('POST', '/api/v1/connect', { code: guess, device: `устройство ${i}` })).status).toBe(404);
    }
    const refused = await t.json('POST', '/api/v1/connect', { code, device: 'настоящее' });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('counts the old path and the new one together', async () => {
    for (let i = 0; i < 10; i++) {
      const path = i % 2 === 0 ? '/api/v1/connect' : '/api/v1/enroll';
      expect((await t.json('POST', path, { code: 'ZZZZ-ZZZZ', device: 'ноутбук' })).status).toBe(404);
    }
    expect((await t.json('POST', '/api/v1/enroll', { code: 'ZZZZ-ZZZZ', device: 'ноутбук' })).status).toBe(429);
    expect((await t.json('POST', '/api/v1/connect', { code: 'ZZZZ-ZZZZ', device: 'ноутбук' })).status).toBe(429);
  });
});

describe('the connection endpoint on a real socket', () => {
  let server: TestServer;
  beforeEach(async () => {
    server = await startTestServer({ demo: false });
  });
  afterEach(() => server.dispose());

  it('counts attempts by the client address', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) {
      const response = await fetch(`${server.url}/api/v1/connect`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ code: 'ZZZZ-ZZZZ', device: 'ноутбук' }),
      });
      statuses.push(response.status);
    }
    expect(statuses).toEqual([...Array(10).fill(404), 429]);
  });
});
