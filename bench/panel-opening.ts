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

/** A person's pointer rests on the launcher this long before the click (the scenario «наведение, щелчок через 150 мс»). */
const hoverBeforeClickMs = 150;

/** One opening, timed on the node clock (Date.now(), the same wall clock as the frame's performance.timeOrigin). */
interface Opening {
  /** From the click to the profile shown. */
  shown: number;
  /** From the click to the panel frame's navigation start (negative: the frame was preloaded before the click). */
  navigation: number;
  /** From the click to the frame's DOMContentLoaded (end). */
  domContentLoaded: number;
}

async function openOnce(browser: ExtensionBrowser, url: string, asleep: boolean, hoverMs: number | null): Promise<Opening> {
  const page = await journalWithLauncher(browser, url);
  if (asleep) await stopServiceWorkers(browser.context, 1);
  const launcher = page.getByRole('button', { name: 'Профиль педагога' });
  if (hoverMs !== null) {
    await launcher.hover();
    await page.waitForTimeout(hoverMs);
  }
  const clickedAt = Date.now();
  const started = performance.now();
  await launcher.click();
  const panel = await panelScope(page);
  await panel.getByText(profileShown).waitFor();
  const took = performance.now() - started;
  const frame = page.frames().find((candidate) => candidate.url().endsWith('/panel.html'));
  const timing = frame
    ? await frame.evaluate(() => {
        const [navigation] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[];
        return { origin: performance.timeOrigin, domContentLoaded: navigation!.domContentLoadedEventEnd };
      })
    : null;
  await page.close();
  return {
    shown: took,
    navigation: timing ? timing.origin - clickedAt : Number.NaN,
    domContentLoaded: timing ? timing.origin + timing.domContentLoaded - clickedAt : Number.NaN,
  };
}

const median = (xs: number[]) => {
  const sorted = [...xs].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};
const ms = (x: number) => `${x.toFixed(1)} мс`;

export async function benchPanelOpening(browser: ExtensionBrowser, url: string, code: string): Promise<void> {
  await connect(browser, url, code);
  await openOnce(browser, url, false, null); // discarded: the first opening fills caches
  const loadAverage = os.loadavg()[0]!;
  const scenarios = [
    { name: 'сразу щелчок, фоновый скрипт работает', asleep: false, hover: null, count: awakeOpenings, goal: awakeGoalMs },
    { name: 'сразу щелчок, фоновый скрипт остановлен', asleep: true, hover: null, count: sleepingOpenings, goal: asleepGoalMs },
    { name: `наведение, щелчок через ${hoverBeforeClickMs} мс, работает`, asleep: false, hover: hoverBeforeClickMs, count: awakeOpenings, goal: awakeGoalMs },
    {
      name: `наведение, щелчок через ${hoverBeforeClickMs} мс, остановлен`,
      asleep: true,
      hover: hoverBeforeClickMs,
      count: sleepingOpenings,
      goal: asleepGoalMs,
    },
  ];
  const results = scenarios.map(() => [] as Opening[]);
  // Interleaved, so that the machine's noise falls on every scenario alike.
  for (let i = 0; i < Math.max(awakeOpenings, sleepingOpenings); i++)
    for (const [index, scenario] of scenarios.entries())
      if (i < scenario.count) results[index]!.push(await openOnce(browser, url, scenario.asleep, scenario.hover));
  console.log(
    `  открытие панели подключённым педагогом: от щелчка по кнопке до показанного профиля (нагрузка машины: ${loadAverage.toFixed(1)} → ${os.loadavg()[0]!.toFixed(1)} за минуту):`,
  );
  for (const [index, scenario] of scenarios.entries()) {
    const xs = results[index]!.map((opening) => opening.shown);
    console.log(
      `    ${scenario.name.padEnd(42)} медиана ${ms(median(xs)).padStart(9)}   от ${ms(Math.min(...xs))} до ${ms(Math.max(...xs))}   цель < ${scenario.goal} мс   (${xs.length} раз)`,
    );
  }
  // Where the time goes: the frame's own navigation timing against the node clock (Date.now() just before Playwright's click,
  // which adds a few milliseconds before the click reaches the page). A negative figure: before the click (a preloaded frame).
  console.log('  из чего складывается (медианы, мс от щелчка): начало загрузки рамки → DOMContentLoaded рамки → профиль показан');
  for (const [index, scenario] of scenarios.entries()) {
    const of = (pick: (opening: Opening) => number) => ms(median(results[index]!.map(pick))).padStart(9);
    console.log(`    ${scenario.name.padEnd(42)} ${of((o) => o.navigation)} → ${of((o) => o.domContentLoaded)} → ${of((o) => o.shown)}`);
  }
}
