import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { framework, instrumentById } from '../../shared/content/index.ts';
import { type Preparation, prepareInThread } from '../../server/features/diagnostics/prepare-submission.ts';
import { startScoringWorker } from '../../server/features/diagnostics/scoring-worker.ts';
import { installShippedInstruments } from '../../server/features/diagnostics/install-shipped.ts';
import { openDatabase } from '../../server/platform/database/database.ts';
import { randomAttemptBody } from '../../bench/setup.ts';
import { useTempDataDirs } from '../helpers/test-server.ts';

describe('the scoring thread', () => {
  const freshDir = useTempDataDirs();

  it('prepares a submission as the requests’ thread would, refuses a bad one with the same sentence, and hands over to that thread when stopped', async () => {
    const dir = freshDir();
    const db = openDatabase(dir);
    installShippedInstruments(db);
    const scoring = startScoringWorker(db);
    await scoring.ready;
    const here = prepareInThread(db, framework);
    const text = randomAttemptBody(instrumentById('selfAssessment')!);
    // Both are scored the same way; only the moment of receipt differs.
    const withoutTime = (preparation: Preparation) => {
      if (!('prepared' in preparation)) return preparation;
      const { receivedAt: _, ...row } = preparation.prepared.row;
      const { receivedAt: __, ...answer } = JSON.parse(preparation.prepared.answerJson) as Record<string, unknown>;
      return { row, answer };
    };

    const there = await scoring.prepare(7, text);
    expect('prepared' in there && there.prepared.row.teacherId).toBe(7);
    expect(withoutTime(there)).toEqual(withoutTime(await here(7, text)));
    const bad = JSON.stringify({ ...JSON.parse(text), instrumentVersion: 99 });
    expect(await scoring.prepare(7, bad)).toEqual(await here(7, bad));
    expect(await scoring.prepare(7, '{')).toEqual({ refused: { kind: 'badBody', code: 'invalid_json', message: expect.stringMatching(/JSON/) } });

    await scoring.stop();
    expect('prepared' in (await scoring.prepare(7, text))).toBe(true);
    db.close();
  });

  it('is ready even when the thread cannot start, and then prepares on the requests’ thread', async () => {
    const db = openDatabase(freshDir());
    installShippedInstruments(db);
    // The thread opens the database by its name, and finds nothing there; this connection keeps its open file.
    fs.renameSync(db.name, `${db.name}.moved`);
    const scoring = startScoringWorker(db);
    await scoring.ready;
    const preparation = await scoring.prepare(7, randomAttemptBody(instrumentById('selfAssessment')!));
    expect('prepared' in preparation && preparation.prepared.row.teacherId).toBe(7);
    await scoring.stop();
    db.close();
  });
});
