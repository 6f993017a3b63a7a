import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { framework, instrumentById } from '../../../shared/content/index.ts';
import { scoreOrThrow } from '../../../server/features/diagnostics/prepare-submission.ts';
import { rebuildReportAggregates } from '../../../server/features/aggregates/store/rebuild.ts';
import { startReportRefresher } from '../../../server/features/aggregates/refresher.ts';
import { attemptStore, encodeAttempt } from '../../../server/features/diagnostics/attempt-store.ts';
import { createCouncilToken } from '../../../server/platform/database/council-token-store.ts';
import { openDatabase } from '../../../server/platform/database/database.ts';
import { aggregateSnapshot } from '../../helpers/reports.ts';
import { signIn } from '../../helpers/admin-client.ts';
import { bodyOf, createTestApp, type TestApp } from '../../helpers/test-app.ts';
import { messages } from '../../../server/features/staff-reports/messages.ts';

const selfAssessment = instrumentById('selfAssessment')!;

/** A complete self-assessment with every Likert item at `value`. */
function sitting(value: number, completedAt = '2026-11-20T10:00:00.000+09:00') {
  const answers: Record<string, number | string | string[]> = {};
  for (const item of selfAssessment.items) {
    answers[item.id] = item.kind === 'likert' ? value : item.kind === 'single' ? item.options[0]!.id : [item.options[0]!.id];
  }
  return { id: randomUUID(), instrumentId: selfAssessment.id, instrumentVersion: selfAssessment.version, answers, completedAt };
}

describe('report aggregates written behind the attempts', () => {
  let t: TestApp;
  let tokens: string[];
  beforeEach(async () => {
    t = await createTestApp();
    tokens = [];
    for (const teacher of t.demo.teachers.slice(0, 3)) {
      tokens.push((await bodyOf(await t.json('POST', '/api/v1/connect', { code: teacher.code, device: 'ноутбук' }))).token);
    }
  });
  afterEach(() => t.dispose());

  const pending = () => (t.db.prepare('SELECT count(*) AS n FROM report_pending').get() as { n: number }).n;
  const standingsOf = (teacherId: number) => t.db.prepare('SELECT area, level FROM report_standings WHERE teacher_id = ?').all(teacherId);
  /** What a full rebuild from the stored attempts gives, to compare the incremental aggregates with. */
  const rebuilt = () => {
    const copy = openDatabase(t.dataDir);
    try {
      rebuildReportAggregates(copy);
      return aggregateSnapshot(copy);
    } finally {
      copy.close();
    }
  };

  it('includes a diagnostic finished a moment ago in the next summary the council reads', async () => {
    const council = createCouncilToken(t.db, 'совет');
    for (const [i, token] of tokens.entries()) expect((await t.json('POST', '/api/v1/attempts', sitting(1 + i), token)).status).toBe(201);

    const response = await t.json('GET', '/api/v1/reports/participation.json?by=municipality&period=2026-2027', undefined, council);
    expect(response.status).toBe(200);
    expect(pending()).toBe(0);
    const snapshot = aggregateSnapshot(t.db);
    expect(new Set(snapshot.report_standings!.map((row) => (row as { teacher_id: number }).teacher_id)).size).toBe(3);
    expect(snapshot).toEqual(rebuilt());
  });

  it('counts the growth between two school years noted in one turn as a full rebuild does', async () => {
    const council = createCouncilToken(t.db, 'совет');
    for (const [i, token] of tokens.entries()) {
      await t.json('POST', '/api/v1/attempts', sitting(1 + i, '2025-11-20T10:00:00.000+09:00'), token);
      await t.json('POST', '/api/v1/attempts', sitting(3 + i, '2026-11-20T10:00:00.000+09:00'), token);
    }
    expect(pending()).toBe(6);
    await t.json('GET', '/api/v1/reports/participation.json?by=municipality&period=2026-2027', undefined, council);
    expect(pending()).toBe(0);
    const snapshot = aggregateSnapshot(t.db);
    expect(snapshot.report_growth!.length).toBeGreaterThan(0);
    expect(snapshot).toEqual(rebuilt());
  });

  it('brings the aggregates up to date by itself once the submissions pause', async () => {
    for (const token of tokens) await t.json('POST', '/api/v1/attempts', sitting(2), token);
    const teacherId = t.demo.teachers[0]!.id;
    // Nobody reads a report: the refresher applies the notes in the pause after the last submission.
    await vi.waitFor(() => expect(pending()).toBe(0), { timeout: 5000, interval: 50 });
    expect(standingsOf(teacherId).length).toBeGreaterThan(0);
    expect(aggregateSnapshot(t.db)).toEqual(rebuilt());
  });
});

