import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { type RunningServer, startServer } from '../../server/serve.ts';
import { tempDataDir } from '../helpers/test-server.ts';
import { addAttempt } from '../helpers/reports.ts';
import { type ExtensionBrowser, launchWithExtension, setServerUrl } from './chromium.ts';
import { panelOf } from './panel-frame.ts';

/**
 * Наставничество end to end, in real Chromium with the built extension
 * against the real server: a methodist pairs two teachers on
 * «Наставничество»; the mentor logs a meeting in the panel while the server
 * is down; it arrives once; the mentee sees her mentor; the methodist's page
 * counts the meeting.
 */
describe('a mentoring pair from the methodist to the panel and back', () => {
  const dataDir = tempDataDir();
  let server: RunningServer;
  let port: number;
  let browser: ExtensionBrowser;
  /** The journal's page for each teacher: the e-journal is another system, it stays up while ours is down. */
  const journals = new Map<number, string>();
  const note = 'Разобрали урок в 6 «А»: паузы после вопросов';

  const start = () => startServer({ port, dataDir, publicUrl: 'http://localhost', demo: true, minGroup: 5 });
  const demo = () => server.demo!;
  const meetings = () => (server.db.prepare('SELECT count(*) AS n FROM mentoring_meetings').get() as { n: number }).n;

  beforeAll(async () => {
    port = 0;
    server = await start();
    port = Number(new URL(server.url).port);
    const [mentee, mentor] = [demo().teachers[0]!, demo().teachers.find((t) => t.name.startsWith('Гаврильев'))!];
    // The roster gives Гаврильев the status педагог-наставник; the mentee has a выраженный дефицит, so her ИОМ has a mentoring item.
    server.db.prepare("UPDATE teachers SET category = 'highest:mentor' WHERE id = ?").run(mentor.id);
    addAttempt(server.db, mentee.id, new Date().toISOString(), { methodical: 20 });
    const page = await (await fetch(`${server.url}/demo/journal`)).text();
    journals.set(mentee.id, page);
    journals.set(mentor.id, page.replaceAll(mentee.name, mentor.name).replaceAll(mentee.school, mentor.school));
    browser = await launchWithExtension();
    await setServerUrl(browser, server.url);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  async function openPanel(teacherId: number): Promise<{ page: Page; panel: ReturnType<Page['getByRole']> }> {
    const page = await browser.context.newPage();
    const body = journals.get(teacherId)!;
    await page.route(`http://localhost:${port}/demo/journal`, (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body }));
    await page.goto(`http://localhost:${port}/demo/journal`);
    await page.getByRole('button', { name: 'Профиль педагога' }).click();
    return { page, panel: panelOf(page) };
  }

  async function connect(teacher: { id: number; code: string }) {
    const { page, panel } = await openPanel(teacher.id);
    await panel.getByLabel('Код подключения').fill(teacher.code);
    await panel.getByLabel(/даю согласие на обработку/).check();
    await panel.getByRole('button', { name: 'Подключить профиль' }).click();
    await panel.getByRole('tab', { name: 'Наставничество' }).waitFor();
    await page.close();
  }

  async function methodistPage(): Promise<Page> {
    const page = await browser.context.newPage();
    await page.goto(`${server.url}/admin/mentoring`);
    // The first time she signs in; the session stays for the second.
    if (page.url().includes('/admin/login')) {
      await page.getByLabel('Логин').fill('metodist');
      await page.getByLabel('Пароль').fill(demo().methodist.password);
      await page.getByRole('button', { name: 'Войти' }).click();
      await page.waitForURL(`${server.url}/admin/mentoring`);
    }
    return page;
  }

  it('pairs, logs a meeting offline that arrives once, shows the mentee her mentor and the methodist the meeting', async () => {
    const mentee = demo().teachers[0]!;
    const mentor = demo().teachers.find((t) => t.name.startsWith('Гаврильев'))!;

    // The methodist pairs them from the suggestions.
    const admin = await methodistPage();
    await admin.locator(`li[data-teacher="${mentee.id}"]`).getByRole('link', { name: 'Подобрать наставника' }).click();
    await admin.getByRole('heading', { name: `Кого предложить в наставники: ${mentee.name}` }).waitFor();
    await admin.getByRole('radio', { name: new RegExp(mentor.name) }).check();
    await admin.getByRole('checkbox', { name: 'Методическая' }).check();
    await admin.getByRole('button', { name: 'Назначить наставником' }).click();
    await expect.poll(() => admin.getByRole('status').textContent()).toContain('Наставник назначен.');
    const pair = admin.locator('tr[data-pair]');
    expect(await pair.textContent()).toContain(mentor.name);
    expect(await pair.locator('td.meetings').textContent()).toBe('0');
    await admin.close();

    // The mentor connects, and logs a meeting while the server is down.
    await connect(mentor);
    let { page, panel } = await openPanel(mentor.id);
    await panel.getByRole('tab', { name: 'Наставничество' }).click();
    await panel.getByRole('heading', { name: mentee.name }).waitFor();
    await server.close();
    await panel.getByLabel('Длительность, минут').fill('40');
    await panel.getByLabel('Заметка (видите только вы двое)').fill(note);
    await panel.getByRole('button', { name: 'Записать встречу' }).click();
    await expect.poll(() => panel.locator('[data-meeting][data-state="pending"]').textContent()).toContain('ждёт отправки');
    await expect.poll(() => panel.textContent()).toContain('ждёт отправки (1)');
    await page.close();

    server = await start(); // same data folder, same port
    expect(meetings()).toBe(0);
    ({ page, panel } = await openPanel(mentor.id)); // opening the panel sends what waits
    await expect.poll(() => meetings(), { timeout: 15_000 }).toBe(1);
    await page.close();
    ({ page, panel } = await openPanel(mentor.id));
    await panel.getByRole('tab', { name: 'Наставничество' }).click();
    await expect.poll(() => panel.locator('[data-meeting][data-state="sent"]').count()).toBe(1);
    expect(meetings()).toBe(1);
    await page.close();

    // The mentee sees her mentor, and the note of their meeting.
    await connect(mentee);
    ({ page, panel } = await openPanel(mentee.id));
    await panel.getByRole('tab', { name: 'Наставничество' }).click();
    await panel.getByRole('heading', { name: 'Мой наставник' }).waitFor();
    await expect.poll(() => panel.locator('[data-pair]').textContent()).toContain(mentor.name);
    expect(await panel.locator('[data-pair]').textContent()).toContain(note);
    // Her ИОМ's mentoring item points to the pair.
    await panel.getByRole('tab', { name: 'Маршрут' }).click();
    await expect.poll(() => panel.locator('[data-mentor-pair]').first().textContent()).toContain(`Ваш наставник: ${mentor.name}`);
    await page.close();

    // «Наставничество» counts the meeting, and shows nothing of what was said.
    const again = await methodistPage();
    expect(await again.locator('tr[data-pair] td.meetings').textContent()).toBe('1');
    expect(await again.content()).not.toContain(note);
    await again.close();
  });
});
