import { Hono } from 'hono';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { clientIp, rateLimit } from '../../server/platform/http/rate-limit.ts';
import { bodyOf, createTestApp, type TestApp } from '../helpers/test-app.ts';
import { startTestServer, type TestServer } from '../helpers/test-server.ts';

describe('rateLimit', () => {
  function limitedApp(limit: number, windowMs: number) {
    const clock = { now: 1_000_000 };
    const app = new Hono()
      .use(rateLimit({ limit, windowMs, now: () => clock.now, key: (c) => c.req.header('x-client') ?? 'anon' }))
      .get('/', (c) => c.text('ok'));
    const get = (client = 'a') => app.request('/', { headers: { 'x-client': client } });
    return { clock, get };
  }

  it('lets `limit` requests through per window, then answers 429 with Retry-After until the window ends', async () => {
    const { clock, get } = limitedApp(3, 60_000);
    for (let i = 0; i < 3; i++) expect((await get()).status).toBe(200);
    clock.now += 15_000;
    const refused = await get();
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('45');
    expect(await bodyOf(refused)).toEqual({ error: { code: 'too_many_requests', message: 'Слишком много попыток. Повторите через 45 с.' } });

    // Another client is counted apart.
    expect((await get('b')).status).toBe(200);

    clock.now += 45_000;
    expect((await get()).status).toBe(200);
  });
});

describe('clientIp', () => {
  it('counts by the address of the connection, and by one key when there is none (app.request)', async () => {
    const app = new Hono().use(rateLimit({ limit: 1, windowMs: 60_000 })).get('/', (c) => c.text('ok'));
    const from = (address: string) => app.request('/', {}, { incoming: { socket: { remoteAddress: address, remotePort: 5000, remoteFamily: 'IPv4' } } });
    expect((await from('10.0.0.1')).status).toBe(200);
    expect((await from('10.0.0.1')).status).toBe(429);
    expect((await from('10.0.0.2')).status).toBe(200);
    expect(clientIp({ env: {} } as never)).toBe('local');
  });
});

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
