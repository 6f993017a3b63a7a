import { render } from 'preact';
import { act } from 'preact/test-utils';
import type { JournalTeacher } from '../../../extension/journals/teacher.ts';
import { BridgeContext } from '../../../extension/panel/bridge.ts';
import { Panel } from '../../../extension/panel/Panel.tsx';
import type { Harness } from '../worker-harness.ts';

export interface Rendered {
  root: HTMLElement;
  text(): string;
  unmount(): void;
}

/** The panel as the content script shows it, connected to the harness's real worker. */
export function renderPanel(h: Harness, teacher: JournalTeacher | null, needsConfirmation = false): Rendered {
  const root = document.createElement('div');
  document.body.append(root);
  act(() => {
    render(
      <BridgeContext.Provider value={h.bridge}>
        <Panel teacher={teacher} needsConfirmation={needsConfirmation} onClose={() => undefined} />
      </BridgeContext.Provider>,
      root,
    );
  });
  return {
    root,
    text: () => root.textContent ?? '',
    unmount: () => {
      render(null, root);
      root.remove();
    },
  };
}

/** Polls until `check` stops throwing (the worker and the server answer asynchronously). */
export async function waitFor<T>(check: () => T, timeoutMs = 4000): Promise<T> {
  const started = Date.now();
  for (;;) {
    try {
      return check();
    } catch (error) {
      if (Date.now() - started > timeoutMs) throw error;
      await act(() => new Promise((resolve) => setTimeout(resolve, 15)));
    }
  }
}

export function byText<E extends HTMLElement = HTMLElement>(root: HTMLElement, selector: string, text: string | RegExp): E {
  const found = [...root.querySelectorAll<E>(selector)].find((el) =>
    typeof text === 'string' ? el.textContent?.includes(text) : text.test(el.textContent ?? ''),
  );
  if (!found) throw new Error(`no ${selector} with text ${text}`);
  return found;
}

export function byLabel<E extends HTMLElement = HTMLInputElement>(root: HTMLElement, label: string | RegExp): E {
  const labelEl = byText<HTMLLabelElement>(root, 'label', label);
  const control = labelEl.htmlFor ? root.querySelector<E>(`#${labelEl.htmlFor}`) : labelEl.querySelector<E>('input, select, textarea');
  if (!control) throw new Error(`no control for label ${label}`);
  return control;
}

export async function click(element: HTMLElement): Promise<void> {
  await act(() => {
    element.click();
  });
}

export async function type(input: HTMLInputElement | HTMLTextAreaElement, value: string): Promise<void> {
  await act(() => {
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

export async function press(target: Element, key: string): Promise<void> {
  await act(() => {
    target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
  });
}

export function query<E extends Element = HTMLElement>(root: HTMLElement, selector: string): E {
  const found = root.querySelector<E>(selector);
  if (!found) throw new Error(`nothing matches ${selector}`);
  return found;
}
