import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentPeriod } from '../../server/features/aggregates/period.ts';
import { seedDemoResults } from '../../server/features/demo/results.ts';
import type { DemoCredentials } from '../../server/features/demo/seed.ts';
import { type RunningServer, startServer } from '../../server/serve.ts';
import { tempDataDir } from '../helpers/test-server.ts';
import { type ExtensionBrowser, launchWithExtension, setServerUrl } from './chromium.ts';

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
  // K = 1 here: one teacher answers, and the flow is what is tested (suppression: tests/server/consultations.test.ts).
  const start = (p: number) => startServer({ port: p, dataDir, publicUrl: 'http://localhost', demo: true, minGroup: 1 } as Parameters<typeof startServer>[0]);

  beforeAll(async () => {
    server = await start(0);
    demo = server.demo!;
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
