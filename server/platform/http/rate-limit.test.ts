import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { clientIp, rateLimit } from './rate-limit.ts';

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
    expect(await refused.json()).toEqual({ error: { code: 'too_many_requests', message: 'Слишком много попыток. Повторите через 45 с.' } });

    // Another client is counted apart.
    expect((await get('b')).status).toBe(200);

    clock.now += 45_000;
    expect((await get()).status).toBe(200);
  });

  it('says at least 1 second in the last moment of a window, never 0', async () => {
    const { clock, get } = limitedApp(1, 60_000);
    await get();
    clock.now += 59_999;
    expect((await get()).headers.get('retry-after')).toBe('1');
  });

  it('answers with the caller’s own response once limited, such as the sign-in page, keeping Retry-After', async () => {
    const app = new Hono()
      .use(rateLimit({ limit: 1, windowMs: 60_000, now: () => 0, onLimited: (c, seconds) => c.html(`<p>Подождите ${seconds} с.</p>`, 429) }))
      .get('/', (c) => c.text('ok'));
    await app.request('/');
    const refused = await app.request('/');
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('60');
    expect(await refused.text()).toBe('<p>Подождите 60 с.</p>');
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
