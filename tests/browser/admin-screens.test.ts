import AxeBuilder from '@axe-core/playwright';
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoResults } from '../../server/features/demo/results.ts';
import { type TestServer, startTestServer } from '../helpers/test-server.ts';
import { type PlainBrowser, launchPlain } from './chromium.ts';

/**
 * Every admin page, as the administrator and as a methodist, on a 1366 px screen and a 390 px
 * phone: nothing wider than the window except inside a box that scrolls on its own, the basic
 * accessibility checks below, and a PNG of each in one folder for a person to review
 * (test-results/screens/admin/, git-ignored).
 *
 * axe-core (@axe-core/playwright) checks each page for violations of serious or critical impact;
 * the page's own checks below add what axe leaves to judgement: one h1, scroll boxes reachable
 * by keyboard, aria-describedby naming an element that exists.
 */

/**
 * axe's violations of serious or critical impact on the page, as rule: where. Legacy mode runs axe in the
 * page itself (these pages have no frames) instead of partial runs finished in a new blank page, and only
 * violations are collected: a quarter of the time per page, measured side by side (88 pages a run).
 */
async function axeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    .setLegacyMode(true)
    .options({ resultTypes: ['violations'] })
    .analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) =>
        `${violation.id} (${violation.impact}): ${violation.nodes
          .map((node) => node.target.join(' '))
          .slice(0, 3)
          .join(', ')}`,
    );
}

const reviewDir = path.resolve('test-results/screens/admin');
const widths = [1366, 390] as const;

/** What a person could not use, found in the page: [] when none. */
async function accessibilityProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const nameOf = (element: Element): string => {
      const labelledBy = element.getAttribute('aria-labelledby');
      if (labelledBy)
        return labelledBy
          .split(' ')
          .map((id) => document.getElementById(id)?.textContent ?? '')
          .join(' ')
          .trim();
      if (element.getAttribute('aria-label')) return element.getAttribute('aria-label')!.trim();
      if (element instanceof HTMLInputElement || element instanceof HTMLSelectElement || element instanceof HTMLTextAreaElement) {
        const labels = [...(element.labels ?? [])].map((label) => label.textContent ?? '').join(' ');
        return labels.trim() || (element.type === 'submit' ? element.value : '');
      }
      return (element.textContent ?? '').trim();
    };
    for (const control of document.querySelectorAll('input:not([type=hidden]), select, textarea, button, a[href]')) {
      if (!nameOf(control)) problems.push(`no name: ${control.outerHTML.slice(0, 120)}`);
    }
    for (const image of document.querySelectorAll('[role=img]')) if (!nameOf(image)) problems.push(`image without a name: ${image.outerHTML.slice(0, 80)}`);
    if (document.documentElement.lang !== 'ru') problems.push('html lang is not ru');
    if (document.querySelectorAll('h1').length !== 1) problems.push(`${document.querySelectorAll('h1').length} h1`);
    if (document.querySelectorAll('main').length !== 1) problems.push('no single main landmark');
    const ids = [...document.querySelectorAll('[id]')].map((element) => element.id);
    for (const id of new Set(ids.filter((id, index) => ids.indexOf(id) !== index))) problems.push(`duplicate id ${id}`);
    for (const box of document.querySelectorAll('.table-scroll, .chart-scroll')) {
      if (box.scrollWidth > box.clientWidth + 1 && (box as HTMLElement).tabIndex < 0) problems.push('a scrolling box the keyboard cannot reach');
    }
    for (const element of document.querySelectorAll('[aria-describedby]')) {
      for (const id of element.getAttribute('aria-describedby')!.split(' '))
        if (!document.getElementById(id)) problems.push(`aria-describedby names a missing #${id}`);
    }
    return problems;
  });
}

/** Elements that stick out of the window, outside the boxes that scroll on their own. */
async function overflow(page: Page): Promise<{ page: number; window: number; culprits: string[] }> {
  return page.evaluate(() => {
    const window_ = document.documentElement.clientWidth;
    const culprits = [...document.querySelectorAll('body *')]
      .filter((element) => !element.closest('.table-scroll, .chart-scroll, head, script'))
      .filter((element) => element.getBoundingClientRect().right > window_ + 1)
      .map((element) => `${element.tagName.toLowerCase()}.${element.className}`)
      .slice(0, 5);
    return { page: document.documentElement.scrollWidth, window: window_, culprits };
  });
}

