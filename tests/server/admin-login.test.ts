import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.ts';
import { loadConfig } from '../../server/platform/config.ts';
import { hashSecret } from '../../server/platform/auth/secrets.ts';
import { csrfFrom, postLogin, signIn, testOrigin } from '../helpers/admin-client.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';

describe('staff sign-in on the admin pages', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await createTestApp();
  });
  afterEach(() => t.dispose());

  const audit = (action: string) => t.db.prepare('SELECT actor FROM audit_log WHERE action = ? ORDER BY id').all(action) as { actor: string }[];

  it('sends a visitor without a session to the sign-in form, in Russian', async () => {
    const response = await t.app.request('/admin/teachers?q=Соколова');
    expect(response.status).toBe(303);
    const location = new URL(response.headers.get('location')!, 'http://localhost');
    expect(location.pathname).toBe('/admin/login');
    expect(decodeURIComponent(location.searchParams.get('next')!)).toBe('/admin/teachers?q=Соколова');
    const form = await (await t.app.request('/admin/login')).text();
    expect(form).toContain('Вход для методистов');
    expect(form).toContain('name="password"');
  });

  it('signs in with the right password: an httpOnly SameSite cookie whose id is stored only as a hash', async () => {
    const response = await postLogin(t.app, 'metodist', t.demo.methodist.password);
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/admin/overview');
    const cookie = response.headers.getSetCookie().find((c) => c.startsWith('profrost_admin='))!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).toMatch(/Path=\/admin/);
    const id = /^profrost_admin=([^;]+)/.exec(cookie)![1]!;
    const stored = t.db.prepare('SELECT id_hash AS idHash FROM staff_sessions').all() as { idHash: string }[];
    expect(stored).toEqual([{ idHash: hashSecret(id) }]);

    const page = await t.app.request('/admin/teachers', { headers: { cookie: `profrost_admin=${id}` } });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('metodist (методист)');
    expect(audit('staff.login')).toEqual([{ actor: 'staff:metodist' }]);
    // The sign-in page sends someone already signed in on.
    const again = await t.app.request('/admin/login', { headers: { cookie: `profrost_admin=${id}` } });
    expect(again.status).toBe(303);
    expect(again.headers.get('location')).toBe('/admin/overview');
  });

  it('returns to the page asked for, but never to another site', async () => {
    const back = await postLogin(t.app, 'admin', t.demo.admin.password, { next: '/admin/programs?q=цифровая' });
    expect(decodeURI(back.headers.get('location')!)).toBe('/admin/programs?q=цифровая');
    const away = await postLogin(t.app, 'admin', t.demo.admin.password, { next: '//evil.example/admin/x' });
    expect(away.headers.get('location')).toBe('/admin/overview');
  });

  it('refuses a wrong password and an unknown login with the same sentence and no session', async () => {
    for (const [login, password] of [
      ['metodist', 'не-тот-пароль'],
      ['nobody', 'не-тот-пароль'],
    ] as const) {
      const response = await postLogin(t.app, login, password);
      expect(response.status).toBe(401);
      expect(response.headers.getSetCookie()).toEqual([]);
      expect(await response.text()).toContain('Неверный логин или пароль.');
    }
    expect(t.db.prepare('SELECT count(*) AS n FROM staff_sessions').get()).toEqual({ n: 0 });
    expect(audit('staff.login_failed')).toEqual([{ actor: 'staff:metodist' }]);
  });

  it('locks an account after five wrong passwords in a row, even against the right one', async () => {
    for (let i = 0; i < 5; i++) expect((await postLogin(t.app, 'metodist', `неверный-${i}`)).status).toBe(401);
    const locked = await postLogin(t.app, 'metodist', t.demo.methodist.password);
    expect(locked.status).toBe(423);
    expect(await locked.text()).toMatch(/учётная запись заблокирована на 15 мин/);
    // Another account is not affected.
    expect((await postLogin(t.app, 'admin', t.demo.admin.password)).status).toBe(303);
  });

  it('limits sign-in attempts per address with a Russian page and Retry-After', async () => {
    const app = createApp({ db: t.db, config: { ...loadConfig({}), dataDir: t.dataDir }, loginRateLimit: { limit: 3, windowMs: 60_000 } });
    for (let i = 0; i < 3; i++) expect((await postLogin(app, 'admin', 'неверный')).status).toBe(401);
    const limited = await postLogin(app, 'admin', t.demo.admin.password);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(await limited.text()).toMatch(/Слишком много попыток входа с этого адреса\. Повторите через \d+ с\./);
  });

  it('behind an HTTPS proxy: the cookie is Secure and forms from the public address pass', async () => {
    const app = createApp({ db: t.db, config: { ...loadConfig({}), dataDir: t.dataDir, publicUrl: 'https://profrost.example' } });
    const response = await app.request('/admin/login', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'https://profrost.example' },
      body: new URLSearchParams({ login: 'admin', password: t.demo.admin.password }).toString(),
    });
    expect(response.status).toBe(303);
    expect(response.headers.getSetCookie().find((c) => c.startsWith('profrost_admin='))).toMatch(/; Secure/);
  });

  it('logs out: the session is deleted on the server and its cookie no longer opens pages', async () => {
    const admin = await signIn(t.app, 'admin', t.demo.admin.password);
    const out = await admin.post('/admin/logout');
    expect(out.status).toBe(303);
    expect(out.headers.get('location')).toBe('/admin/login?out=1');
    expect(t.db.prepare('SELECT count(*) AS n FROM staff_sessions').get()).toEqual({ n: 0 });
    expect((await admin.get('/admin/teachers')).status).toBe(303);
    expect(audit('staff.logout')).toEqual([{ actor: 'staff:admin' }]);
  });

  it('refuses a POST without the session CSRF token, or from another origin', async () => {
    const admin = await signIn(t.app, 'admin', t.demo.admin.password);
    const teacherId = t.demo.teachers[0]!.id;
    const codes = () => t.db.prepare('SELECT count(*) AS n FROM connection_codes').get();
    const before = codes();

    const noToken = await admin.post(`/admin/roster/teachers/${teacherId}/code`, { _csrf: '' });
    expect(noToken.status).toBe(403);
    expect(await noToken.text()).toContain('Форма устарела');
    const wrongToken = await admin.post(`/admin/roster/teachers/${teacherId}/code`, { _csrf: 'x'.repeat(43) });
    expect(wrongToken.status).toBe(403);

    const crossSite = await t.app.request(`/admin/roster/teachers/${teacherId}/code`, {
      method: 'POST',
      headers: { cookie: admin.cookie, origin: 'https://evil.example', 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ _csrf: admin.csrf }).toString(),
    });
    expect(crossSite.status).toBe(403);
    expect(await crossSite.text()).toContain('Запрос пришёл не со страницы ПрофРоста');
    const noOrigin = await t.app.request('/admin/login', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ login: 'admin', password: t.demo.admin.password }).toString(),
    });
    expect(noOrigin.status).toBe(403);
    expect(codes()).toEqual(before);

    // The same request with the token and our origin goes through.
    expect((await admin.post(`/admin/roster/teachers/${teacherId}/code`)).status).toBe(303);
  });

  it('gives every form of a session the same token, and a new session a new one', async () => {
    const first = await signIn(t.app, 'admin', t.demo.admin.password);
    const second = await signIn(t.app, 'admin', t.demo.admin.password);
    expect(csrfFrom(await (await first.get('/admin/roster')).text())).toBe(first.csrf);
    expect(second.csrf).not.toBe(first.csrf);
    expect(testOrigin).toBe('http://localhost');
  });

  it('sends a policy that allows no inline script, and no caching of pages with personal data', async () => {
    const admin = await signIn(t.app, 'admin', t.demo.admin.password);
    const page = await admin.get('/admin/teachers');
    const policy = page.headers.get('content-security-policy')!;
    expect(policy).toContain("script-src 'self'");
    expect(policy).not.toContain('unsafe-inline');
    expect(page.headers.get('cache-control')).toBe('no-store');
    const html = await page.text();
    expect(html).not.toMatch(/<script>(?!<\/script>)/);
    expect(html).not.toContain('style="');
  });
});
