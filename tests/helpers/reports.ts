import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import { defaultDeficitBands } from '../../shared/schemas/instrument.ts';
import type { AttemptResult } from '../../shared/scoring/result.ts';
import { levelFor } from '../../shared/scoring/levels.ts';
import { installShippedInstruments } from '../../server/features/diagnostics/install-shipped.ts';
import { applyPendingStandings } from '../../server/features/aggregates/store/pending.ts';
import { attemptStore } from '../../server/features/diagnostics/attempt-store.ts';
import { type Db, openDatabase } from '../../server/platform/database/database.ts';
import { insertTeacher } from '../../server/features/roster/store.ts';
import { tempDataDir } from './test-server.ts';

/** A real database file with the shipped instruments and no demo data. */
export function emptyDatabase(): { db: Db; dispose(): void } {
  const dir = tempDataDir();
  const db = openDatabase(dir);
  installShippedInstruments(db);
  return {
    db,
    dispose() {
      db.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function addTeacher(db: Db, municipality: string, school: string, lastName: string, experienceYears: number | null = 10): number {
  return insertTeacher(db, {
    municipality,
    school,
    lastName,
    firstName: 'Имя',
    middleName: '',
    position: 'учитель',
    subjects: '',
    experienceYears,
  });
}

/**
 * Stores a self-assessment through the real write path with the given
 * scores per area (null: measured, too few answers), as scoring would
 * have returned them.
 */
export function addAttempt(db: Db, teacherId: number, completedAt: string, scores: Record<string, number | null>, instrumentId = 'selfAssessment'): string {
  const kind = instrumentId === 'burnoutScreening' ? 'screening' : instrumentId === 'methodicalTest' ? 'knowledgeTest' : 'selfAssessment';
  const areas: AttemptResult['areas'] = {};
  for (const [area, score] of Object.entries(scores)) {
    const level = score === null ? 'insufficientData' : area === 'wellbeing' ? 'highRisk' : levelFor(score, defaultDeficitBands);
    (areas as Record<string, unknown>)[area] = { score, level, answered: score === null ? 0 : 10, total: 10 };
  }
  const result = {
    instrumentId,
    instrumentVersion: 1,
    instrumentKind: kind,
    bands: defaultDeficitBands,
    areas,
    indicators: {},
    deficits: [],
  } as unknown as AttemptResult;
  const id = randomUUID();
  attemptStore(db).saveNow({
    id,
    teacherId,
    instrumentId,
    instrumentVersion: 1,
    completedAt,
    receivedAt: completedAt,
    answers: {},
    result,
  });
  // The attempt's trigger noted its standing; the tests read the aggregates at once.
  applyPendingStandings(db);
  return id;
}

/** Every row of the four report tables (counts of zero left out), for comparing two ways of building them. */
export function aggregateSnapshot(db: Db): Record<string, unknown[]> {
  const round = (row: Record<string, unknown>) =>
    Object.fromEntries(Object.entries(row).map(([k, v]) => [k, typeof v === 'number' ? Math.round(v * 1000) / 1000 : v]));
  const tables = { report_standings: '', report_levels: 'WHERE teachers <> 0', report_diagnosed: 'WHERE teachers <> 0', report_growth: 'WHERE teachers <> 0' };
  return Object.fromEntries(
    Object.entries(tables).map(([table, where]) => [
      table,
      (db.prepare(`SELECT * FROM ${table} ${where} ORDER BY 1, 2, 3, 4, 5`).all() as Record<string, unknown>[]).map(round),
    ]),
  );
}
