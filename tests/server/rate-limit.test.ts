import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bodyOf, createTestApp, type TestApp } from '../helpers/test-app.ts';
import { startTestServer, type TestServer } from '../helpers/test-server.ts';

describe('the connection endpoint', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await createTestApp();
  });
  afterEach(() => t.dispose());

  it('allows 10 attempts a minute from one client, then refuses even a valid code without using it up', async () => {
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
