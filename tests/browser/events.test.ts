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
import { addEvent } from '../helpers/events.ts';
import { type ExtensionBrowser, launchWithExtension, setServerUrl } from './chromium.ts';
import { panelOf } from './panel-frame.ts';

/**
 * An МО meeting in real Chromium with the built extension, against the real
 * server: the teacher signs up for it from her ИОМ while the server is down;
 * the sign-up waits on the device and arrives once; the methodist marks her
 * present on «Мероприятия», and the route item is done; «Показатели» counts
 * her among her municipality's teachers at an МО meeting.
 */
describe('an МО meeting from the route', () => {
  const dataDir = tempDataDir();
  let server: RunningServer;
  let port: number;
  let browser: ExtensionBrowser;
  let teacherId: number;
  /** The demo's logins are printed on the first start only: kept for after the restart. */
  let methodistPassword: string;
  let methodistMunicipality: string;
  let teacherName: string;
  let journalHtml: string;

  // K = 1: «Показатели» shows the one teacher marked present (a real server would hide a count of 1).
  const start = () => startServer({ port, dataDir, publicUrl: 'http://localhost', demo: true, minGroup: 1 });
  const signUps = () => server.db.prepare("SELECT id, status FROM event_sign_ups WHERE teacher_id = ? AND event_id = 'mo-math'").all(teacherId);

  beforeAll(async () => {
    port = 0;
    server = await start();
    port = Number(new URL(server.url).port);
    teacherId = server.demo!.teachers[0]!.id;
    methodistPassword = server.demo!.methodist.password;
    methodistMunicipality = server.demo!.methodist.municipality;
    teacherName = server.demo!.teachers[0]!.name;
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

  /** A strong self-assessment, as if taken on another device: strengths bring МО and конкурс items to the route. */
  function strongSelfAssessment() {
    const instrument = instrumentById('selfAssessment')!;
    const answers = Object.fromEntries(instrument.items.map((item) => [item.id, item.kind === 'likert' && item.reverse ? 1 : 5]));
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

  it('signs up offline from the route, arrives once, and is marked present by the methodist', async () => {
    strongSelfAssessment();
    addEvent(server.db, 'mo-math', 20, { title: 'Заседание МО учителей математики', audienceSubject: '' });
    let { page, panel } = await openPanel();
    await panel.getByLabel('Код подключения').fill(server.demo!.teachers[0]!.code);
    await panel.getByLabel(/даю согласие на обработку/).check();
    await panel.getByRole('button', { name: 'Подключить профиль' }).click();
    await panel.getByRole('tab', { name: 'Маршрут' }).click();
    const signUp = panel.getByRole('button', { name: /^Записаться: Заседание МО учителей математики/ }).first();
    await signUp.waitFor();
    const itemId = (await signUp.evaluate((button) => button.closest('[data-route-item]')?.getAttribute('data-route-item')))!;
    expect(itemId).toMatch(/methodicalAssociation/);

    await server.close(); // the server goes down; the route and its events stay on the device
    await signUp.click();
    await expect.poll(() => panel.textContent()).toContain('Сохранено на устройстве, ждёт отправки (1)');
    await page.close();

    server = await start(); // same data folder, same port
    expect(signUps()).toEqual([]);
    ({ page, panel } = await openPanel()); // opening the panel sends what waits
    await expect.poll(() => signUps(), { timeout: 15_000 }).toEqual([{ id: expect.any(String), status: 'confirmed' }]);
    await expect.poll(() => panel.locator('[data-pending]').count()).toBe(0);
    await page.close();
    ({ page, panel } = await openPanel());
    await panel.getByRole('tab', { name: 'Мероприятия' }).click();
    await expect.poll(() => panel.locator('[data-my-event="mo-math"]').textContent()).toContain('место подтверждено');
    expect(signUps()).toHaveLength(1);
    expect(server.db.prepare('SELECT status FROM route_items WHERE teacher_id = ? AND id = ?').get(teacherId, itemId)).toEqual({ status: 'accepted' });
    await page.close();

    // The methodist marks her present on «Мероприятия».
    const admin = await browser.context.newPage();
    await admin.goto(`${server.url}/admin/login`);
    await admin.getByLabel('Логин').fill('metodist');
    await admin.getByLabel('Пароль').fill(methodistPassword);
    await admin.getByRole('button', { name: 'Войти' }).click();
    await admin.waitForURL(`${server.url}/admin/overview`);
    // «Показатели»: her municipality's teachers at an МО meeting this учебный год, before she is marked.
    const attendedMo = async () => {
      await admin.getByRole('link', { name: 'Показатели' }).click();
      const line = admin.locator(`section[aria-label="${methodistMunicipality}"] tr[data-indicator="methodicalAssociation"] td`).first();
      return Number(/\((\d+) из \d+\)/.exec((await line.textContent()) ?? '')?.[1]);
    };
    const before = await attendedMo();
    expect(before).toBeGreaterThanOrEqual(0);
    await admin.getByRole('link', { name: 'Мероприятия' }).click();
    await admin.getByRole('link', { name: 'Заседание МО учителей математики' }).click();
    await admin.getByRole('button', { name: `Отметить участие: ${teacherName}` }).click();
    await expect.poll(() => admin.textContent('body')).toContain(`Участие отмечено: ${teacherName}.`);
    expect(server.db.prepare('SELECT status FROM route_items WHERE teacher_id = ? AND id = ?').get(teacherId, itemId)).toEqual({ status: 'done' });
    // «Показатели» counts her.
    expect(await attendedMo()).toBe(before + 1);

    // Her panel says so, and asks for her rating.
    ({ page, panel } = await openPanel());
    await panel.getByRole('tab', { name: 'Мероприятия' }).click();
    await expect.poll(() => panel.locator('[data-my-event="mo-math"]').textContent()).toContain('участие отмечено');
    await panel.getByRole('form', { name: 'Оценка мероприятия' }).waitFor();
    await page.close();
    await admin.close();
  });
});
