import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn } from '../helpers/admin-client.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';

describe('the frame of every admin page', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.dispose());

  it('answers /favicon.ico instead of a 404 on every page view', async () => {
    const icon = await t.app.request('/favicon.ico');
    expect(icon.status).toBe(200);
    expect(icon.headers.get('content-type')).toBe('image/svg+xml');
    expect(await icon.text()).toContain('<svg');
  });

  it('starts with a link past the navigation, and puts every table in a box that scrolls on its own', async () => {
    const admin = await signIn(t.app, 'admin', t.demo.admin.password);
    const html = await (await admin.get('/admin/teachers')).text();
    expect(html).toMatch(/<body><a class="skip-link" href="#content">Перейти к содержанию<\/a>/);
    expect(html).toContain('<main id="content" tabindex="-1">');
    const tables = html.match(/<table/g)?.length ?? 0;
    expect(tables).toBeGreaterThan(0);
    expect(html.match(/<div class="table-scroll" tabindex="0" role="region" aria-label="[^"]+"><table/g)?.length).toBe(tables);
  });
});
