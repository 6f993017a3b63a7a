import fs from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { instrumentById } from '../../shared/content/index.ts';
import { panelOf } from './panel-frame.ts';
import { useServerWithExtension } from './with-extension.ts';

/** The review set: one PNG per panel state and width, in one folder (git-ignored). */
const screens = path.resolve('test-results/screens');
/** The phone first: the test goes on at the laptop's width. */
const widths = [
  { name: 'phone', width: 390, height: 844 },
  { name: 'desktop', width: 1366, height: 768 },
] as const;

/**
 * Every panel state at a laptop's and a phone's width: axe (the journal page
 * and the panel's frame) finds no violation of serious or critical impact, and
 * a screenshot of each goes to the review folder.
 */
async function review(page: Page, state: string): Promise<void> {
  for (const size of widths) {
    await page.setViewportSize({ width: size.width, height: size.height });
    await page.waitForTimeout(100); // a layout at the new width
    // Ours only: the launcher's shadow root and the panel's frame (the demo journal's own markup is not ours to judge).
    const { violations } = await new AxeBuilder({ page })
      .include('profrost-panel')
      .options({ resultTypes: ['violations'] })
      .analyze();
    const serious = violations
      .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
      .map((violation) => `${state} @${size.width}: ${violation.id} (${violation.impact}) ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
    expect(serious).toEqual([]);
    await page.screenshot({ path: path.join(screens, `panel-${state}-${size.width}.png`) });
  }
}

describe('the panel, every state, for review', () => {
  const env = useServerWithExtension();

  it('has no serious or critical accessibility violation at 1366 px and 390 px, and leaves a screenshot of each state', { timeout: 300_000 }, async () => {
    fs.mkdirSync(screens, { recursive: true });
    const { server, browser } = env;
    const teacher = server.demo!.teachers[0]!;
    const page = await browser.context.newPage();
    await page.goto(`${server.url}/demo/journal`);
    await review(page, '0-launcher');

    await page.getByRole('button', { name: 'Профиль педагога' }).click();
    const panel = panelOf(page);
    const press = async (target: Locator, key = 'Enter') => {
      await target.focus();
      await page.keyboard.press(key);
    };
    await expect.poll(() => panel.textContent()).toContain('Сервер ПрофРоста доступен');
    await review(page, '1-connect');

    await panel.getByLabel('Код подключения').fill(teacher.code);
    // By keyboard from here on: after the viewport changed size, Playwright's mouse misses inside the extension's frame.
    await press(panel.getByLabel(/даю согласие на обработку/), 'Space');
    await press(panel.getByRole('button', { name: 'Подключить профиль' }));
    await expect.poll(() => panel.textContent()).toContain('Пока нет результатов диагностики');
    await review(page, '2-profile-empty');

    await press(panel.getByRole('tab', { name: 'Диагностика' }));
    await press(panel.getByRole('button', { name: 'Начать: Профессиональное выгорание: скрининг' }));
    await expect.poll(() => panel.textContent()).toContain('вопрос 1 из');
    await review(page, '3-diagnostic-question');
    const items = instrumentById('burnoutScreening')!.items;
    for (const [i] of items.entries()) {
      await expect.poll(() => panel.textContent()).toContain(`вопрос ${i + 1} из ${items.length}`);
      await page.keyboard.press(i % 3 ? '2' : '4');
      await page.keyboard.press('Enter');
    }
    await panel.getByRole('heading', { name: /Предварительный результат/ }).waitFor();
    await review(page, '4-diagnostic-preview');
    await press(panel.getByRole('button', { name: 'Отправить результат' }));
    await expect.poll(() => panel.locator('[data-pending]').count()).toBe(0);

    const tabs = [
      ['5-profile', 'Мой профиль'],
      ['6-diagnostics', 'Диагностика'],
      ['7-route', 'Маршрут'],
      ['8-courses', 'Курсы ДПО'],
      ['9-settings', 'Настройки'],
    ] as const;
    for (const [state, tab] of tabs) {
      await press(panel.getByRole('tab', { name: new RegExp(tab) }));
      await expect.poll(() => panel.locator('.spinner').count()).toBe(0);
      await review(page, state);
    }
    for (const size of widths) expect(fs.existsSync(path.join(screens, `panel-9-settings-${size.width}.png`))).toBe(true);
    await page.close();
  });
});
