import browser, { type Runtime } from 'webextension-polyfill';
import { defineBackground } from 'wxt/utils/define-background';
import { checkServer } from '../background/check-server.ts';
import type { Request } from '../background/protocol.ts';
import { injectPanel } from '../lazy/inject-panel.ts';
import { getServerUrl } from '../settings/server-url.ts';

export default defineBackground(() => {
  browser.runtime.onMessage.addListener(async (message: unknown, sender: Runtime.MessageSender) => {
    const request = message as Request;
    switch (request.type) {
      case 'checkServer':
        return checkServer(await getServerUrl());
      case 'loadPanel':
        return injectPanel(sender);
    }
  });
});
