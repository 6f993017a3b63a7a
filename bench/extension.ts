/// <reference lib="dom" />
/**
 * The extension's weight and what it adds to a journal page's load: the
 * built scripts' gzipped sizes, then the demo journal loaded in real
 * Chromium with and without the extension, alternately in one run, so that
 * the machine's noise (other work on the same two cores) shows as spread.
 * The background injects the content script once the page has loaded, so the
 * launcher comes after the load and the worker's round trip: that figure is
 * reported too, with the worker awake and with it asleep (stopped before each
 * load, as Chrome stops an idle worker).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { BrowserContext } from 'playwright-core';
import buildExtension, { extensionDir } from '../tests/browser/build-extension.ts';
import { launchWithExtension, launchWithoutExtension, setServerUrl, stopServiceWorkers } from '../tests/browser/chromium.ts';
import { startTestServer } from '../tests/helpers/test-server.ts';
import { benchPanelOpening } from './panel-opening.ts';

const loads = Number(process.env.BENCH_PAGE_LOADS ?? 30);
/** Loads with the worker stopped before each: fewer, each needs the worker stopped first. */
const sleepingLoads = Number(process.env.BENCH_SLEEPING_WORKER_LOADS ?? 10);

/** The goals of issue 5. */
const contentScriptGoalKb = 25;
const addedLoadGoalPercent = 5;

const scripts = [
  { file: 'content-scripts/content.js', note: 'на каждой странице журнала, после её загрузки' },
  {
    file: 'content-scripts/journal-bridge.js',
    note: 'в мире страницы, после её загрузки, только в журналах с данными педагога в глобальной переменной (Сетевой город, Дневник.ру)',
  },
  // The panel: an injected script before issue 24 (panel.js), the panel page's code in the extension's frame since.
  { file: 'panel.js', note: 'только когда педагог открывает панель' },
  { file: 'chunks/panel-*.js', note: 'страница панели в рамке расширения, только когда педагог открывает панель' },
  { file: 'background.js', note: 'фоновый скрипт: разбирается при каждом пробуждении' },
];

/** The built file a name stands for (`*`: the one file of that pattern), or null when this build has none. */
function builtFile(name: string): string | null {
  const [dir, pattern] = [path.dirname(name), path.basename(name)];
  const full = path.join(extensionDir, dir);
  if (!fs.existsSync(full)) return null;
  const regex = new RegExp(`^${pattern.replace(/[.]/g, '\\.').replace('*', '[^/]+')}$`);
  const found = fs.readdirSync(full).find((file) => regex.test(file));
  return found ? path.join(full, found) : null;
}

