// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CLOSE_PANEL_MESSAGE } from './panel-frame.ts';

/*
 * The content script's side of the panel frame, in a DOM: the launcher alone
 * until clicked, then the extension's frame in its place, and the launcher
 * back (focused) when the panel asks to close. The browser's runtime is a
 * stand-in here (happy-dom has no extension APIs); the real frame, worker and
 * panel page meet in tests/browser.
 */
type Listener = (message: unknown) => unknown;
const listeners = new Set<Listener>();
const sendMessage = vi.fn<(message: unknown) => Promise<unknown>>();
vi.mock('webextension-polyfill', () => ({
  default: {
    runtime: {
      id: 'profrost',
      getURL: (path: string) => `chrome-extension://profrost${path}`,
      sendMessage: (message: unknown) => sendMessage(message),
      onMessage: { addListener: (l: Listener) => listeners.add(l), removeListener: (l: Listener) => listeners.delete(l) },
    },
  },
}));
const { mountLauncher } = await import('./launcher.tsx');

const teacher = { name: 'Соколова Анна Викторовна', school: 'СОШ № 1', role: 'Учитель' };
let container: HTMLElement;
beforeEach(() => {
  container = document.createElement('div');
  document.body.append(container);
});
afterEach(() => {
  container.remove();
  sendMessage.mockReset();
  listeners.clear();
});

const launcherButton = () => container.querySelector<HTMLButtonElement>('button.launcher');
const frame = () => container.querySelector('iframe');
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
const tokenSent = () => (sendMessage.mock.calls[0]![0] as { token: string }).token;

describe('the launcher of the content script', () => {
  it('shows only the launcher and opens nothing until clicked', () => {
    mountLauncher(container, { teacher, needsConfirmation: false });
    expect(launcherButton()?.textContent).toBe('Профиль педагога');
    expect(frame()).toBeNull();
    expect(sendMessage).not.toHaveBeenCalled();
  });

  it('on click tells the worker of the opening and puts the panel page in a frame in place of the launcher', async () => {
    sendMessage.mockResolvedValue(true);
    const unmount = mountLauncher(container, { teacher, needsConfirmation: false });
    launcherButton()!.click();
    await settle();
    expect(sendMessage).toHaveBeenCalledWith({ type: 'openPanel', token: expect.stringMatching(/^[a-f0-9]{32}$/), teacher, needsConfirmation: false });
    expect(launcherButton()).toBeNull();
    expect(frame()?.getAttribute('src')).toBe('chrome-extension://profrost/panel.html');
    expect(frame()?.title).toBe('Профиль педагога');
    // Nothing of the teacher in the page's DOM: the frame's address carries no token and no name.
    expect(container.innerHTML).not.toContain(tokenSent());
    expect(container.innerHTML).not.toContain('Соколова');
    unmount();
    expect(container.innerHTML).toBe('');
  });

  it('on the pointer loads the panel page hidden, unreachable, and with no token; the click shows that same frame', async () => {
    sendMessage.mockResolvedValue(true);
    mountLauncher(container, { teacher, needsConfirmation: false });
    launcherButton()!.dispatchEvent(new Event('pointerover', { bubbles: true }));
    const hidden = frame()!;
    expect(hidden.getAttribute('src')).toBe('chrome-extension://profrost/panel.html');
    expect(hidden.hidden).toBe(true);
    expect(hidden.getAttribute('aria-hidden')).toBe('true');
    expect(hidden.tabIndex).toBe(-1);
    expect(hidden.className).toBe('');
    expect(sendMessage).not.toHaveBeenCalledWith(expect.objectContaining({ type: 'openPanel' }));

    launcherButton()!.click();
    await settle();
    expect(frame()).toBe(hidden);
    expect(container.querySelectorAll('iframe')).toHaveLength(1);
    expect([hidden.hidden, hidden.hasAttribute('aria-hidden'), hidden.className]).toEqual([false, false, 'panel-frame']);
    expect(sendMessage).toHaveBeenCalledWith(expect.objectContaining({ type: 'openPanel' }));
  });

  it('closes when its own panel asks, and gives the focus back to the launcher', async () => {
    sendMessage.mockResolvedValue(true);
    mountLauncher(container, { teacher, needsConfirmation: false });
    launcherButton()!.click();
    await settle();
    for (const listener of listeners) listener({ type: CLOSE_PANEL_MESSAGE, token: 'f'.repeat(32) });
    expect(frame()).not.toBeNull(); // another opening's token: not ours
    for (const listener of listeners) listener({ type: CLOSE_PANEL_MESSAGE, token: tokenSent() });
    await settle();
    expect(frame()).toBeNull();
    expect(document.activeElement).toBe(launcherButton());
  });

  it('says so when the worker cannot be reached, and tries again on the next click', async () => {
    sendMessage.mockRejectedValueOnce(new Error('the background worker is gone'));
    mountLauncher(container, { teacher, needsConfirmation: false });
    launcherButton()!.click();
    await settle();
    await settle();
    expect(container.querySelector('[role="alert"]')?.textContent).toContain('Не удалось открыть панель');
    expect(frame()).toBeNull();

    sendMessage.mockResolvedValueOnce(true);
    launcherButton()!.click();
    await settle();
    expect(sendMessage).toHaveBeenCalledTimes(2);
    expect(frame()).not.toBeNull();
  });
});
