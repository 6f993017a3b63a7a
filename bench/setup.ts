import { randomInt, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Instrument } from '../shared/schemas/instrument.ts';
import { seedDemo } from '../server/demo/seed.ts';
import { openDatabase } from '../server/storage/database.ts';
import { redeemEnrollmentCode } from '../server/storage/devices.ts';
import { installShippedInstruments } from '../server/diagnostics/install-shipped.ts';

/** A fresh data folder with the demo republic, the shipped instruments, and one enrolled device. */
export async function prepareDataDir(): Promise<{ dataDir: string; token: string }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'profrost-bench-'));
  const db = openDatabase(dataDir);
  const demo = (await seedDemo(db))!;
  installShippedInstruments(db);
  const redeemed = redeemEnrollmentCode(db, demo.teachers[0]!.code, 'bench');
  db.close();
  if (!redeemed.ok) throw new Error('bench: could not enrol the demo teacher');
  return { dataDir, token: redeemed.token };
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
