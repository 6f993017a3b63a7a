import { randomInt, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Instrument } from '../shared/schemas/instrument.ts';
import { seedDemo } from '../server/features/demo/seed.ts';
import { openDatabase } from '../server/platform/database/database.ts';
import { redeemConnectionCode } from '../server/platform/database/device-store.ts';
import { installShippedInstruments } from '../server/features/diagnostics/install-shipped.ts';
import { issueCodes } from '../server/features/roster/teacher-access.ts';
import { insertTeacher } from '../server/features/roster/store.ts';

/**
 * A fresh data folder with the demo republic, the shipped instruments, and
 * `teachers` more teachers (in 20 schools of 4 municipalities), each with an
 * connected device. Many teachers, because a real peak is many teachers
 * submitting once each: one teacher submitting thousands of times would let
 * per-teacher work (the report aggregates) coalesce as it never does for real.
 */
export async function prepareDataDir(teachers = 1): Promise<{ dataDir: string; tokens: string[] }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'profrost-bench-'));
  const db = openDatabase(dataDir);
  await seedDemo(db);
  installShippedInstruments(db);
  const ids = db.transaction(() =>
    Array.from({ length: teachers }, (_, i) =>
      insertTeacher(db, {
        municipality: `Нагрузочный район ${i % 4}`,
        school: `Нагрузочная школа ${i % 20}`,
        lastName: `Учитель${i}`,
        firstName: 'Тест',
        middleName: 'Нагрузочный',
        position: 'учитель',
        subjects: 'математика',
        experienceYears: i % 30,
      }),
    ),
  )();
  const tokens = issueCodes(db, ids, 'bench').map(({ code }) => {
    const redeemed = redeemConnectionCode(db, code, 'bench');
    if (!redeemed.ok) throw new Error('bench: could not connect a teacher');
    return redeemed.token;
  });
  db.close();
  return { dataDir, tokens };
}

/** A complete, honest-looking sitting of an instrument, with a new id each time. */
export function randomAttemptBody(instrument: Instrument): string {
  const answers: Record<string, number | string | string[]> = {};
  for (const item of instrument.items) {
    if (item.kind === 'likert') answers[item.id] = 1 + randomInt(5);
    else if (item.kind === 'single') answers[item.id] = item.options[randomInt(item.options.length)]!.id;
    else answers[item.id] = [item.options[randomInt(item.options.length)]!.id];
  }
  return JSON.stringify({
    id: randomUUID(),
    instrumentId: instrument.id,
    instrumentVersion: instrument.version,
    answers,
    completedAt: new Date().toISOString(),
  });
}
