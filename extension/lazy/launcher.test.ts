// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { MountPanel } from './panel-handle.ts';

/*
 * The content script's side of lazy loading, in a DOM: the launcher alone
 * until clicked, then the panel's root in its place. loadPanel (which asks the
 * background worker to inject panel.js) is replaced by a stand-in here; the
 * real injection runs in tests/browser/host-page.test.ts.
 */
const loadPanel = vi.fn<() => Promise<MountPanel>>();
vi.mock('./load-panel.ts', () => ({ loadPanel: () => loadPanel() }));
const { mountLauncher } = await import('./launcher.tsx');

const teacher = { name: 'Соколова Анна Викторовна', school: 'СОШ № 1', role: 'Учитель' };
let container: HTMLElement;
beforeEach(() => {
  container = document.createElement('div');
  document.body.append(container);
});
afterEach(() => {
  container.remove();
  loadPanel.mockReset();
});

const launcherButton = () => container.querySelector<HTMLButtonElement>('button.launcher');
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('the launcher of the content script', () => {
  it('shows only the launcher and loads nothing until clicked', () => {
    mountLauncher(container, { teacher, needsConfirmation: false });
    expect(launcherButton()?.textContent).toBe('Профиль педагога');
    expect(loadPanel).not.toHaveBeenCalled();
  });

  it('on click mounts the panel, already open, in a root of its own in place of the launcher', async () => {
    const unmountPanel = vi.fn();
    const mountPanel = vi.fn<MountPanel>((root) => {
      root.innerHTML = '<aside role="dialog">панель</aside>';
      return unmountPanel;
    });
    loadPanel.mockResolvedValue(mountPanel);
    const unmount = mountLauncher(container, { teacher, needsConfirmation: false });

    launcherButton()!.click();
    await settle();
    expect(mountPanel).toHaveBeenCalledWith(expect.any(HTMLElement), { teacher, needsConfirmation: false, initiallyOpen: true });
    expect(launcherButton()).toBeNull();
    expect(container.querySelectorAll('[role="dialog"]')).toHaveLength(1);

    unmount();
    expect(unmountPanel).toHaveBeenCalledOnce();
  });

  it('says so when the panel cannot be loaded, and tries again on the next click', async () => {
    loadPanel.mockRejectedValueOnce(new Error('the background worker is gone'));
    mountLauncher(container, { teacher, needsConfirmation: false });
    launcherButton()!.click();
    await settle();
    expect(container.querySelector('[role="alert"]')?.textContent).toContain('Не удалось открыть панель');
    expect(launcherButton()).not.toBeNull();

    loadPanel.mockResolvedValueOnce(() => () => undefined);
    launcherButton()!.click();
    await settle();
    expect(loadPanel).toHaveBeenCalledTimes(2);
    expect(launcherButton()).toBeNull();
  });

  it('loads once however often the teacher clicks while it is loading', async () => {
    let finish: (mount: MountPanel) => void = () => undefined;
    loadPanel.mockReturnValue(new Promise((resolve) => (finish = resolve)));
    mountLauncher(container, { teacher, needsConfirmation: false });
    launcherButton()!.click();
    await settle();
    launcherButton()?.click();
    launcherButton()?.click();
    finish(() => () => undefined);
    await settle();
    expect(loadPanel).toHaveBeenCalledOnce();
  });
});
