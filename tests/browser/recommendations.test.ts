import fs from 'node:fs';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { type RunningServer, startServer } from '../../server/serve.ts';
import { attemptStore } from '../../server/features/diagnostics/attempt-store.ts';
import { framework } from '../../shared/content/shipped-framework.ts';
import { instrumentById } from '../../shared/content/index.ts';
import { scoreAttempt } from '../../shared/scoring/score-attempt.ts';
import { tempDataDir } from '../helpers/test-server.ts';
import { type ExtensionBrowser, launchWithExtension, setServerUrl } from './chromium.ts';
import { panelOf } from './panel-frame.ts';

const school = 'МБОУ «Средняя общеобразовательная школа № 1» г. Белоозёрска';
const programTitle = 'Формирование функциональной грамотности обучающихся: читательская, математическая, естественнонаучная';

/**
 * The management cycle's first turn in real Chromium: a methodist marks a
 * school ШНОР, filters «Педагоги» by subject and that mark, sends the group a
 * recommendation with a programme; the teacher of the group reads it in the
 * panel of the built extension and adds it to her ИОМ.
 */
describe('an addressed recommendation, from the methodist to the teacher’s route', () => {
  const dataDir = tempDataDir();
  let server: RunningServer;
  let browser: ExtensionBrowser;
  let teacherId: number;

  beforeAll(async () => {
    server = await startServer({ port: 0, dataDir, publicUrl: 'http://localhost', demo: true, minGroup: 5 });
    teacherId = server.demo!.teachers[0]!.id;
    browser = await launchWithExtension();
    await setServerUrl(browser, server.url);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  /** A self-assessment as if taken on another device, so that the ИОМ is shown. */
  function selfAssessment() {
    const instrument = instrumentById('selfAssessment')!;
    const answers = Object.fromEntries(instrument.items.map((item) => [item.id, item.kind === 'likert' && item.reverse ? 5 : 1]));
    const at = new Date().toISOString();
    attemptStore(server.db).saveNow({
      id: randomUUID(),
      teacherId,
      instrumentId: instrument.id,
      instrumentVersion: instrument.version,
      completedAt: at,
      receivedAt: at,
      answers,
      result: scoreAttempt(instrument, { instrumentId: instrument.id, instrumentVersion: instrument.version, answers }, framework),
    });
  }

  async function methodistPage(): Promise<Page> {
    const page = await browser.context.newPage();
    await page.goto(`${server.url}/admin/login`);
    await page.getByLabel('Логин').fill('metodist');
    await page.getByLabel('Пароль').fill(server.demo!.methodist.password);
    await page.getByRole('button', { name: 'Войти' }).click();
    await page.waitForURL(`${server.url}/admin/overview`);
    return page;
  }

  it('filters Педагоги by subject and school mark, sends a recommendation with a programme, and the teacher adds it to her route', async () => {
    const admin = await methodistPage();
    // The school is marked ШНОР on its page.
    await admin.getByRole('navigation', { name: 'Разделы' }).getByRole('link', { name: 'Школы', exact: true }).click();
    await admin.getByRole('link', { name: school }).click();
    await admin.getByLabel('ШНОР (низкие образовательные результаты)').check();
    await admin.getByRole('button', { name: 'Сохранить отметки' }).click();
    await admin.getByText('Отметки школы сохранены.').waitFor();

    // «Педагоги» by subject and mark: the Russian teacher of that school, not the mathematician beside her.
    await admin.getByRole('navigation', { name: 'Разделы' }).getByRole('link', { name: 'Педагоги', exact: true }).click();
    await admin.getByLabel('Предмет').selectOption({ label: 'Русский язык' });
    await admin.getByLabel('Школа с отметкой').selectOption({ label: 'ШНОР (низкие образовательные результаты)' });
    await admin.getByRole('button', { name: 'Показать', exact: true }).click();
    await expect.poll(() => admin.locator('table.teachers').textContent()).toContain('Соколова Анна Викторовна');
    expect(await admin.locator('table.teachers').textContent()).not.toContain('Бирюков');

    // The same group gets a recommendation with a programme.
    await admin.getByRole('navigation', { name: 'Разделы' }).getByRole('link', { name: 'Рекомендации', exact: true }).click();
    await admin.getByRole('link', { name: 'Написать рекомендацию' }).click();
    await admin.getByLabel('Предмет').selectOption({ label: 'Русский язык' });
    await admin.getByLabel('Школа с отметкой').selectOption({ label: 'ШНОР (низкие образовательные результаты)' });
    await admin.getByRole('button', { name: 'Показать группу' }).click();
    await admin.getByText('В группе 1 педагог.').waitFor();
    await admin.getByLabel('Заголовок').fill('Функциональная грамотность на уроках русского языка');
    await admin.getByLabel('Текст рекомендации').fill('По итогам диагностики рекомендую пройти программу до конца полугодия.');
    await admin.getByLabel(programTitle).check();
    await admin.getByRole('button', { name: 'Отправить группе' }).click();
    await admin.getByText('Рекомендация отправлена группе: 1 педагог. Педагоги увидят её в панели «Профиль педагога».').waitFor();
    expect(await admin.locator('[data-reach="group"]').textContent()).toBe('1');

    // The teacher: connect, open «Рекомендации», add it to the route.
    selfAssessment();
    const page = await browser.context.newPage();
    await page.goto(`${server.url}/demo/journal`);
    await page.getByRole('button', { name: 'Профиль педагога' }).click();
    const panel = panelOf(page);
    await panel.getByLabel('Код подключения').fill(server.demo!.teachers[0]!.code);
    await panel.getByLabel(/даю согласие на обработку/).check();
    await panel.getByRole('button', { name: 'Подключить профиль' }).click();
    await panel.getByRole('tab', { name: 'Рекомендации' }).click();
    await expect.poll(() => panel.textContent(), { timeout: 10_000 }).toContain('Функциональная грамотность на уроках русского языка');
    expect(await panel.textContent()).toContain(programTitle);
    await expect
      .poll(() => server.db.prepare('SELECT seen_at IS NOT NULL AS seen FROM recommendation_teachers WHERE teacher_id = ?').get(teacherId), { timeout: 10_000 })
      .toEqual({ seen: 1 });
    await panel.getByRole('button', { name: 'Добавить в мой маршрут' }).click();
    await expect.poll(() => panel.textContent(), { timeout: 10_000 }).toContain('Добавлено в маршрут');
    await expect
      .poll(() => server.db.prepare("SELECT status, program_id AS programId FROM route_items WHERE teacher_id = ? AND id LIKE 'rec.%'").all(teacherId))
      .toEqual([{ status: 'accepted', programId: 'functional-literacy' }]);
    // The route shows it, with the sign-up one step away.
    await panel.getByRole('button', { name: 'Открыть маршрут' }).click();
    await expect
      .poll(() => panel.textContent(), { timeout: 10_000 })
      .toContain('Рекомендация методиста «Функциональная грамотность на уроках русского языка».');

    // The methodist sees the reach.
    await admin.reload();
    expect(await admin.locator('[data-reach="seen"]').textContent()).toBe('1');
    expect(await admin.locator('[data-reach="accepted"]').textContent()).toBe('1');
  });
});
