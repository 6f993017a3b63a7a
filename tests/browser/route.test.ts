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

/**
 * The ИОМ in real Chromium with the built extension, against the real server:
 * after a weak self-assessment the route names real programmes; the teacher
 * signs up from the route in one step, and prints the ИОМ from its own page.
 */
describe('the ИОМ in the panel', () => {
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

  async function openPanel(): Promise<{ page: Page; panel: ReturnType<Page['getByRole']> }> {
    const page = await browser.context.newPage();
    await page.goto(`${server.url}/demo/journal`);
    await page.getByRole('button', { name: 'Профиль педагога' }).click();
    return { page, panel: panelOf(page) };
  }

  /** A weak self-assessment, as if taken on another device: the server scores and stores it. */
  function weakSelfAssessment() {
    const instrument = instrumentById('selfAssessment')!;
    const answers = Object.fromEntries(instrument.items.map((item) => [item.id, item.kind === 'likert' && item.reverse ? 5 : 1]));
    const submission = { instrumentId: instrument.id, instrumentVersion: instrument.version, answers };
    const at = new Date().toISOString();
    attemptStore(server.db).saveNow({
      id: randomUUID(),
      teacherId,
      instrumentId: instrument.id,
      instrumentVersion: instrument.version,
      completedAt: at,
      receivedAt: at,
      answers,
      result: scoreAttempt(instrument, submission, framework),
    });
  }

  it('asks for a diagnostic first, then signs up for a programme from the route', async () => {
    const { page, panel } = await openPanel();
    await panel.getByLabel('Код подключения').fill(server.demo!.teachers[0]!.code);
    await panel.getByLabel(/даю согласие на обработку/).check();
    await panel.getByRole('button', { name: 'Подключить профиль' }).click();
    await panel.getByRole('tab', { name: 'Маршрут' }).click();
    await expect.poll(() => panel.textContent()).toContain('Пройдите первую диагностику');
    await page.close();

    weakSelfAssessment();
    const again = await openPanel();
    await again.panel.getByRole('tab', { name: 'Маршрут' }).click();
    const signUp = again.panel.getByRole('button', { name: /^Записаться: / }).first();
    await signUp.waitFor();
    const title = (await signUp.getAttribute('aria-label'))!.replace(/^Записаться: /, '').replace(/ \(.*$/, '');
    await signUp.click();
    await expect
      .poll(() => server.db.prepare("SELECT count(*) AS n FROM enrollments WHERE teacher_id = ? AND status = 'confirmed'").get(teacherId))
      .toEqual({ n: 1 });
    // The item is accepted with the sign-up, and says so once the server has both.
    const item = again.panel.locator('li', { has: again.page.getByText(title, { exact: true }) }).first();
    await expect.poll(() => item.textContent(), { timeout: 10_000 }).toContain('вы записаны, место подтверждено');
    await expect
      .poll(() => server.db.prepare("SELECT count(*) AS n FROM route_items WHERE teacher_id = ? AND status = 'accepted' AND kind = 'course'").get(teacherId))
      .toEqual({ n: 1 });

    // The printable ИОМ opens in a tab of its own and prints to PDF.
    const [printable] = await Promise.all([browser.context.waitForEvent('page'), again.panel.getByRole('button', { name: 'Версия для печати' }).click()]);
    await printable.getByRole('heading', { name: 'Индивидуальный образовательный маршрут педагога' }).waitFor();
    const text = await printable.textContent('body');
    expect(text).toContain(server.demo!.teachers[0]!.name);
    expect(text).toContain(title);
    expect(text).toContain('принято');
    expect(text).toContain('учебный год');
    expect(text).toContain('не отправлен на согласование');
    await printable.emulateMedia({ media: 'print' });
    expect(await printable.getByRole('button', { name: 'Печать или сохранить в PDF' }).isVisible()).toBe(false);
    const pdf = await printable.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(5_000);
  });
});