function printSizes(): void {
  console.log('  размеры (gzip -9):');
  for (const { file, note } of scripts) {
    const built = builtFile(file);
    if (!built) continue;
    const code = fs.readFileSync(built);
    const gzipped = gzipSync(code, { level: 9 }).length;
    const goal = file.endsWith('content.js') ? `   цель < ${contentScriptGoalKb} КБ` : '';
    console.log(`    ${file.padEnd(36)} ${kb(gzipped).padStart(8)} (без сжатия ${kb(code.length)})  ${note}${goal}`);
  }
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} КБ`;

/**
 * Runs in the page before its own scripts, in both browsers alike: notes when
 * the launcher's host element appears (the content script renders the
 * launcher in the same task, so its button is there by then).
 */
function watchForLauncher() {
  const record = window as unknown as { launcherAt?: number; launcherShown?: () => void };
  new MutationObserver((_, observer) => {
    if (document.querySelector('profrost-panel')?.shadowRoot?.querySelector('button')) {
      record.launcherAt = performance.now();
      record.launcherShown?.();
      observer.disconnect();
    }
  }).observe(document, { childList: true, subtree: true });
}

interface Load {
  domContentLoaded: number;
  load: number;
  launcher: number | null;
  /** CPU time of the page's main thread (all worlds: the page's and the extension's), until load or the launcher. */
  cpu: number;
}

async function loadOnce(context: BrowserContext, url: string, expectLauncher: boolean): Promise<Load> {
  const page = await context.newPage();
  // Told by the page rather than polled, so that waiting adds no work to the page's thread; set up in both browsers alike.
  let launcherShown = () => {};
  const launcher = new Promise<void>((resolve) => (launcherShown = resolve));
  await page.exposeFunction('launcherShown', () => launcherShown());
  const devtools = await context.newCDPSession(page);
  await devtools.send('Performance.enable');
  await page.goto(url, { waitUntil: 'load' });
  if (expectLauncher) await launcher;
  const { metrics } = await devtools.send('Performance.getMetrics');
  const cpu = (metrics.find((metric) => metric.name === 'ThreadTime')?.value ?? Number.NaN) * 1000;
  const figures = await page.evaluate(() => {
    const [navigation] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[];
    return {
      domContentLoaded: navigation!.domContentLoadedEventEnd,
      load: navigation!.loadEventEnd,
      launcher: (window as unknown as { launcherAt?: number }).launcherAt ?? null,
    };
  });
  await devtools.detach();
  await page.close();
  return { ...figures, cpu };
}

const median = (xs: number[]) => {
  const sorted = [...xs].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};
const quantile = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))]!;
const ms = (x: number) => `${x.toFixed(1)} мс`;

function describe(name: string, xs: number[]): string {
  const spread = ((quantile(xs, 0.75) - quantile(xs, 0.25)) / median(xs)) * 100;
  return `    ${name.padEnd(34)} медиана ${ms(median(xs)).padStart(9)}   от ${ms(Math.min(...xs))} до ${ms(Math.max(...xs))}, межквартильный разброс ${spread.toFixed(0)}%`;
}

export async function benchExtension(): Promise<void> {
  console.log('\nРасширение: вес и время загрузки демонстрационного журнала в Chromium');
  buildExtension();
  printSizes();

  const server = await startTestServer();
  const [withExtension, without] = await Promise.all([launchWithExtension(), launchWithoutExtension()]);
  try {
    await setServerUrl(withExtension, server.url);
    for (const browser of [withExtension, without]) await browser.context.addInitScript(watchForLauncher);
    const url = `${server.url}/demo/journal`;
    // One discarded load each: the first load of a profile fills caches (and starts the extension's worker).
    await loadOnce(without.context, url, false);
    await loadOnce(withExtension.context, url, true);

    const loadAverage = os.loadavg()[0]!;
    const withLoads: Load[] = [];
    const withoutLoads: Load[] = [];
    for (let round = 0; round < loads; round++) {
      // Alternate which goes first, so that neither always meets a freshly busy machine.
      const order = round % 2 ? [true, false] : [false, true];
      for (const extension of order) {
        if (extension) withLoads.push(await loadOnce(withExtension.context, url, true));
        else withoutLoads.push(await loadOnce(without.context, url, false));
      }
    }

    console.log(
      `  ${loads} загрузок /demo/journal с расширением и столько же без, поочерёдно (нагрузка машины: ${loadAverage.toFixed(1)} → ${os.loadavg()[0]!.toFixed(1)} за минуту, ${os.cpus().length} ядра):`,
    );
    console.log(
      describe(
        'без расширения: loadEventEnd',
        withoutLoads.map((l) => l.load),
      ),
    );
    console.log(
      describe(
        'с расширением: loadEventEnd',
        withLoads.map((l) => l.load),
      ),
    );
    console.log(
      describe(
        'без расширения: DOMContentLoaded',
        withoutLoads.map((l) => l.domContentLoaded),
      ),
    );
    console.log(
      describe(
        'с расширением: DOMContentLoaded',
        withLoads.map((l) => l.domContentLoaded),
      ),
    );
    console.log(
      describe(
        'с расширением: кнопка на странице',
        withLoads.map((l) => l.launcher!),
      ),
    );
    console.log(
      describe(
        '  из них после loadEventEnd',
        withLoads.map((l) => l.launcher! - l.load),
      ),
    );
    // CPU time is not stretched by other processes taking the cores, so it is the steadier figure here.
    console.log(
      describe(
        'без расширения: ЦП потока страницы',
        withoutLoads.map((l) => l.cpu),
      ),
    );
    console.log(
      describe(
        'с расширением: ЦП до кнопки',
        withLoads.map((l) => l.cpu),
      ),
    );

    const before = median(withoutLoads.map((l) => l.load));
    const after = median(withLoads.map((l) => l.load));
    const added = ((after - before) / before) * 100;
    console.log(
      `  расширение добавляет к загрузке страницы (медианы loadEventEnd): ${ms(after - before)}, ${added.toFixed(1)}%   цель < ${addedLoadGoalPercent}%`,
    );
    const cpuAdded = median(withLoads.map((l) => l.cpu)) - median(withoutLoads.map((l) => l.cpu));
    console.log(`  время ЦП главного потока страницы, которое добавляет расширение (до появления кнопки включительно): ${ms(cpuAdded)}`);
    console.log('  (разброс выше — шум этой машины: её два ядра делят и другие работы; разница меньше разброса — в пределах шума)');

    // The worker asleep: the journal document's request wakes it (webRequest), and after the load the launcher comes.
    // The browser without the extension goes through the same steps (it has no worker to stop), alternately, as the control.
    const sleepingWith: Load[] = [];
    const sleepingWithout: Load[] = [];
    for (let round = 0; round < sleepingLoads; round++) {
      const order = round % 2 ? [true, false] : [false, true];
      for (const extension of order) {
        const browser = extension ? withExtension : without;
        await stopServiceWorkers(browser.context, extension ? 1 : 0);
        (extension ? sleepingWith : sleepingWithout).push(await loadOnce(browser.context, url, extension));
      }
    }
    console.log(
      `  ${sleepingLoads} загрузок с расширением, фоновый скрипт перед каждой остановлен (как Chrome останавливает простаивающий), и столько же без расширения с теми же шагами, поочерёдно:`,
    );
    console.log(
      describe(
        'без расширения: loadEventEnd',
        sleepingWithout.map((l) => l.load),
      ),
    );
    console.log(
      describe(
        'с расширением: loadEventEnd',
        sleepingWith.map((l) => l.load),
      ),
    );
    console.log(
      describe(
        'с расширением: кнопка на странице',
        sleepingWith.map((l) => l.launcher!),
      ),
    );
    console.log(
      describe(
        '  из них после loadEventEnd',
        sleepingWith.map((l) => l.launcher! - l.load),
      ),
    );
    const sleepingBefore = median(sleepingWithout.map((l) => l.load));
    const sleepingAfter = median(sleepingWith.map((l) => l.load));
    console.log(
      `  с остановленным фоновым скриптом расширение добавляет к загрузке (медианы loadEventEnd): ${ms(sleepingAfter - sleepingBefore)}, ${(((sleepingAfter - sleepingBefore) / sleepingBefore) * 100).toFixed(1)}%   цель < 10 мс`,
    );

    await benchPanelOpening(withExtension, url, server.demo!.teachers[0]!.code);
  } finally {
    await withExtension.close();
    await without.close();
    await server.dispose();
  }
}
