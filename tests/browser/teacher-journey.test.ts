import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { type RunningServer, startServer } from '../../server/serve.ts';
import { instrumentById } from '../../shared/content/index.ts';
import { tempDataDir } from '../helpers/test-server.ts';
import { type ExtensionBrowser, launchWithExtension, setServerUrl } from './chromium.ts';
import { panelOf } from './panel-frame.ts';

/**
 * One teacher's way through the panel, in real Chromium with the built
 * extension, against the real server and its demo journal: connecting, a full
 * self-diagnostic by keyboard, the profile, a sign-up that lands on the
 * waitlist, and a diagnostic finished while the server was down that arrives
 * exactly once when it is back.
 */
describe('a teacher in the demo journal', () => {
  const dataDir = tempDataDir();
  let server: RunningServer;
  let port: number;
  let browser: ExtensionBrowser;
  let code: string;
  let teacherId: number;
  /** The journal page as the server serves it; kept to stand in for the journal while our server is down. */
  let journalHtml: string;

  const start = () => startServer({ port, dataDir, publicUrl: 'http://localhost', demo: true, minGroup: 5 });
  const attempts = (instrumentId: string) =>
    (server.db.prepare('SELECT count(*) AS n FROM attempts WHERE teacher_id = ? AND instrument_id = ?').get(teacherId, instrumentId) as { n: number }).n;

  beforeAll(async () => {
    port = 0;
    server = await start();
    port = Number(new URL(server.url).port);
    code = server.demo!.teachers[0]!.code;
    teacherId = server.demo!.teachers[0]!.id;
    journalHtml = await (await fetch(`${server.url}/demo/journal`)).text();
    browser = await launchWithExtension();
    await setServerUrl(browser, server.url);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  async function openPanel(): Promise<{ page: Page; panel: ReturnType<Page['getByRole']> }> {
    const page = await browser.context.newPage();
    // The e-journal is another system than ours: it stays up when the ПрофРост server is down.
    await page.route(`http://localhost:${port}/demo/journal`, (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: journalHtml }));
    await page.goto(`http://localhost:${port}/demo/journal`);
    await page.getByRole('button', { name: 'Профиль педагога' }).click();
    return { page, panel: panelOf(page) };
  }

  it('connects with a demo code after accepting the consent', async () => {
    const { page, panel } = await openPanel();
    await expect.poll(() => panel.textContent()).toContain('В журнале вы вошли как: Соколова Анна Викторовна');
    await panel.getByLabel('Код подключения').fill(code);
    await panel.getByRole('button', { name: 'Подключить профиль' }).click();
    // Without the consent nothing is sent.
    await expect.poll(() => panel.getByRole('alert').textContent()).toContain('согласие на обработку персональных данных');
    expect((server.db.prepare('SELECT count(*) AS n FROM devices WHERE teacher_id = ?').get(teacherId) as { n: number }).n).toBe(0);

    await panel.getByLabel(/даю согласие на обработку/).check();
    await panel.getByRole('button', { name: 'Подключить профиль' }).click();
    await panel.getByRole('tab', { name: 'Мой профиль' }).waitFor();
    expect(await panel.getByRole('tab', { name: 'Мой профиль' }).getAttribute('aria-selected')).toBe('true');
    await expect.poll(() => panel.textContent()).toContain('Пока нет результатов диагностики');
    expect((server.db.prepare('SELECT count(*) AS n FROM devices WHERE teacher_id = ?').get(teacherId) as { n: number }).n).toBe(1);
    // The device token stays in the worker's storage: the page never sees it.
    expect(await page.content()).not.toMatch(/Bearer|token/i);
    await page.close();
  });

  it('takes the whole self-diagnostic by keyboard, submits it, and the profile shows the result', async () => {
    const { page, panel } = await openPanel();
    await panel.getByRole('tab', { name: 'Мой профиль' }).focus();
    await page.keyboard.press('ArrowRight');
    expect(await panel.getByRole('tab', { name: 'Диагностика' }).getAttribute('aria-selected')).toBe('true');
    await panel.getByRole('button', { name: 'Начать: Самодиагностика профессиональных дефицитов' }).click();
    await expect.poll(() => panel.textContent()).toContain('вопрос 1 из 54');

    const items = instrumentById('selfAssessment')!.items;
    expect(items).toHaveLength(54);
    for (const [i, item] of items.entries()) {
      // Weak on the first ten questions (the subject ones), strong on the rest; reverse-keyed items the other way round.
      const strong = i >= 10;
      const reverse = item.kind === 'likert' && item.reverse;
      await page.keyboard.press(strong !== reverse ? '5' : '2');
      if (i === 11) expect(await panel.textContent()).toContain('вопрос 12 из 54');
      await page.keyboard.press('Enter');
    }
    await panel.getByRole('heading', { name: /Предварительный результат/ }).waitFor();
    await expect.poll(() => panel.locator('[data-preview] li').count()).toBe(5);
    await panel.getByRole('button', { name: 'Отправить результат' }).click();
    await expect.poll(() => attempts('selfAssessment')).toBe(1);
    await expect.poll(() => panel.locator('[data-pending]').count()).toBe(0);

    await panel.getByRole('tab', { name: 'Мой профиль' }).click();
    const chart = panel.getByRole('img', { name: 'Профиль компетенций' });
    await chart.waitFor();
    // Low answers on subject questions, high on the rest: a subject deficit and none in digital.
    expect(await chart.locator('[data-competency="subject"]').getAttribute('data-level')).toMatch(/^(high|moderate)Deficit$/);
    expect(await chart.locator('[data-competency="digital"]').getAttribute('data-level')).toBe('noDeficit');
    expect(await panel.locator('.competencies [data-competency="subject"]').textContent()).toMatch(/Предметная: .*(выраженный|умеренный) дефицит/);
    // Each deficit is listed once.
    expect(await panel.locator('li', { hasText: /Предметная.*дефицит/ }).count()).toBe(1);
    await page.close();
  });

  it('signs up for a full run and sees the place in the waitlist', async () => {
    const { page, panel } = await openPanel();
    await panel.getByRole('tab', { name: 'Курсы ДПО' }).click();
    await panel.getByRole('searchbox', { name: 'Поиск по названию' }).fill('выгорания');
    await panel.getByRole('button', { name: 'Найти' }).click();
    const run = panel.locator('[data-run="burnout-1"]');
    await expect.poll(() => run.textContent()).toContain('мест нет, в листе ожидания: 1');
    await run.getByRole('button', { name: /Встать в лист ожидания/ }).click();
    await expect.poll(() => run.textContent(), { timeout: 10_000 }).toContain('в листе ожидания, ваше место в листе ожидания: 2');
    await expect.poll(() => panel.locator('[data-enrollment] .run__status').first().textContent()).toContain('ваше место в листе ожидания: 2');
    const stored = server.db.prepare("SELECT status FROM enrollments e WHERE teacher_id = ? AND run_id = 'burnout-1'").all(teacherId);
    expect(stored).toEqual([{ status: 'waitlisted' }]);
    await page.close();
  });

  it('keeps a diagnostic through a server outage and a closed tab, and delivers it exactly once', async () => {
    let { page, panel } = await openPanel();
    await panel.getByRole('tab', { name: 'Диагностика' }).click();
    await panel.getByRole('button', { name: 'Начать: Профессиональное выгорание: скрининг' }).click();
    await expect.poll(() => panel.textContent()).toContain('вопрос 1 из');
    const total = Number((await panel.textContent())!.match(/вопрос 1 из (\d+)/)![1]);
    for (let i = 0; i < 5; i++) {
      await page.keyboard.press('4');
      await page.keyboard.press('Enter');
    }
    await expect.poll(() => panel.textContent()).toContain(`вопрос 6 из ${total}`);

    await server.close(); // the server goes down mid-diagnostic
    for (let i = 0; i < 3; i++) {
      await page.keyboard.press('3');
      await page.keyboard.press('Enter');
    }
    await expect.poll(() => panel.textContent()).toContain(`вопрос 9 из ${total}`);
    await page.close();

    ({ page, panel } = await openPanel());
    await panel.getByRole('tab', { name: 'Диагностика' }).click();
    // The list comes from the device's cache, with a note; the sitting resumes where it stopped.
    await expect.poll(() => panel.textContent()).toContain('показаны данные, сохранённые на устройстве');
    await panel.getByRole('button', { name: 'Продолжить: Профессиональное выгорание: скрининг' }).click();
    await expect.poll(() => panel.textContent()).toContain(`вопрос 9 из ${total}`);
    for (let i = 8; i < total; i++) {
      await page.keyboard.press('2');
      await page.keyboard.press('Enter');
    }
    await panel.getByRole('heading', { name: /Предварительный результат/ }).waitFor();
    await expect.poll(() => panel.locator('[data-preview] [data-area="wellbeing"]').textContent()).toMatch(/из 100/);
    await panel.getByRole('button', { name: 'Отправить результат' }).click();
    await expect.poll(() => panel.textContent()).toContain('Сохранено на устройстве, ждёт отправки (1)');
    await page.close();

    server = await start(); // same data folder, same port
    expect(attempts('burnoutScreening')).toBe(0);
    ({ page, panel } = await openPanel()); // opening the panel sends what waits
    await expect.poll(() => attempts('burnoutScreening'), { timeout: 15_000 }).toBe(1);
    await expect.poll(() => panel.locator('[data-pending]').count()).toBe(0);
    // Sending again (the teacher's button, the alarm) cannot store it twice.
    await page.close();
    ({ page, panel } = await openPanel());
    await panel.getByRole('tab', { name: 'Диагностика' }).click();
    await expect.poll(() => panel.locator('[data-instrument="burnoutScreening"] [data-status]').textContent()).toMatch(/пройдена \d/);
    expect(attempts('burnoutScreening')).toBe(1);
    const answers = JSON.parse(
      (server.db.prepare("SELECT answers_json AS a FROM attempts WHERE instrument_id = 'burnoutScreening' AND teacher_id = ?").get(teacherId) as { a: string })
        .a,
    );
    expect(Object.keys(answers)).toHaveLength(total);
    // The screening's result is the teacher's own: shown in their profile.
    await panel.getByRole('tab', { name: 'Мой профиль' }).click();
    await expect.poll(() => panel.locator('[data-wellbeing]').textContent()).toContain('Профилактика выгорания:');
    await page.close();
  });
});