describe('report notes across a restart and under a load that never pauses', () => {
  let t: TestApp;
  beforeEach(async () => (t = await createTestApp()));
  afterEach(() => t.dispose());

  const teacherIds = () => t.demo.teachers.map((teacher) => teacher.id);
  const pendingIn = (db: typeof t.db) => (db.prepare('SELECT count(*) AS n FROM report_pending').get() as { n: number }).n;
  /** Stores sittings through the group commit, with no refresher listening: as if the server died right after. */
  async function storeWithoutApplying(db: typeof t.db, count: number) {
    const attempts = attemptStore(db);
    await Promise.all(
      Array.from({ length: count }, (_, i) =>
        attempts.saveOnce(encodeAttempt(scoreOrThrow({ db, framework }, teacherIds()[i % teacherIds().length]!, sitting(1 + (i % 5))))),
      ),
    );
  }

  it('keeps the notes of acknowledged attempts in the database and applies them after a restart', async () => {
    await storeWithoutApplying(t.db, 8);
    expect(pendingIn(t.db)).toBeGreaterThan(0);
    t.db.close();

    const reopened = openDatabase(t.dataDir);
    t.db = reopened;
    startReportRefresher(reopened, { quietMs: 10 });
    await vi.waitFor(() => expect(pendingIn(reopened)).toBe(0), { timeout: 5000, interval: 20 });
    const incremental = aggregateSnapshot(reopened);
    rebuildReportAggregates(reopened);
    expect(incremental).toEqual(aggregateSnapshot(reopened));
  });

  it('shows a report page at once after a peak, saying that some diagnostics are still being counted', async () => {
    // 8 teachers × 32 учебных года: 256 notes, more than one reading settles.
    const attempts = attemptStore(t.db);
    await Promise.all(
      Array.from({ length: 256 }, (_, i) => {
        const completedAt = `${1995 + Math.floor(i / 8)}-11-20T10:00:00.000+09:00`;
        return attempts.saveOnce(encodeAttempt(scoreOrThrow({ db: t.db, framework }, teacherIds()[i % 8]!, sitting(3, completedAt))));
      }),
    );
    expect(pendingIn(t.db)).toBe(256);
    const admin = await signIn(t.app, 'admin', t.demo.admin.password);
    const page = await (await admin.get('/admin/overview')).text();
    const left = pendingIn(t.db);
    expect(left).toBeGreaterThan(0);
    expect(left).toBeLessThan(256);
    expect(page).toContain(messages.adminPages.reportPages.stillCounting(left));
    // Once everything is counted, the note is gone.
    while (pendingIn(t.db) > 0) await admin.get('/admin/overview');
    expect(await (await admin.get('/admin/overview')).text()).not.toContain('ещё учитываются');
  });

  it('keeps a note that cannot be applied, logged once, and applies every other', async () => {
    await storeWithoutApplying(t.db, 40);
    // One teacher's stored result made unreadable (a damaged file, say).
    const broken = teacherIds()[0]!;
    t.db.prepare("UPDATE attempts SET result_json = '[1,' WHERE teacher_id = ?").run(broken);
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      startReportRefresher(t.db, { quietMs: 10, firstChunk: 4, sliceMs: 0 });
      await vi.waitFor(() => expect(pendingIn(t.db)).toBe(1), { timeout: 5000, interval: 20 });
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(t.db.prepare('SELECT teacher_id AS id FROM report_pending').pluck().all()).toEqual([broken]);
      const standing = t.db.prepare('SELECT count(DISTINCT teacher_id) FROM report_standings').pluck().get();
      expect(standing).toBe(teacherIds().length - 1);
      // Once by the reports' refresher; the ИОМ's refresher logs the same damaged teacher once on its own.
      expect(errors.mock.calls.filter(([first]) => !String(first).startsWith('ИОМ педагога'))).toHaveLength(1);
    } finally {
      errors.mockRestore();
    }
  });

  it('applies the notes in short turns when the submissions never pause', async () => {
    await storeWithoutApplying(t.db, 40);
    const refresher = startReportRefresher(t.db, { quietMs: 50, maxLagMs: 100, firstChunk: 2, sliceMs: 0 });
    // A submission every 10 ms: never 50 ms of quiet, so only the lag lets the notes through.
    const busy = setInterval(() => refresher.stored(), 10);
    try {
      await vi.waitFor(() => expect(pendingIn(t.db)).toBe(0), { timeout: 5000, interval: 20 });
    } finally {
      clearInterval(busy);
    }
  });
});