describe('every admin page on a wide screen and a phone', () => {
  let server: TestServer;
  let browser: PlainBrowser;
  let chromium: Browser;

  beforeAll(async () => {
    server = await startTestServer();
    seedDemoResults(server.db);
    browser = await launchPlain();
    chromium = browser.context.browser()!;
    fs.mkdirSync(reviewDir, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.dispose();
  });

  async function signedIn(login: string, password: string, width: number): Promise<Page> {
    const context = await chromium.newContext({ viewport: { width, height: width > 800 ? 900 : 844 }, locale: 'ru-RU' });
    const page = await context.newPage();
    await page.goto(`${server.url}/admin/login`);
    await page.getByLabel('Логин').fill(login);
    await page.getByLabel('Пароль').fill(password);
    await page.getByRole('button', { name: 'Войти' }).click();
    await page.waitForURL(`${server.url}/admin/overview`);
    return page;
  }

  function pagesFor(role: 'admin' | 'metodist'): { name: string; path: string }[] {
    const teacher = server.demo!.teachers.find((one) => one.name.startsWith('Соколова'))!;
    const program = server.db.prepare('SELECT id FROM programs WHERE municipality_id IS NULL ORDER BY id LIMIT 1').get() as { id: string };
    return [
      { name: 'overview', path: '/admin/overview' },
      { name: 'teachers', path: '/admin/teachers' },
      { name: 'teacher', path: `/admin/teachers/${teacher.id}` },
      { name: 'programs', path: '/admin/programs' },
      { name: 'program', path: `/admin/programs/${program.id}` },
      { name: 'program-new', path: '/admin/programs/new' },
      { name: 'programs-import', path: '/admin/programs/import' },
      { name: 'demand', path: '/admin/demand' },
      { name: 'effectiveness', path: '/admin/effectiveness' },
      { name: 'roster', path: '/admin/roster' },
      { name: 'diagnostics', path: '/admin/diagnostics' },
      { name: 'audit', path: '/admin/audit' },
      { name: 'teacher-route', path: `/admin/teachers/${teacher.id}/route` },
      { name: 'mentoring', path: `/admin/mentoring?mentee=${teacher.id}` },
      { name: 'events', path: '/admin/events' },
      { name: 'indicators', path: '/admin/indicators' },
      { name: 'events-import', path: '/admin/events-import' },
      // «Журналы» is the regional administrator's alone.
      ...(role === 'admin' ? [{ name: 'journals', path: '/admin/journals' }] : []),
      { name: 'schools', path: '/admin/schools' },
      { name: 'schools-import', path: '/admin/schools/import' },
      { name: 'recommendations', path: '/admin/recommendations' },
      { name: 'recommendation-new', path: '/admin/recommendations/new?preview=1' },
      { name: 'measures', path: '/admin/measures' },
      { name: 'measure-new', path: '/admin/measures/new' },
      { name: 'associations', path: '/admin/associations' },
      { name: 'campaigns', path: '/admin/campaigns' },
    ];
  }

  // axe runs for the administrator on the wide screen and for the methodist on the phone: the pages are the same
  // templates, and what depends on the width (a box that scrolls without the keyboard reaching it) is also among
  // the page's own checks, which run for all four. A full set of screenshots is for a person reviewing on their
  // machine; CI, where nobody looks at them, leaves them out.
  const reviewing = !process.env.CI;
  for (const role of ['admin', 'metodist'] as const) {
    for (const width of widths) {
      const withAxe = (role === 'admin') === (width === 1366);
      const title = `as ${role} at ${width} px: no page wider than the window${withAxe ? ', no serious axe violation' : ''}, a screenshot of each to review`;
      it(title, { timeout: 300_000 }, async () => {
        const password = role === 'admin' ? server.demo!.admin.password : server.demo!.methodist.password;
        const page = await signedIn(role, password, width);
        const found: Record<string, unknown> = {};
        for (const { name, path: address } of pagesFor(role)) {
          const response = await page.goto(`${server.url}${address}`);
          expect(response!.status(), address).toBe(200);
          if (reviewing) await page.screenshot({ path: path.join(reviewDir, `${role}-${name}-${width}.png`), fullPage: true });
          const measured = await overflow(page);
          if (measured.page > measured.window || measured.culprits.length) found[`${address} overflow`] = measured;
          const problems = await accessibilityProblems(page);
          if (problems.length) found[`${address} a11y`] = problems;
          const violations = withAxe ? await axeViolations(page) : [];
          if (violations.length) found[`${address} axe`] = violations;
        }
        expect(found).toEqual({});
        await page.context().close();
      });
    }
  }

  it('has an axe that finds what it should: an image without a text and a button without a name', async () => {
    const page = await signedIn('admin', server.demo!.admin.password, 1366);
    await page.evaluate(() => document.querySelector('main')!.insertAdjacentHTML('beforeend', '<img src="/favicon.ico"><button></button>'));
    const found = await axeViolations(page);
    expect(found.some((violation) => violation.startsWith('image-alt'))).toBe(true);
    expect(found.some((violation) => violation.startsWith('button-name'))).toBe(true);
    await page.context().close();
  });

  it('reaches the content from the keyboard and lands on the summary of a refused form', async () => {
    const page = await signedIn('admin', server.demo!.admin.password, 390);
    await page.goto(`${server.url}/admin/programs/new`);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Перейти к содержанию');
    expect(await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle)).not.toBe('none');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('content');

    await page.getByLabel('Код программы', { exact: true }).fill('Плохой код');
    await page.getByLabel('Название', { exact: true }).fill('И');
    await page.getByLabel('Организация', { exact: true }).fill('ЦНППМ');
    await page.getByLabel('Часов', { exact: true }).fill('5');
    await page.getByRole('button', { name: 'Сохранить' }).click();
    await page.locator('.error-summary').waitFor();
    expect(await page.evaluate(() => document.activeElement?.className)).toBe('error-summary');
    expect(await page.locator('.error-summary').textContent()).toContain('Название: от 3 до 300 символов.');
    await page
      .locator('.error-summary')
      .getByRole('link', { name: /Название/ })
      .click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('title');
    await page.context().close();
  });
});
