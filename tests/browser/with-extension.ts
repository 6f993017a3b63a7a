import { afterAll, beforeAll } from 'vitest';
import type { TestServer } from '../helpers/test-server.ts';
import { type ExtensionBrowser, startServerWithExtension } from './chromium.ts';

export interface ServerWithExtension {
  server: TestServer;
  /** Replaceable: a test that reloads the extension puts the new worker's browser handle here. */
  browser: ExtensionBrowser;
}

/**
 * For one describe block: the server with its demo data and Chromium with the
 * extension pointed at it, started before the block's tests and closed after
 * them. Read its fields inside the tests (they are set in beforeAll).
 */
export function useServerWithExtension(): ServerWithExtension {
  const setup = {} as ServerWithExtension;
  let close: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    const started = await startServerWithExtension();
    setup.server = started.server;
    setup.browser = started.browser;
    close = started.close;
  });
  afterAll(() => close?.());
  return setup;
}
