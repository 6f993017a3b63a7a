import { describe, expect, it } from 'vitest';
import { setServerUrl } from './chromium.ts';
import { useServerWithExtension } from './with-extension.ts';
import { panelOf } from './panel-frame.ts';

describe('the panel in the demo journal', () => {
  const env = useServerWithExtension();

  it('opens from the launcher and reports the server as reachable', async () => {
    const { server, browser } = env;
    const page = await browser.context.newPage();
    await page.goto(`${server.url}/demo/journal`);
    const launcher = page.getByRole('button', { name: 'Профиль педагога' });
    await launcher.click();

    const panel = panelOf(page);
    await expect.poll(() => panel.textContent(), { timeout: 5000 }).toContain('Сервер ПрофРоста доступен (версия');
    // The teacher the journal shows as logged in: the demo's first teacher.
    expect(await panel.textContent()).toContain('Соколова Анна Викторовна');
    await page.close();
  });

  it('says so when the server does not answer, and checks again on request', async () => {
    const { server, browser } = env;
    const page = await browser.context.newPage();
    await page.goto(`${server.url}/demo/journal`);
    await setServerUrl(browser, 'http://localhost:9'); // discard port: nothing listens there
    await page.getByRole('button', { name: 'Профиль педагога' }).click();
    const panel = panelOf(page);
    await expect.poll(() => panel.textContent(), { timeout: 5000 }).toContain('Сервер ПрофРоста недоступен');

    await setServerUrl(browser, server.url);
    // The server's address and its check are behind «Дополнительно» (the code comes first).
    await panel.getByText('Дополнительно: адрес сервера').click();
    await panel.getByRole('button', { name: 'Проверить ещё раз' }).click();
    await expect.poll(() => panel.textContent()).toContain('Сервер ПрофРоста доступен');
    await page.close();
  });

  it('injects nothing into a journal page that is not a teacher page', async () => {
    const { server, browser } = env;
    const page = await browser.context.newPage();
    // Wait until the extension has certainly run on a teacher page of the same journal...
    await page.goto(`${server.url}/demo/journal`);
    await page.getByRole('button', { name: 'Профиль педагога' }).waitFor();
    // ...then open the journal's sign-in page, which the content script also matches.
    await page.goto(`${server.url}/demo/journal/login`);
    await page.getByRole('button', { name: 'Войти' }).waitFor();
    await page.waitForTimeout(500);
    expect(await page.locator('profrost-panel').count()).toBe(0);
    await page.close();
  });
});
