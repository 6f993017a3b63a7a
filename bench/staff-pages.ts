/**
 * The staff pages over HTTP on the realistic republic (republic.ts), signed
 * in as an admin: each page requested a few times in turn while a probe asks
 * /api/v1/health every 10 ms; prints each page's time (median and worst),
 * the probe's worst answer during it, and the server's resident memory at
 * its peak. Then a few of them as a person meets them: loaded in Chromium
 * (Debian's, on this process's core), with when the document had arrived,
 * was parsed and had loaded. The server is pinned to core 0, this process to
 * core 1.
 */
import fs from 'node:fs';
import { launchPlain } from '../tests/browser/chromium.ts';
import { copyRepublic, periods } from './republic.ts';
import { loadText, memoryOf, type Running, serverArgs, startPinned } from './processes.ts';

const repeats = Number(process.env.BENCH_PAGE_REPEATS ?? 5);

const ms = (value: number) => `${value < 10 ? value.toFixed(1) : value.toFixed(0)} мс`;

/** Asks /health every 10 ms until stopped; the answers' times. */
function probeHealth(server: Running): { stop(): Promise<number[]> } {
  const times: number[] = [];
  let running = true;
  const loop = (async () => {
    while (running) {
      const start = performance.now();
      await (await fetch(`${server.url}/api/v1/health`)).arrayBuffer();
      times.push(performance.now() - start);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  })();
  return {
    stop: async () => {
      running = false;
      await loop;
      return times;
    },
  };
}

async function timePage(server: Running, cookie: string, path: string): Promise<{ ms: number; bytes: number; body: string }> {
  const start = performance.now();
  const response = await fetch(`${server.url}${path}`, { headers: { cookie }, redirect: 'manual' });
  const body = await response.text();
  const elapsed = performance.now() - start;
  if (response.status !== 200) throw new Error(`${path}: ${response.status}`);
  return { ms: elapsed, bytes: body.length, body };
}

export async function benchStaffPages(): Promise<void> {
  const { dataDir, info, adminCookie } = await copyRepublic();
  console.log(
    `\nСтраницы сотрудников по HTTP (вход администратора): ${info.teachers.toLocaleString('ru-RU')} педагогов, ${info.schools} школ, ${info.attempts.toLocaleString('ru-RU')} попыток; каждая ${repeats} раз, /api/v1/health каждые 10 мс`,
  );
  const server = await startPinned(serverArgs, { PROFROST_DATA_DIR: dataDir });
  try {
    const period = periods[1]!.name;
    const pages = [
      '/admin/teachers',
      '/admin/teachers?deficit=methodical',
      '/admin/teachers?deficit=digital&municipality=' + info.municipalityId,
      `/admin/teachers?q=${encodeURIComponent(info.commonLastName)}`,
      `/admin/teachers?q=${encodeURIComponent('ивано')}&deficit=subject`,
      `/admin/teachers?q=${encodeURIComponent('Айталина Семеновна')}`,
      `/admin/teachers?school=${info.schoolId}`,
      '/admin/teachers?page=1000',
      '/admin/teachers?deficit=communicative&page=300',
      `/admin/teachers/${info.connected[info.connected.length >> 1]}`,
      `/admin/overview?period=${period}`,
      `/admin/overview?period=${period}&municipality=${info.municipalityId}`,
      `/admin/demand?period=${period}`,
      `/admin/effectiveness?period=${period}`,
      '/admin/programs',
      '/admin/roster',
      '/admin/diagnostics',
      '/admin/audit',
    ];
    // Keyset paging: follow the pager's «next» link a few pages deep.
    let worstHealth = 0;
    for (const path of pages) {
      const probe = probeHealth(server);
      const times: number[] = [];
      let bytes = 0;
      for (let i = 0; i < repeats; i++) {
        const page = await timePage(server, adminCookie, path);
        times.push(page.ms);
        bytes = page.bytes;
      }
      const health = await probe.stop();
      const worst = Math.max(0, ...health);
      worstHealth = Math.max(worstHealth, worst);
      const sorted = [...times].sort((a, b) => a - b);
      console.log(
        `  ${decodeURIComponent(path).padEnd(58)} медиана ${ms(sorted[sorted.length >> 1]!).padStart(7)}, худший ${ms(sorted.at(-1)!).padStart(7)}, ${(bytes / 1024).toFixed(0).padStart(4)} КБ; health худший ${ms(worst)} | ${loadText()}`,
      );
    }
    await renderedInChromium(server, adminCookie, [
      '/admin/teachers',
      '/admin/teachers?deficit=methodical',
      `/admin/overview?period=${period}`,
      `/admin/demand?period=${period}`,
      `/admin/indicators?period=${period}`,
      '/admin/associations',
    ]);
    const memory = memoryOf(server.child.pid!);
    console.log(
      `  /api/v1/health за всё время: худший ${ms(worstHealth)}; память сервера (RSS): сейчас ${memory ? (memory.rss / 2 ** 20).toFixed(0) : '—'} МБ, наибольшая ${memory ? (memory.peak / 2 ** 20).toFixed(0) : '—'} МБ`,
    );
  } finally {
    await server.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Each page loaded `repeats` times in Chromium, signed in with the same cookie: the medians of its navigation timing. */
async function renderedInChromium(server: Running, cookie: string, paths: string[]): Promise<void> {
  console.log(`  в Chromium (${repeats} загрузок каждой; от начала перехода): документ получен / разобран (DOMContentLoaded) / загружен (load)`);
  const browser = await launchPlain();
  try {
    const [name, ...value] = cookie.split(';')[0]!.split('=');
    await browser.context.addCookies([{ name: name!, value: value.join('='), url: server.url }]);
    const page = await browser.context.newPage();
    for (const path of paths) {
      const timings: { received: number; parsed: number; loaded: number }[] = [];
      for (let i = 0; i < repeats; i++) {
        const response = await page.goto(`${server.url}${path}`, { waitUntil: 'load' });
        if (response?.status() !== 200) throw new Error(`${path}: ${response?.status()} в Chromium`);
        timings.push(
          await page.evaluate(() => {
            const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
            return { received: nav.responseEnd, parsed: nav.domContentLoadedEventEnd, loaded: nav.loadEventEnd };
          }),
        );
      }
      const median = (pick: (t: (typeof timings)[number]) => number) => timings.map(pick).sort((a, b) => a - b)[timings.length >> 1]!;
      console.log(
        `    ${decodeURIComponent(path).padEnd(56)} ${ms(median((t) => t.received)).padStart(7)} / ${ms(median((t) => t.parsed)).padStart(7)} / ${ms(median((t) => t.loaded)).padStart(7)} | ${loadText()}`,
      );
    }
  } finally {
    await browser.close();
  }
}
