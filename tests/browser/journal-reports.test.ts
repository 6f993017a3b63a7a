import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportFixture, reportFixtureSecrets } from '../../extension/testing/report-fixture.ts';
import type { TestServer } from '../helpers/test-server.ts';
import { type ExtensionBrowser, startServerWithExtension } from './chromium.ts';
import { panelOf } from './panel-frame.ts';

/**
 * «Сообщить о странице», in real Chromium with the built extension and the real
 * server: a teacher on a journal page whose name the extension cannot read
 * (the fixture full of names, tokens and input values, its scripts running, as
 * the demo journal so that the extension treats it as a journal page) sends
 * its skeleton with her consent; it reaches the database and «Журналы» with no
 * text, value or token of the page in it.
 */
describe('a page reported from the field', () => {
  let env: { server: TestServer; browser: ExtensionBrowser; close(): Promise<void> };
  const fixture = fs.readFileSync(path.resolve(import.meta.dirname, '../extension/fixtures', reportFixture), 'utf8');
  // The demo adapter's signed-in marker, empty: the name cannot be read, as on a journal whose markup changed.
  const page = fixture.replace('<header class="top-bar">', '<header class="top-bar"><span class="ej-user__name"></span>');

  beforeAll(async () => {
    env = await startServerWithExtension();
  });
  afterAll(() => env?.close());

  it('reaches the database and «Журналы» with none of the page’s names, values or tokens', async () => {
    const { server, browser } = env;
    const teacher = server.demo!.teachers[0]!;
    const journal = await browser.context.newPage();
    await journal.route(`${server.url}/demo/journal`, (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: page }));
    await journal.goto(`${server.url}/demo/journal`);
    await journal.getByRole('button', { name: 'Профиль педагога' }).click();
    const panel = panelOf(journal);
    await panel.getByLabel('Ваши фамилия, имя и отчество').fill(teacher.name);
    await panel.getByRole('button', { name: 'Это я — продолжить' }).click();
    await panel.getByLabel('Код подключения').fill(teacher.code);
    await panel.getByLabel('PIN-код профиля').fill('4821');
    await panel.getByLabel(/даю согласие на обработку/).check();
    await panel.getByRole('button', { name: 'Подключить профиль' }).click();
    await panel.getByRole('tablist').waitFor();

    await panel.getByText('Сообщить о странице').first().click();
    // Nothing leaves without the teacher's consent.
    await panel.getByRole('button', { name: 'Сообщить о странице' }).click();
    await expect.poll(() => panel.getByRole('alert').textContent()).toContain('без него ничего не отправляется');
    await panel.getByLabel('Согласен(на) отправить скелет этой страницы').check();
    await panel.getByRole('button', { name: 'Сообщить о странице' }).click();
    await expect.poll(() => panel.locator('[data-report="sent"]').textContent()).toContain('Спасибо');

    const rows = () => server.db.prepare('SELECT * FROM journal_reports').all() as Record<string, string>[];
    await expect.poll(() => rows().length, { timeout: 15_000 }).toBe(1);
    const [row] = rows();
    expect(row).toMatchObject({ journal: 'demo', host: 'localhost', reason: 'noName' });
    const skeleton = JSON.parse(row!.skeleton_json!);
    // The page's own global, seen in its world: its key names, never a value, never the token's key.
    expect(skeleton.globals).toEqual([{ name: 'appContext', keys: expect.arrayContaining(['user.name', 'organizationName', 'roles[]']) }]);
    expect(skeleton.globals[0].keys).not.toContain('at');
    const stored = JSON.stringify(row);
    for (const secret of reportFixtureSecrets) expect(stored, secret).not.toContain(secret);
    expect(stored).not.toContain(teacher.name);
    await journal.close();

    const admin = await browser.context.newPage();
    await admin.goto(`${server.url}/admin/login`);
    await admin.getByLabel('Логин').fill('admin');
    await admin.getByLabel('Пароль').fill(server.demo!.admin.password);
    await admin.getByRole('button', { name: 'Войти' }).click();
    await admin.waitForURL(/\/admin\//);
    await admin.goto(`${server.url}/admin/journals`);
    const list = await admin.content();
    expect(list).toContain('/demo/journal');
    await admin.locator(`a[href="/admin/journals/reports/${row!.id}"]`).click();
    await admin.waitForURL(`${server.url}/admin/journals/reports/${row!.id}`);
    const detail = await admin.content();
    expect(detail).toContain('span.user-name (13)');
    for (const html of [list, detail]) for (const secret of reportFixtureSecrets) expect(html, secret).not.toContain(secret);
    await admin.close();
  });
});
