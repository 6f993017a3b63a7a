import type { FrameLocator, Locator, Page } from 'playwright-core';

/** The panel's frame: the extension's page, inside the launcher's shadow root (Playwright's CSS pierces open shadow roots). */
export const PANEL_FRAME = 'profrost-panel iframe.panel-frame';

export function panelFrame(page: Page): FrameLocator {
  return page.frameLocator(PANEL_FRAME);
}

/** The open panel: the one landmark of the panel page, named «Профиль педагога». */
export function panelOf(page: Page): Locator {
  return panelFrame(page).getByRole('main', { name: 'Профиль педагога' });
}

/**
 * Closes the open panel with Escape, as the teacher's key does, from inside its frame and queued after the
 * evaluation returns. Playwright's own key press waits for the frame's renderer to take the key, and Escape
 * takes that renderer away: the press could wait forever (it did, in a full run). host-page.test.ts keeps one
 * real press of the key.
 */
export async function pressEscapeInPanel(page: Page): Promise<void> {
  await panelOf(page).evaluate((main) => {
    const focused = main.ownerDocument.activeElement;
    const target = focused && main.contains(focused) ? focused : main;
    setTimeout(() => target.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true })), 0);
  });
}
