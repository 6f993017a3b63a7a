import { instruments } from '../../shared/content/index.ts';
import type { Db } from '../storage/database.ts';
import { installInstruments } from '../storage/instruments.ts';

/** Adds the instrument versions this release ships with; versions already stored stay as they are. */
export function installShippedInstruments(db: Db): number {
  return installInstruments(db, instruments);
}
