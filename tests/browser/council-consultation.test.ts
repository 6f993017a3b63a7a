import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentPeriod } from '../../server/features/aggregates/period.ts';
import { seedDemoResults } from '../../server/features/demo/results.ts';
import type { DemoCredentials } from '../../server/features/demo/seed.ts';
import { type RunningServer, startServer } from '../../server/serve.ts';
import { tempDataDir } from '../helpers/test-server.ts';
import { type ExtensionBrowser, launchWithExtension, setServerUrl } from './chromium.ts';
import { panelOf } from './panel-frame.ts';

/**
 * The expert council's place in real Chromium (issue 23): a council member publishes a consultation on the
 * admin pages; a teacher answers it in the panel while the server is down; the answer arrives once; the council
 * sees the count; the printable meeting report keeps every chart whole on one page.
 */
describe('the council and a consultation, end to end', () => {
  const dataDir = tempDataDir();
  let server: RunningServer;
  let demo: DemoCredentials;
  let browser: ExtensionBrowser;
  let port: number;
  // K = 1 here: one teacher answers, and the flow is what is tested (suppression: tests/server/consultations.test.ts).
  const start = (p: number) => startServer({ port: p, dataDir, publicUrl: 'http://localhost', demo: true, minGroup: 1 } as Parameters<typeof startServer>[0]);

  beforeAll(async () => {
    server = await start(0);
    demo = server.demo!;
    port = Number(new URL(server.url).port);
    seedDemoResults(server.db);
    browser = await launchWithExtension();
    await setServerUrl(browser, server.url);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  async function councilPage(path: string): Promise<Page> {
    const page = await browser.context.newPage();
    await page.goto(`${server.url}${path}`);
    if (page.url().includes('/admin/login')) {
      await page.getByLabel('Логин').fill(demo.council.login);
      await page.getByLabel('Пароль').fill(demo.council.password);
      await page.getByRole('button', { name: 'Войти' }).click();
      await page.waitForURL((url) => !url.pathname.startsWith('/admin/login'));
      if (!page.url().endsWith(path)) await page.goto(`${server.url}${path}`);
    }
    return page;
  }

  const answers = () => server.db.prepare('SELECT count(*) FROM consultation_answers').pluck().get() as number;

  it('publishes a consultation, takes a teacher’s answer given offline exactly once, and shows the council the count', async () => {
    const admin = await councilPage('/admin/consultations/new');
    await admin.getByLabel('Название').fill('Методическая поддержка');
    await admin.getByLabel('Текст для педагогов').fill('Совет готовит рекомендации.');
    await admin.locator('#closesOn').fill(new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10));
    await admin.locator('#q1-text').fill('Хватает ли вам методической поддержки?');
    await admin.locator('#q1-kind').selectOption('single');
    await admin.locator('#q1-options').fill('да\nнет');
    await admin.getByRole('button', { name: 'Опубликовать' }).click();
    await admin.getByRole('heading', { name: 'Методическая поддержка' }).waitFor();
    const consultationPath = new URL(admin.url()).pathname;

    // The teacher connects; the tab is marked with the open consultation.
    const page = await browser.context.newPage();
    await page.goto(`${server.url}/demo/journal`);
    await page.getByRole('button', { name: 'Профиль педагога' }).click();
    const panel = panelOf(page);
    await panel.getByLabel('Код подключения').fill(demo.teachers[0]!.code);
    await panel.getByLabel(/даю согласие на обработку/).check();
    await panel.getByRole('button', { name: 'Подключить профиль' }).click();
    await panel.getByRole('tab', { name: 'Консультации (1)' }).click();
    await panel.getByText('Хватает ли вам методической поддержки?').waitFor();
    expect(await panel.textContent()).toContain('без вашего имени');

    // The server goes away; she answers; the answer waits on her device.
    await server.close();
    await panel.getByRole('radio', { name: 'да' }).check();
    await panel.getByRole('button', { name: 'Отправить ответ' }).click();
    await panel.getByText('Ответ сохранён на этом устройстве').waitFor();

    // The server is back on the same address: the answer arrives, once, however often the outbox is flushed.
    server = await start(port);
    await panel.getByRole('button', { name: 'Отправить сейчас' }).first().click();
    await expect.poll(answers, { timeout: 20_000 }).toBe(1);
    // Flushed again if the button is still there (it goes, or is disabled, once nothing waits: no 30 s wait for that).
    await panel
      .getByRole('button', { name: 'Отправить сейчас' })
      .first()
      .click({ timeout: 2_000 })
      .catch(() => undefined);
    await page.waitForTimeout(500);
    expect(answers()).toBe(1);
    expect(server.db.prepare('SELECT count(*) FROM consultation_choices WHERE option = 0').pluck().get()).toBe(1);

    // The council sees the count.
    await admin.goto(`${server.url}${consultationPath}`);
    expect(await admin.locator('main').textContent()).toContain('Ответили: 1');
    const republic = admin.locator('tr', { has: admin.getByRole('rowheader', { name: 'Вся республика' }) });
    expect((await republic.locator('td').allTextContents()).slice(0, 3)).toEqual(['1', '1', '0']);
    await page.close();
  });

  it('prints the meeting report for a year and municipalities with every chart whole on one page', async () => {
    const belo = server.db.prepare('SELECT id FROM municipalities WHERE name = ?').pluck().get('Городской округ Белоозёрск') as number;
    const report = await councilPage(`/admin/council/report?period=${currentPeriod()}&municipality=${belo}`);
    await report.getByRole('heading', { name: /Отчёт к заседанию экспертного совета/ }).waitFor();
    expect(await report.getByRole('heading', { name: 'Городской округ Белоозёрск', level: 2 }).count()).toBe(1);
    // A4 with 15 mm margins: 180 × 267 mm of content, in CSS pixels.
    const pageWidth = Math.floor((180 / 25.4) * 96);
    const pageHeight = Math.floor((267 / 25.4) * 96);
    await report.setViewportSize({ width: pageWidth, height: pageHeight });
    await report.emulateMedia({ media: 'print' });
    const charts = await report.locator('figure.council-chart').evaluateAll((figures) =>
      figures.map((figure) => ({
        height: figure.getBoundingClientRect().height,
        breakInside: getComputedStyle(figure).breakInside,
        numbers: figure.querySelectorAll('svg text').length,
        svgWidth: figure.querySelector('svg')!.getBoundingClientRect().width,
        width: figure.getBoundingClientRect().width,
      })),
    );
    expect(charts.length).toBeGreaterThanOrEqual(4);
    for (const chart of charts) {
      // Kept whole: never broken inside, and small enough for one page; its numbers written on it, within the page's width.
      expect(chart.breakInside).toBe('avoid');
      expect(chart.height).toBeLessThan(pageHeight);
      expect(chart.numbers).toBeGreaterThan(0);
      expect(chart.svgWidth).toBeLessThanOrEqual(chart.width + 1);
    }
    // The form and the navigation stay off paper; the republic and the municipality each start a page.
    expect(await report.locator('form.council-report-form').isVisible()).toBe(false);
    expect(await report.locator('nav.sections').isVisible()).toBe(false);
    const breaks = await report.locator('.council-report-part').evaluateAll((parts) => parts.map((part) => getComputedStyle(part).breakBefore));
    expect(breaks).toEqual(['auto', 'page']);
    const pdf = await report.pdf({ format: 'A4', margin: { top: '15mm', bottom: '15mm', left: '15mm', right: '15mm' } });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    // More than one page: the municipality starts its own.
    expect((pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length).toBeGreaterThanOrEqual(2);
  });
});
