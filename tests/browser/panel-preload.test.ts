import { describe, expect, it } from 'vitest';
import { PANEL_FRAME, panelOf } from './panel-frame.ts';
import { useServerWithExtension } from './with-extension.ts';

/** Any frame in the launcher's shadow root: the shown panel's (PANEL_FRAME) or one loading hidden ahead of a click. */
const ANY_FRAME = 'profrost-panel iframe';

/*
 * The panel's page loads ahead of the click, on intent (the pointer on the
 * launcher): hidden, unreachable by Tab and by a screen reader, showing
 * nothing; the click shows that very frame with the teacher's profile. Without
 * intent no frame is made, and one preloaded and not used goes away.
 */
describe('the panel preloaded on intent', () => {
  const env = useServerWithExtension();

  it('loads hidden while the pointer rests on the launcher, and the click shows that frame with the profile', async () => {
    const page = await env.browser.context.newPage();
    await page.goto(`${env.server.url}/demo/journal`);
    const launcher = page.getByRole('button', { name: 'Профиль педагога' });
    await launcher.waitFor();
    expect(await page.locator(ANY_FRAME).count()).toBe(0);

    await launcher.hover();
    const hidden = page.locator(ANY_FRAME);
    await expect.poll(() => hidden.count()).toBe(1);
    // Its page loads (in the extension's origin) but has no token: nothing of the teacher, nothing to see or reach.
    await expect.poll(() => page.frames().some((frame) => frame.url().endsWith('/panel.html'))).toBe(true);
    expect(await hidden.isVisible()).toBe(false);
    expect(await hidden.evaluate((frame: HTMLIFrameElement) => [frame.inert, frame.getAttribute('aria-hidden'), frame.tabIndex])).toEqual([true, 'true', -1]);
    expect(await page.locator(PANEL_FRAME).count()).toBe(0);
    const preloaded = page.frames().find((frame) => frame.url().endsWith('/panel.html'))!;
    expect(await preloaded.evaluate(() => document.body.textContent?.trim())).toBe('');
    // Tab from the launcher does not go into it.
    await launcher.focus();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.querySelector('profrost-panel')?.shadowRoot?.activeElement?.tagName ?? null)).not.toBe('IFRAME');

    await launcher.click();
    await expect.poll(() => panelOf(page).textContent()).toContain('Соколова Анна Викторовна');
    // The same frame, shown: no second one was made.
    expect(await page.locator(ANY_FRAME).count()).toBe(1);
    expect(await page.locator(PANEL_FRAME).isVisible()).toBe(true);
    expect(page.frames().filter((frame) => frame.url().endsWith('/panel.html'))).toEqual([preloaded]);
    await page.close();
  });

  it('removes a preloaded frame soon after the pointer leaves without a click', async () => {
    const page = await env.browser.context.newPage();
    await page.goto(`${env.server.url}/demo/journal`);
    const launcher = page.getByRole('button', { name: 'Профиль педагога' });
    await launcher.hover();
    await expect.poll(() => page.locator(ANY_FRAME).count()).toBe(1);
    await page.mouse.move(5, 5);
    await expect.poll(() => page.locator(ANY_FRAME).count(), { timeout: 8_000 }).toBe(0);
    // And the launcher still opens the panel after that.
    await launcher.click();
    await expect.poll(() => panelOf(page).textContent()).toContain('Соколова Анна Викторовна');
    await page.close();
  });
});
