/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { instrumentById } from '../../shared/content/index.ts';
import { PANEL_FRAME, panelOf, pressEscapeInPanel } from './panel-frame.ts';
import { useServerWithExtension } from './with-extension.ts';

declare const chrome: {
  tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> };
  action: { getBadgeText(d: { tabId: number }): Promise<string>; getTitle(d: { tabId: number }): Promise<string> };
};

/**
 * Everything a script of the journal page can read of the launcher, in the page's own world: the launcher's
 * (open) shadow root as markup, every element's attributes, box and scroll sizes, the launcher's text, what
 * hit-testing finds around it, and whether the mark's host lets it in. With and without the mark it must be the same.
 */
function pageView() {
  const host = document.querySelector('profrost-panel');
  const root = host?.shadowRoot;
  if (!root) return 'no launcher';
  const button = root.querySelector('button.launcher') as HTMLElement | null;
  const box = button?.getBoundingClientRect();
  const hits: string[] = [];
  if (box)
    for (let x = box.left - 12; x <= box.right + 12; x += 3)
      for (let y = box.top - 12; y <= box.bottom + 12; y += 3) {
        const hit = document.elementFromPoint(x, y);
        const inner = root.elementFromPoint(x, y);
        hits.push(`${hit?.tagName}/${inner?.tagName}.${inner?.className}`);
      }
  const elements = [...root.querySelectorAll('*')].map((element) => {
    const r = element.getBoundingClientRect();
    const attributes = [...element.attributes].map((a) => `${a.name}=${a.value}`).join(' ');
    return `${element.tagName} ${attributes} ${r.x},${r.y},${r.width},${r.height} ${element.scrollWidth}x${element.scrollHeight} shadow:${element.shadowRoot === null ? 'none' : 'open'}`;
  });
  // biome-ignore lint/performance/useDomNodeTextContent: the text as the page's script reads it rendered.
  return JSON.stringify({ html: root.innerHTML, elements, text: button?.innerText, textContent: button?.textContent, hits });
}

/** The launcher's name as the browser gives it to a screen reader (the accessibility tree reaches into the closed root). */
async function launcherName(page: Page): Promise<string | undefined> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as { nodes: { role?: { value: string }; name?: { value: string } }[] };
    return nodes.find((node) => node.role?.value === 'button' && node.name?.value.startsWith('Профиль педагога'))?.name?.value;
  } finally {
    await cdp.detach();
  }
}

describe('the diagnostic campaign and the mark', () => {
  const env = useServerWithExtension();

  it('a campaign opens, the mark shows unseen by the page; she takes the diagnostic; the mark goes and the methodist no longer lists her', async () => {
    const { server, browser } = env;
    // As a session recorder would: every shadow root the page's world makes is forced open. The mark's is made in the
    // extension's isolated world, which this does not reach; the page view below shows it stays closed.
    await browser.context.addInitScript(() => {
      const attachShadow = Element.prototype.attachShadow;
      Element.prototype.attachShadow = function (init: ShadowRootInit) {
        return attachShadow.call(this, { ...init, mode: 'open' });
      };
    });
    const demo = server.demo!;
    const teacher = demo.teachers[0]!; // Соколова Анна Викторовна, Белоозёрск: the demo journal's teacher, no attempts yet

    // The methodist of Белоозёрск opens the campaign for the methodical competency.
    const admin = await browser.context.newPage();
    await admin.goto(`${server.url}/admin/login`);
    await admin.getByLabel('Логин').fill(demo.methodist.login);
    await admin.getByLabel('Пароль').fill(demo.methodist.password);
    await admin.getByRole('button', { name: 'Войти' }).click();
    await admin.waitForURL((url) => !url.pathname.startsWith('/admin/login'));
    await admin.goto(`${server.url}/admin/campaigns`);
    await admin.locator('#opensOn').fill(new Date().toISOString().slice(0, 10));
    await admin.locator('#closesOn').fill(new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10));
    await admin.getByLabel('Методическая').check();
    await admin.getByRole('button', { name: 'Открыть кампанию' }).click();
    await admin.getByRole('heading', { name: 'Кто не прошёл' }).waitFor();
    const campaignUrl = admin.url();
    expect(await admin.locator('.who-has-not').allTextContents()).toEqual(expect.arrayContaining([expect.stringContaining(teacher.name)]));

    // The journal: the launcher without a mark, as the page sees it.
    const page = await browser.context.newPage();
    await page.goto(`${server.url}/demo/journal`);
    const launcher = page.getByRole('button', { name: 'Профиль педагога' });
    await launcher.waitFor();
    const unmarked = await page.evaluate(pageView);
    expect(await launcherName(page)).toBe('Профиль педагога');

    // She connects: the panel marks «Диагностика» and shows the campaign; the toolbar button of the tab has its badge.
    await launcher.click();
    const panel = panelOf(page);
    await panel.getByLabel('Код подключения').fill(teacher.code);
    await panel.getByLabel(/даю согласие на обработку/).check();
    await panel.getByRole('button', { name: 'Подключить профиль' }).click();
    await panel.getByRole('tab', { name: 'Диагностика (ждёт)' }).click();
    await panel.getByText(/Диагностика открыта с/).waitFor();
    const tabId = await browser.worker.evaluate(
      async (url) => (await chrome.tabs.query({})).find((tab) => tab.url?.startsWith(url))?.id,
      `${server.url}/demo/journal`,
    );
    const badge = () =>
      browser.worker.evaluate((id) => Promise.all([chrome.action.getBadgeText({ tabId: id }), chrome.action.getTitle({ tabId: id })]), tabId!);
    await expect.poll(badge).toEqual(['!', 'Профиль педагога: пройдите диагностику']);

    // Closed: the launcher carries the mark for a screen reader and the eye, and the page reads exactly what it read before.
    await pressEscapeInPanel(page);
    await expect.poll(() => page.locator(PANEL_FRAME).count()).toBe(0);
    await expect.poll(() => launcherName(page)).toBe('Профиль педагога — есть новое');
    expect(await page.evaluate(pageView)).toBe(unmarked);

    // She takes the methodical test and sends it.
    await launcher.click();
    await panel.getByRole('tab', { name: /Диагностика/ }).click();
    await panel.getByRole('button', { name: 'Начать: Методическая компетентность: тест' }).click();
    const items = instrumentById('methodicalTest')!.items;
    for (const [i] of items.entries()) {
      await expect.poll(() => panel.textContent()).toContain(`вопрос ${i + 1} из ${items.length}`);
      await page.keyboard.press('1');
      await page.keyboard.press('Enter');
    }
    await panel.getByRole('button', { name: 'Отправить результат' }).click();
    await expect.poll(() => panel.locator('[data-pending]').count()).toBe(0);

    // Delivered: the badge goes, the tab's mark goes, the launcher's mark goes; the page still read nothing new.
    await expect.poll(badge).toEqual(['', 'Профиль педагога']);
    await panel.getByRole('tab', { name: 'Диагностика', exact: true }).click();
    await pressEscapeInPanel(page);
    await expect.poll(() => page.locator(PANEL_FRAME).count()).toBe(0);
    await expect.poll(() => launcherName(page)).toBe('Профиль педагога');
    expect(await page.evaluate(pageView)).toBe(unmarked);

    // The methodist's «Кто не прошёл» no longer lists her.
    await admin.goto(campaignUrl);
    await admin.getByRole('heading', { name: 'Кто не прошёл' }).waitFor();
    expect((await admin.locator('main').textContent()) ?? '').not.toContain(teacher.name);
    await page.close();
    await admin.close();
  });
});
