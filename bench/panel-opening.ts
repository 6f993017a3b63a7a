/**
 * How long a connected teacher waits for her profile: from the click on the
 * launcher until the profile tab shows its data, in real Chromium, with the
 * worker awake (just used) and asleep (stopped before the click, as Chrome
 * stops an idle worker). Measured from this process: Playwright's click and
 * its wait are inside the figure (a few milliseconds), alike before and after
 * any change. Works whether the panel renders in the launcher's shadow root
 * or in a frame of the extension's own inside it.
 */
import os from 'node:os';
import type { FrameLocator, Page } from 'playwright-core';
import { type ExtensionBrowser, stopServiceWorkers } from '../tests/browser/chromium.ts';

const awakeOpenings = Number(process.env.BENCH_PANEL_OPENINGS ?? 15);
const sleepingOpenings = Number(process.env.BENCH_SLEEPING_PANEL_OPENINGS ?? 10);

/** The goals of issue 19. */
const awakeGoalMs = 80;
const asleepGoalMs = 150;

/** The text of the profile tab of a teacher without results: the profile has loaded. */
const profileShown = 'Пока нет результатов диагностики';

type Scope = Page | FrameLocator;

/** Where the panel's content is: the extension's frame inside the launcher's shadow root, or the page itself (Playwright pierces open shadow roots). */
async function panelScope(page: Page): Promise<Scope> {
  const dialog = page.getByRole('dialog', { name: 'Профиль педагога' });
  const frame = page.locator('profrost-panel iframe');
  await dialog.or(frame).first().waitFor();
  return (await frame.count()) > 0 ? page.frameLocator('profrost-panel iframe') : page;
}

async function journalWithLauncher(browser: ExtensionBrowser, url: string): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(url);
  await page.getByRole('button', { name: 'Профиль педагога' }).waitFor();
  return page;
}

/** Connects the journal's teacher through the panel, as she does. */
async function connect(browser: ExtensionBrowser, url: string, code: string): Promise<void> {
  const page = await journalWithLauncher(browser, url);
  await page.getByRole('button', { name: 'Профиль педагога' }).click();
  const panel = await panelScope(page);
  await panel.getByLabel('Код подключения').fill(code);
  await panel.getByLabel(/даю согласие на обработку/).check();
  await panel.getByRole('button', { name: 'Подключить профиль' }).click();
  await panel.getByText(profileShown).waitFor();
  await page.close();
}

async function openOnce(browser: ExtensionBrowser, url: string, asleep: boolean): Promise<number> {
  const page = await journalWithLauncher(browser, url);
  if (asleep) await stopServiceWorkers(browser.context, 1);
  const started = performance.now();
  await page.getByRole('button', { name: 'Профиль педагога' }).click();
  const panel = await panelScope(page);
  await panel.getByText(profileShown).waitFor();
  const took = performance.now() - started;
  await page.close();
  return took;
}

const median = (xs: number[]) => {
  const sorted = [...xs].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};
const ms = (x: number) => `${x.toFixed(1)} мс`;

export async function benchPanelOpening(browser: ExtensionBrowser, url: string, code: string): Promise<void> {
  await connect(browser, url, code);
  await openOnce(browser, url, false); // discarded: the first opening fills caches
  const loadAverage = os.loadavg()[0]!;
  const awake: number[] = [];
  const asleep: number[] = [];
  for (let i = 0; i < Math.max(awakeOpenings, sleepingOpenings); i++) {
    if (i < awakeOpenings) awake.push(await openOnce(browser, url, false));
    if (i < sleepingOpenings) asleep.push(await openOnce(browser, url, true));
  }
  console.log(
    `  открытие панели подключённым педагогом: от щелчка по кнопке до показанного профиля (нагрузка машины: ${loadAverage.toFixed(1)} → ${os.loadavg()[0]!.toFixed(1)} за минуту):`,
  );
  const line = (name: string, xs: number[], goal: number) =>
    console.log(
      `    ${name.padEnd(34)} медиана ${ms(median(xs)).padStart(9)}   от ${ms(Math.min(...xs))} до ${ms(Math.max(...xs))}   цель < ${goal} мс   (${xs.length} раз)`,
    );
  line('фоновый скрипт работает', awake, awakeGoalMs);
  line('фоновый скрипт остановлен', asleep, asleepGoalMs);
}
