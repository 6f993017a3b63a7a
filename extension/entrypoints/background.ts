import browser, { type Runtime } from 'webextension-polyfill';
import { defineBackground } from 'wxt/utils/define-background';
import type { Request } from '../background/protocol.ts';
import { createWorker } from '../background/worker.ts';

/** Changes waiting in the outbox are retried on this alarm too (with backoff), not only when the panel is used. */
const syncAlarm = 'profrost-sync';

export default defineBackground(() => {
  const worker = createWorker({ local: browser.storage.local, managed: browser.storage.managed });

  browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => {
    // Only our own content scripts and pages talk to the worker.
    if (sender.id !== browser.runtime.id) return undefined;
    return worker.handle(message as Request);
  });

  void browser.alarms.create(syncAlarm, { periodInMinutes: 1 });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === syncAlarm) void worker.flushAll();
  });
  // A browser that was closed with changes waiting sends them as soon as it starts.
  browser.runtime.onStartup.addListener(() => void worker.flushAll());
});
