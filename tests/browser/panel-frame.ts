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
