/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { instrumentById } from '../../shared/content/index.ts';
import { PANEL_FRAME, panelOf, pressEscapeInPanel } from './panel-frame.ts';
import { useServerWithExtension } from './with-extension.ts';

/**
 * Runs in the journal page's own world before anything else, as the journal's
 * analytics, a session recorder or a chat widget could: forces every shadow
 * root open, reads every shadow root and frame it can reach, records every DOM
 * mutation's text and attributes (from the page's load on: what the journal
 * itself printed is the page's own), and every `message` event. Keeps it all
 * in `window.__captured`.
 */
function hostileRecorder() {
  const captured: string[] = [];
  (window as unknown as { __captured: string[] }).__captured = captured;
  let recording = false;
  const record = (source: string, text: string | null | undefined) => {
    if (recording && text) captured.push(`${source}: ${text}`);
  };
  const describeNode = (node: Node) => (node instanceof Element ? `${node.outerHTML} ${node.textContent}` : (node.textContent ?? ''));

  const observer = new MutationObserver((mutations) => {
    for (const mutation of mutations) {
      if (mutation.type === 'characterData') record('text', mutation.target.textContent);
      if (mutation.type === 'attributes' && mutation.target instanceof Element)
        record('attribute', `${mutation.attributeName}=${mutation.target.getAttribute(mutation.attributeName ?? '')}`);
      for (const node of mutation.addedNodes) record('added', describeNode(node));
    }
  });
  const watched = new Set<Node>();
  const watch = (root: Node) => {
    if (watched.has(root)) return;
    watched.add(root);
    observer.observe(root, { subtree: true, childList: true, characterData: true, attributes: true });
  };
  watch(document);

  // Every shadow root made from now on is open, and watched.
  const attachShadow = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init: ShadowRootInit) {
    const root = attachShadow.call(this, { ...init, mode: 'open' });
    watch(root);
    return root;
  };

  // Every message this window hears, from any frame or world.
  window.addEventListener('message', (event) => record('message', `${event.origin} ${JSON.stringify(event.data)}`), true);

  // What a recorder's snapshot takes: every reachable shadow root's content, every frame's document it can read.
  const snapshot = (root: Document | ShadowRoot) => {
    for (const element of root.querySelectorAll('*')) {
      if (element.shadowRoot) {
        watch(element.shadowRoot);
        record('shadow root', `${element.shadowRoot.innerHTML} ${element.shadowRoot.textContent}`);
        snapshot(element.shadowRoot);
      }
      if (element instanceof HTMLIFrameElement) {
        record('frame', element.src);
        try {
          const inner = element.contentDocument ?? element.contentWindow?.document;
          if (inner) record('frame document', `${inner.documentElement.outerHTML} ${inner.body?.textContent}`);
        } catch (error) {
          record('frame refused', String(error));
        }
      }
    }
  };
  // From the load on (the test starts it once `goto` has seen the load event; DOMContentLoaded proved too early once,
  // in a full run, and the journal's own header, which prints her name, was recorded): what the journal printed is its own.
  (window as unknown as { __startRecording: () => void }).__startRecording = () => {
    if (recording) return;
    recording = true;
    setInterval(() => snapshot(document), 100);
  };
}

const captured = (page: Page) => page.evaluate(() => (window as unknown as { __captured: string[] }).__captured);

describe('the teacher data out of the journal page reach', () => {
  const env = useServerWithExtension();

  it('a hostile script of the journal page captures none of her name, answers, scores, route or sign-ups', async () => {
    const { server, browser } = env;
    await browser.context.addInitScript(hostileRecorder);
    const teacher = server.demo!.teachers[0]!;
    const page = await browser.context.newPage();
    await page.goto(`${server.url}/demo/journal`);
    await page.evaluate(() => (window as unknown as { __startRecording: () => void }).__startRecording());
    await page.getByRole('button', { name: 'Профиль педагога' }).click();
    const panel = panelOf(page);

    /** Every line the panel showed her: none of it may reach the page. */
    const shown = new Set<string>();
    const note = async (scope: Locator = panel) => {
      // biome-ignore lint/performance/useDomNodeTextContent: Playwright's Locator.innerText(), the text as she sees it, line by line.
      for (const line of (await scope.innerText()).split('\n')) shown.add(line.trim());
    };

    // She connects.
    await panel.getByLabel('Код подключения').fill(teacher.code);
    await panel.getByLabel(/даю согласие на обработку/).check();
    await note();
    await panel.getByRole('button', { name: 'Подключить профиль' }).click();
    await panel.getByRole('tab', { name: 'Мой профиль' }).waitFor();
    await expect.poll(() => panel.textContent()).toContain('Пока нет результатов диагностики');
    await note();

    // She takes the burnout screening (sensitive data) by keyboard and sends it.
    await panel.getByRole('tab', { name: 'Диагностика' }).click();
    await panel.getByRole('button', { name: 'Начать: Профессиональное выгорание: скрининг' }).click();
    const items = instrumentById('burnoutScreening')!.items;
    for (const [i, _item] of items.entries()) {
      await expect.poll(() => panel.textContent()).toContain(`вопрос ${i + 1} из ${items.length}`);
      await note();
      await page.keyboard.press(i % 2 ? '2' : '4');
      await page.keyboard.press('Enter');
    }
    await panel.getByRole('heading', { name: /Предварительный результат/ }).waitFor();
    await note();
    await panel.getByRole('button', { name: 'Отправить результат' }).click();
    await expect.poll(() => panel.locator('[data-pending]').count()).toBe(0);

    // Every tab.
    for (const tab of ['Мой профиль', 'Маршрут', 'Курсы ДПО', 'Настройки']) {
      await panel.getByRole('tab', { name: new RegExp(tab) }).click();
      await expect.poll(() => panel.locator('.spinner').count()).toBe(0);
      await note();
    }

    // She signs up for a course.
    await panel.getByRole('tab', { name: 'Курсы ДПО' }).click();
    const signUp = panel.getByRole('button', { name: /^Записаться/ }).first();
    await signUp.click();
    await expect.poll(() => panel.locator('[data-enrollment]').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    await note();

    // Closed and opened again.
    await pressEscapeInPanel(page);
    await expect.poll(() => page.locator(PANEL_FRAME).count()).toBe(0);
    await page.getByRole('button', { name: 'Профиль педагога' }).click();
    await expect.poll(() => panel.textContent()).toContain(teacher.name);
    await note();
    await page.waitForTimeout(300); // one more round of the recorder's snapshots

    // The recorder works: it reached the launcher's shadow root, saw the frame come and go, and hears the page's own changes.
    await page.evaluate(() => document.body.append('контрольная запись'));
    await expect.poll(async () => (await captured(page)).some((entry) => entry.includes('контрольная запись'))).toBe(true);
    const log = await captured(page);
    expect(log.some((entry) => entry.startsWith('shadow root') && entry.includes('Профиль педагога'))).toBe(true);
    expect(log.some((entry) => entry.startsWith('added') && entry.includes('<iframe'))).toBe(true);

    // And it has none of what she saw in the panel.
    const everything = log.join('\n');
    expect(everything).not.toContain(teacher.name);
    expect(everything).not.toContain(teacher.name.split(' ')[0]);
    expect(everything).not.toContain(teacher.code);
    const panelOnly = [...shown].filter((line) => line.length >= 4 && line !== 'Профиль педагога' && line !== '×');
    expect(panelOnly.length).toBeGreaterThan(50);
    expect(panelOnly.filter((line) => everything.includes(line))).toEqual([]);
    await page.close();
  });
});
