import browser from 'webextension-polyfill';
import { defineBackground } from 'wxt/utils/define-background';
import { checkServer } from '../background/check-server.ts';
import type { Request } from '../background/protocol.ts';
import { getServerUrl } from '../settings/server-url.ts';

export default defineBackground(() => {
  browser.runtime.onMessage.addListener(async (message: unknown) => {
    const request = message as Request;
    switch (request.type) {
      case 'checkServer':
        return checkServer(await getServerUrl());
    }
  });
});
