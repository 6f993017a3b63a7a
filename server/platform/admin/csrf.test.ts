import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import type { AdminEnv } from './env.ts';
import { csrfToken, sameOrigin } from './csrf.ts';

const badOrigin = 'Запрос пришёл не со страницы ПрофРоста и отклонён.';
const badCsrf = 'Форма устарела';

describe('the origin check of admin forms', () => {
  const app = new Hono().use(sameOrigin('https://profrost.example.ru/')).all('/admin/x', (c) => c.text('ok'));
  /** A request as it reaches the server behind a proxy: to its own address, from the browser's page. */
  const post = (headers: Record<string, string>) => app.request('http://127.0.0.1:8787/admin/x', { method: 'POST', headers });

  it('lets through forms posted from this server, under either of its addresses', async () => {
    expect((await post({ origin: 'http://127.0.0.1:8787' })).status).toBe(200);
    expect((await post({ origin: 'https://profrost.example.ru' })).status).toBe(200);
  });

  it('decides by the Referer when the browser sends no Origin or `Origin: null`', async () => {
    expect((await post({ referer: 'https://profrost.example.ru/admin/teachers?page=2' })).status).toBe(200);
    expect((await post({ origin: 'null', referer: 'https://profrost.example.ru/admin/roster' })).status).toBe(200);
    expect((await post({ origin: 'null', referer: 'https://evil.example/admin/roster' })).status).toBe(403);
  });

  it('refuses another site, another scheme or port of ours, and a POST that names no page it came from', async () => {
    const forged: Record<string, string>[] = [
      { origin: 'https://evil.example' },
      { origin: 'http://profrost.example.ru' },
      { origin: 'https://profrost.example.ru:8443' },
      { origin: 'https://evil.example', referer: 'https://profrost.example.ru/admin/x' },
      { origin: 'null' },
      {},
    ];
    for (const headers of forged) {
      const response = await post(headers);
      expect(response.status, JSON.stringify(headers)).toBe(403);
      expect(await response.text()).toContain(badOrigin);
    }
  });

  it('leaves reading requests alone', async () => {
    expect((await app.request('http://127.0.0.1:8787/admin/x', { headers: { origin: 'https://evil.example' } })).status).toBe(200);
  });
});

describe('the session token of admin forms', () => {
  const app = new Hono<AdminEnv>()
    .use(async (c, next) => {
      c.set('session', { csrfToken: 'token-of-this-session' } as AdminEnv['Variables']['session']);
      await next();
    })
    .use(csrfToken)
    .all('/admin/x', (c) => c.text('ok'));
  const post = (fields: Record<string, string>) => app.request('/admin/x', { method: 'POST', body: new URLSearchParams(fields) });

  it('lets through a form that carries the session’s token', async () => {
    expect((await post({ _csrf: 'token-of-this-session', name: 'x' })).status).toBe(200);
  });

  it('refuses a form without it, with another, or with one of another length, in Russian', async () => {
    const forged: Record<string, string>[] = [{}, { _csrf: 'token-of-that-session' }, { _csrf: 'token' }, { _csrf: '' }];
    for (const fields of forged) {
      const response = await post(fields);
      expect(response.status, JSON.stringify(fields)).toBe(403);
      expect(await response.text()).toContain(badCsrf);
    }
  });

  it('leaves reading requests alone', async () => {
    expect((await app.request('/admin/x')).status).toBe(200);
  });
});
