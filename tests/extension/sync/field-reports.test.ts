// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createWorker } from '../../../extension/background/worker.ts';
import { readPageSkeleton, skeletonLimits } from '../../../extension/report/skeleton.ts';
import { loadPage } from '../../../extension/testing/journal-pages.ts';
import { reportFixture, reportFixtureSecrets, reportFixtureUrl } from '../../../extension/testing/report-fixture.ts';
import { PAGE_GLOBALS } from '../../../shared/journals/adapter-schema.ts';
import { type Harness, testServerUrl, workerHarness } from '../worker-harness.ts';

/**
 * The loop back from the field through the real worker and the real server:
 * a page reported from a fixture full of names and tokens arrives with none of
 * them, in the database and on «Журналы»; detection counts arrive once.
 */
describe('reports and counts from the worker to «Журналы»', () => {
  let h: Harness;
  let worker: ReturnType<typeof createWorker>;
  let sessionId: string;
  let ids = 0;
  beforeEach(async () => {
    h = await workerHarness();
    worker = createWorker({
      local: h.storage,
      fetch: async (input, init) => h.t.app.request(input.replace(testServerUrl, ''), init),
      pinIterations: 1000,
      randomId: () => `00000000-0000-4000-8000-${String(++ids).padStart(12, '0')}`,
      // As the browser runs it in the journal's tab: here the fixture page in happy-dom's window.
      capturePage: async () => readPageSkeleton(PAGE_GLOBALS, skeletonLimits, window as unknown as Window),
    });
    const teacher = h.t.demo.teachers[0]!;
    const connected = await worker.handle({
      type: 'connect',
      code: teacher.code,
      device: 'Тест',
      journalName: '',
      confirmedName: teacher.name,
      vouched: false,
      pin: '4821',
      consentAccepted: true,
    });
    if (!connected.ok) throw new Error(connected.message);
    sessionId = connected.session.id;
  });
  afterEach(() => h.dispose());

  const tab = { tabId: 7, tabUrl: reportFixtureUrl };

  it('sends a reported page with no text, value or token of it to the database', async () => {
    loadPage(reportFixture, reportFixtureUrl);
    expect(await worker.handle({ type: 'reportPage', sessionId, reason: 'nameCorrected' }, tab)).toEqual({ ok: true });
    await worker.handle({ type: 'sync', sessionId });
    const rows = h.t.db.prepare('SELECT * FROM journal_reports').all() as Record<string, string>[];
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ journal: 'sgo', host: 'sgo.e-yakutia.ru', reason: 'nameCorrected' });
    const stored = JSON.stringify(rows[0]);
    for (const secret of reportFixtureSecrets) expect(stored, secret).not.toContain(secret);
    expect(stored).toContain('user-name');
    // «Журналы» shows the same row (tests/browser/journal-reports.test.ts greps the page too; happy-dom's fetch drops the admin forms' Origin).
  });

  it('refuses without the tab of a journal page, and queues nothing', async () => {
    expect(await worker.handle({ type: 'reportPage', sessionId, reason: 'noName' })).toEqual({
      ok: false,
      message: expect.stringContaining('со страницы журнала'),
    });
    expect((await worker.handle({ type: 'getSync', sessionId })).entries).toEqual([]);
  });

  it('counts detection per journal and host, and the server adds each batch once', async () => {
    for (const event of ['pagesSeen', 'pagesSeen', 'identityRead', 'corrected', 'launcherFailed'] as const)
      await worker.handle({ type: 'countDetection', event }, tab);
    await worker.handle({ type: 'countDetection', event: 'pagesSeen' }, { tabId: 8, tabUrl: 'https://gym40.eljur.ru/journal-app/view.journal' });
    await worker.flushAll();
    await worker.flushAll(); // within the hour: no second batch
    const counts = () =>
      h.t.db
        .prepare(
          'SELECT journal, host, pages_seen AS p, identity_read AS r, corrected AS k, launcher_failed AS f FROM journal_detection_counts ORDER BY journal',
        )
        .all();
    expect(counts()).toEqual([
      { journal: 'eljur', host: 'gym40.eljur.ru', p: 1, r: 0, k: 0, f: 0 },
      { journal: 'sgo', host: 'sgo.e-yakutia.ru', p: 2, r: 1, k: 1, f: 1 },
    ]);
    // A batch sent again (an answer lost on the way) adds nothing.
    const [batch] = h.t.db.prepare('SELECT id FROM journal_detection_batches').all() as { id: string }[];
    const token = (h.storage.dump().sessions as { token: string }[])[0]!.token;
    const again = await h.t.json(
      'POST',
      '/api/v1/journal-health',
      { id: batch!.id, counts: [{ journal: 'sgo', host: 'sgo.e-yakutia.ru', pagesSeen: 2, identityRead: 1, confirmed: 0, corrected: 1, launcherFailed: 1 }] },
      token,
    );
    expect(await again.json()).toEqual({ received: false });
    expect(counts()).toEqual([
      { journal: 'eljur', host: 'gym40.eljur.ru', p: 1, r: 0, k: 0, f: 0 },
      { journal: 'sgo', host: 'sgo.e-yakutia.ru', p: 2, r: 1, k: 1, f: 1 },
    ]);
    expect(JSON.stringify(h.storage.dump())).not.toContain('"health:counts":{"');
  });
});
