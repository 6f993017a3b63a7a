// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import type { DetectedJournal } from './detect.ts';
import { createLauncherSync } from './launcher-sync.ts';
import { sgoJournal } from './sgo.ts';

function journal(name: string | null): DetectedJournal {
  return {
    adapter: sgoJournal,
    teacher: name ? { name, school: 'СОШ № 5', role: 'Учитель' } : null,
    needsConfirmation: true,
    mount: 'floating',
  };
}

/** A fake page: detection answers per path (optionally slowly); mounts are counted as live launchers. */
function setup(answers: Record<string, { result: DetectedJournal | null; delayMs?: number }>) {
  const live = new Set<number>();
  let mounts = 0;
  let connected = true;
  const sync = createLauncherSync({
    detect: async (url) => {
      const answer = answers[url.pathname] ?? { result: null };
      await new Promise((resolve) => setTimeout(resolve, answer.delayMs ?? 0));
      return answer.result;
    },
    mount: async () => {
      const id = ++mounts;
      live.add(id);
      return { remove: () => live.delete(id), isConnected: () => connected };
    },
  });
  return { sync, live, mounts: () => mounts, disconnect: () => (connected = false) };
}

const at = (path: string) => new URL(`https://sgo.e-yakutia.ru${path}`);

describe('the launcher across SPA navigation', () => {
  it('keeps the one launcher when the next page says the same', async () => {
    const page = setup({ '/angular/school/a': { result: journal('Иванова') }, '/angular/school/b': { result: journal('Иванова') } });
    await page.sync.update(at('/angular/school/a'));
    await page.sync.update(at('/angular/school/b'));
    expect(page.mounts()).toBe(1);
    expect(page.live.size).toBe(1);
  });

  it('re-mounts once when what the page says changes', async () => {
    const page = setup({ '/angular/school/a': { result: journal(null) }, '/angular/school/b': { result: journal('Иванова') } });
    await page.sync.update(at('/angular/school/a'));
    await page.sync.update(at('/angular/school/b'));
    expect(page.mounts()).toBe(2);
    expect(page.live.size).toBe(1);
  });

  it('removes the launcher on a page that is not a teacher page, and brings it back', async () => {
    const page = setup({ '/angular/school/a': { result: journal('Иванова') } });
    await page.sync.update(at('/angular/school/a'));
    await page.sync.update(at('/angular/school/studentdiary/'));
    expect(page.live.size).toBe(0);
    await page.sync.update(at('/angular/school/a'));
    expect(page.live.size).toBe(1);
  });

  it('never mounts twice when navigations overlap; only the latest counts', async () => {
    const page = setup({
      '/angular/school/slow': { result: journal('Старое имя'), delayMs: 60 },
      '/angular/school/fast': { result: journal('Иванова') },
    });
    const first = page.sync.update(at('/angular/school/slow'));
    const second = page.sync.update(at('/angular/school/fast'));
    const third = page.sync.update(at('/angular/school/fast'));
    await Promise.all([first, second, third]);
    expect(page.mounts()).toBe(1);
    expect(page.live.size).toBe(1);
  });

  it('mounts again when the SPA has thrown the launcher away', async () => {
    const page = setup({ '/angular/school/a': { result: journal('Иванова') } });
    await page.sync.update(at('/angular/school/a'));
    page.disconnect();
    await page.sync.update(at('/angular/school/a'));
    expect(page.mounts()).toBe(2);
    expect(page.live.size).toBe(1);
  });

  it('dispose removes the launcher', async () => {
    const page = setup({ '/angular/school/a': { result: journal('Иванова') } });
    await page.sync.update(at('/angular/school/a'));
    page.sync.dispose();
    expect(page.live.size).toBe(0);
  });
});
