import type { Requests } from './protocol.ts';
import type { ContentInjector } from './inject-content.ts';

export interface ToolbarDeps {
  injector: Pick<ContentInjector, 'tryInject'>;
  /** Sends a message to the tab's content script (tabs.sendMessage). */
  sendToTab(tabId: number, message: Requests['openPanelFromToolbar']['request']): Promise<unknown>;
}

/**
 * The toolbar button: a way to the panel that needs no markup of the journal.
 * On any page of a known journal's host (the tab's address is visible to us
 * only there) the content script goes in if it is not there yet, exactly as
 * after a load, and is asked to open the panel the way a click on the
 * launcher does; where it found no teacher page it shows one for the
 * journal, and the teacher confirms her name. Elsewhere nothing happens.
 */
export function createToolbarOpener({ injector, sendToTab }: ToolbarDeps) {
  return async function openFromToolbar(tab: { id?: number; url?: string }): Promise<boolean> {
    if (tab.id === undefined || !tab.url) return false;
    const outcome = await injector.tryInject(tab.id, tab.url, { evenLoading: true });
    if (outcome !== 'injected' && outcome !== 'taken') return false;
    try {
      return (await sendToTab(tab.id, { type: 'openPanelFromToolbar' })) === true;
    } catch {
      return false; // the tab went away
    }
  };
}
