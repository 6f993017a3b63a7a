import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { seedDemoResults } from '../../server/features/demo/results.ts';
import type { TestServer } from '../helpers/test-server.ts';
import { type ExtensionBrowser, startServerWithExtension } from './chromium.ts';
import { panelOf } from './panel-frame.ts';

/**
 * A shared school computer, in real Chromium with the built extension and the
 * real server. Teacher A connects in a journal that shows her name (the
 * journal vouches) and works; then, on a journal page where the extension
 * cannot read who is signed in, someone types A's full name: nothing of hers
 * shows until her PIN is given.
 */
describe('a typed name on a shared computer', () => {
  let env: { server: TestServer; browser: ExtensionBrowser; close(): Promise<void> };
  let teacherA: { id: number; name: string; school: string; code: string };
  let journalHtml: string;
  const pin = '4821';

  beforeAll(async () => {
    env = await startServerWithExtension();
    seedDemoResults(env.server.db);
    // The demo's second teacher: she has diagnostic results, so her profile has scores and a route.
    teacherA = env.server.demo!.teachers[1]!;
    const first = env.server.demo!.teachers[0]!;
    journalHtml = (await (await fetch(`${env.server.url}/demo/journal`)).text())
      .replaceAll(first.name, teacherA.name)
      .replaceAll(first.school, teacherA.school);
  });
  afterAll(() => env?.close());

  /** The demo journal as A's journal shows it, or (`readable` false) with the signed-in name missing from the page. */
  async function openPanel(readable: boolean): Promise<{ page: Page; panel: ReturnType<Page['getByRole']> }> {
    const page = await env.browser.context.newPage();
    const body = readable ? journalHtml : journalHtml.replaceAll(teacherA.name, '');
    await page.route(`${env.server.url}/demo/journal`, (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body }));
    await page.goto(`${env.server.url}/demo/journal`);
    await page.getByRole('button', { name: 'Профиль педагога' }).click();
    return { page, panel: panelOf(page) };
  }

  it('teacher A connects where the journal shows her name, chooses a PIN, and signs up for a course', async () => {
    const { page, panel } = await openPanel(true);
    await expect.poll(() => panel.textContent()).toContain(`В журнале вы вошли как: ${teacherA.name}`);
    await panel.getByLabel('Код подключения').fill(teacherA.code);
    await panel.getByLabel('PIN-код профиля').fill(pin);
    await panel.getByLabel(/даю согласие на обработку/).check();
    await panel.getByRole('button', { name: 'Подключить профиль' }).click();
    await panel.getByRole('img', { name: 'Профиль компетенций' }).waitFor();

    await panel.getByRole('tab', { name: 'Курсы ДПО' }).click();
    await panel.getByRole('searchbox', { name: 'Поиск по названию' }).fill('выгорания');
    await panel.getByRole('button', { name: 'Найти' }).click();
    const run = panel.locator('[data-run="burnout-1"]');
    await run.getByRole('button', { name: /Встать в лист ожидания/ }).click();
    await expect
      .poll(() => env.server.db.prepare("SELECT count(*) AS n FROM enrollments WHERE teacher_id = ? AND run_id = 'burnout-1'").get(teacherA.id))
      .toEqual({ n: 1 });
    await page.close();
  });

  it('someone who types her name where the journal shows no one sees none of her data; her PIN opens it', async () => {
    const { page, panel } = await openPanel(false);
    const nameField = panel.getByLabel('Ваши фамилия, имя и отчество');
    await nameField.waitFor();
    expect(await nameField.inputValue()).toBe('');
    await nameField.fill(teacherA.name);
    await panel.getByRole('button', { name: 'Это я — продолжить' }).click();

    const pinField = panel.getByLabel('PIN-код профиля');
    await pinField.waitFor();
    const hidden = async () => {
      const text = (await panel.textContent()) ?? '';
      // Her name appears only in the field the stranger typed it into; no text of the panel says it, nor her school.
      expect(text).not.toContain(teacherA.name);
      expect(text).not.toContain(teacherA.school);
      expect(await panel.getByRole('tablist').count()).toBe(0);
      expect(await panel.getByRole('img', { name: 'Профиль компетенций' }).count()).toBe(0);
      expect(text).not.toMatch(/дефицит|Маршрут|лист ожидания|выгорани/i);
      expect(await panel.getByRole('button', { name: 'Удалить мои данные на сервере' }).count()).toBe(0);
      expect(await panel.locator('[data-enrollment], [data-competency], [data-run]').count()).toBe(0);
    };
    await hidden();

    await pinField.fill('0000');
    await panel.getByRole('button', { name: 'Открыть профиль' }).click();
    await expect.poll(() => panel.getByRole('alert').textContent()).toContain('PIN-код не подошёл');
    await hidden();

    await pinField.fill(pin);
    await panel.getByRole('button', { name: 'Открыть профиль' }).click();
    await panel.getByRole('img', { name: 'Профиль компетенций' }).waitFor();
    expect(await panel.textContent()).toContain(teacherA.name);
    await panel.getByRole('tab', { name: 'Курсы ДПО' }).click();
    await expect.poll(() => panel.locator('[data-enrollment]').first().textContent()).toContain('лист');
    await panel.getByRole('tab', { name: 'Настройки' }).click();
    await panel.getByRole('button', { name: 'Удалить мои данные на сервере' }).waitFor();
    await page.close();

    // Closing the panel locks it again: the next one asks again.
    const again = await openPanel(false);
    await again.panel.getByLabel('Ваши фамилия, имя и отчество').fill(teacherA.name);
    await again.panel.getByRole('button', { name: 'Это я — продолжить' }).click();
    await again.panel.getByLabel('PIN-код профиля').waitFor();
    expect(await again.panel.getByRole('tablist').count()).toBe(0);
    await again.page.close();
  });
});
