import browser from 'webextension-polyfill';

/** One frame of one tab (0: the top frame). */
export interface ScriptTarget {
  tabId: number;
  frameId: number;
}

/**
 * Where an injected file runs: the extension's isolated world (shared by
 * everything the extension injects into one document) or the page's own world.
 */
export type ScriptWorld = 'ISOLATED' | 'MAIN';

/**
 * How the background runs code in a journal's frame. Both injections (the
 * content script after the page's load, the panel's bundle on the first open)
 * go through it; unit tests pass a stand-in.
 */
export interface ScriptRunner {
  /** Runs a built file of the extension (`/content-scripts/content.js`) in the frame. */
  file(target: ScriptTarget, file: string, world?: ScriptWorld): Promise<void>;
  /** Runs a self-contained function (no closure: it is serialized) in the frame's isolated world; resolves with its result. */
  func<T>(target: ScriptTarget, func: () => T): Promise<T | undefined>;
}

/**
 * The browser's own runner: `scripting.executeScript` (Chrome MV3, Firefox
 * 102+); Firefox builds without `browser.scripting` (MV2 before Firefox 102)
 * use tabs.executeScript, which does the same in the isolated world. Both need
 * host permission for the frame's page (wxt.config.ts grants it for the known
 * journals only).
 */
export const browserScriptRunner: ScriptRunner = {
  async file({ tabId, frameId }, file, world = 'ISOLATED') {
    if (browser.scripting) {
      // `world` only when it is the page's: older Firefox versions refuse the property altogether.
      await browser.scripting.executeScript({ target: { tabId, frameIds: [frameId] }, files: [file], ...(world === 'MAIN' && { world }) });
      return;
    }
    // tabs.executeScript has no page world; nothing asks for it there (the page bridge is not in the Firefox build).
    if (world === 'MAIN') throw new Error(`cannot run ${file} in the page's world without browser.scripting`);
    await browser.tabs.executeScript(tabId, { frameId, file });
  },
  async func({ tabId, frameId }, func) {
    if (browser.scripting) {
      const [result] = await browser.scripting.executeScript({ target: { tabId, frameIds: [frameId] }, func });
      return result?.result as ReturnType<typeof func> | undefined;
    }
    const [result] = await browser.tabs.executeScript(tabId, { frameId, code: `(${func.toString()})()` });
    return result as ReturnType<typeof func> | undefined;
  },
};
