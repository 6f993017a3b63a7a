/// <reference lib="dom" />
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outboxEntryFor } from '../../extension/background/changes.ts';
import type { OutboxEntry } from '../../extension/sync/outbox.ts';
import { outboxKey, type Session } from '../../extension/sync/sessions.ts';
import { startTestServer, type TestServer } from '../helpers/test-server.ts';
import { type ExtensionBrowser, launchWithExtension, setServerUrl, stopServiceWorkers } from './chromium.ts';
import { type JournalHosts, page, startJournalHosts } from './journal-hosts.ts';

declare const chrome: { storage: { local: { set(items: object): Promise<void> } } };

const launcherName = 'Профиль педагога';
const journalUrl = 'https://sgo.e-mordovia.ru/app/school/journal/';

/*
 * The launcher on every journal load: more than 200 loads of a tiny Сетевой
 * город page at its real host (so the page-world bridge and the page global
 * are in the path), over three starts of one browser profile — each start's
 * first load in the browser's first tab — with the extension's worker stopped
 * every 20 loads, and loads of every kind: reload, a new address in the same
 * tab, a new tab. Every load must show exactly one launcher.
 */
describe('the launcher on every journal load', () => {
  let journals: JournalHosts;
  let server: TestServer;
  let profile: string;

  beforeAll(async () => {
    journals = await startJournalHosts([{ host: 'sgo.e-mordovia.ru', path: /^\/app\/school\//, answer: page('tiny-journal.html') }]);
    server = await startTestServer();
    profile = fs.mkdtempSync(path.join(os.tmpdir(), 'profrost-profile-'));
  });
  afterAll(async () => {
    await journals?.close();
    await server?.dispose();
    if (profile) fs.rmSync(profile, { recursive: true, force: true });
  });

  it('shows it on 200 of 200 loads, the first tab after each browser start and after the worker slept included', async () => {
    const misses: string[] = [];
    let loads = 0;
    /** One load: waits for the launcher, notes a miss (or a second launcher) instead of stopping. */
    async function expectLauncher(tab: Page, what: string, timeout = 10_000) {
      loads++;
      try {
        await tab.getByRole('button', { name: launcherName }).waitFor({ timeout });
        const count = await tab.locator('profrost-panel').count();
        if (count !== 1) misses.push(`${what}: ${count} launchers`);
      } catch {
        misses.push(`${what}: no launcher`);
      }
    }

    for (const start of [1, 2, 3]) {
      const browser: ExtensionBrowser = await launchWithExtension(undefined, { userDataDir: profile, args: journals.args });
      if (start === 1) await setServerUrl(browser, server.url);
      // The browser's first tab, right after its start.
      let tab = browser.context.pages()[0] ?? (await browser.context.newPage());
      await tab.goto(journalUrl);
      // The first tab comes while the browser and the extension are still starting: on a loaded 2-core CI machine the
      // launcher came later than 10 s there, twice in some thirty full runs (never on later loads), so it has 30 s.
      await expectLauncher(tab, `start ${start}, first tab`, 30_000);
      for (let i = 1; i < 70; i++) {
        const what = `start ${start}, load ${i}`;
        if (i % 20 === 0) await stopServiceWorkers(browser.context);
        switch (i % 3) {
          case 0:
            await tab.reload();
            break;
          case 1:
            await tab.goto(`${journalUrl}?lesson=${i}`);
            break;
          default: {
            const next = await browser.context.newPage();
            await tab.close();
            tab = next;
            await tab.goto(`${journalUrl}day/${i}`);
          }
        }
        await expectLauncher(tab, `${what}${i % 20 === 0 ? ' (worker had been stopped)' : ''}`);
      }
      await browser.close();
    }
    expect(misses).toEqual([]);
    expect(loads).toBeGreaterThanOrEqual(200);
  }, 600_000);
});

describe('the outbox at the browser’s start', () => {
  let server: TestServer;
  let profile: string;
  beforeAll(async () => {
    server = await startTestServer();
    profile = fs.mkdtempSync(path.join(os.tmpdir(), 'profrost-profile-'));
  });
  afterAll(async () => {
    await server?.dispose();
    if (profile) fs.rmSync(profile, { recursive: true, force: true });
  });

  it('a change left waiting (with a long backoff) when the browser closed arrives within 10 s of its next start', async () => {
    const teacher = server.demo!.teachers[0]!;
    const answer = await fetch(`${server.url}/api/v1/connect`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code: teacher.code, device: 'Ноутбук' }),
    });
    const connected = (await answer.json()) as { token: string; teacher: Session['teacher'] };
    const run = server.db
      .prepare(
        "SELECT r.id AS runId, r.program_id AS programId FROM program_runs r JOIN programs p ON p.id = r.program_id WHERE p.archived = 0 AND r.start_date > date('now') ORDER BY r.start_date LIMIT 1",
      )
      .get() as { runId: string; programId: string };
    const enrollmentId = crypto.randomUUID();
    const at = new Date().toISOString();
    const session: Session = {
      id: 'session-1',
      serverUrl: server.url,
      token: connected.token,
      teacher: connected.teacher,
      journalNames: [teacher.name],
      consentAcceptedAt: at,
      connectedAt: at,
    };
    // As the outbox keeps a sign-up the server did not take before the browser closed: tried, and not due for ten minutes.
    const entry: OutboxEntry = {
      ...outboxEntryFor({ kind: 'signUp', enrollmentId, ...run, label: 'Запись на программу' }, 'entry-1'),
      createdAt: at,
      tries: 6,
      nextTryAt: Date.now() + 10 * 60_000,
      state: 'pending',
      error: null,
    };

    // The server is down while the first browser writes the entry, so that this browser cannot deliver it
    // (the worker tries its outbox whenever it wakes); it comes back at the same address with the same data.
    const { dataDir, url } = server;
    await server.close();
    let browser = await launchWithExtension(undefined, { userDataDir: profile });
    await setServerUrl(browser, url);
    await browser.worker.evaluate(([key, session, entry]) => chrome.storage.local.set({ sessions: [session], [key as string]: [entry] }), [
      outboxKey(session.id),
      session,
      entry,
    ] as const);
    await browser.close();
    server = await startTestServer({ dataDir, port: Number(new URL(url).port) });

    const signedUp = () => (server.db.prepare('SELECT count(*) AS n FROM enrollments WHERE id = ?').get(enrollmentId) as { n: number }).n;
    expect(signedUp()).toBe(0);
    const started = Date.now();
    browser = await launchWithExtension(undefined, { userDataDir: profile });
    try {
      await expect.poll(signedUp, { timeout: 10_000, interval: 200 }).toBe(1);
      expect(Date.now() - started).toBeLessThan(10_000);
    } finally {
      await browser.close();
    }
  });
});
