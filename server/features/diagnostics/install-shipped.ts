import { instruments } from '../../../shared/content/index.ts';
import type { Db } from '../../platform/database/database.ts';
import { installInstruments } from './instrument-store.ts';

/** Adds the instrument versions this release ships with; versions already stored stay as they are. */
export function installShippedInstruments(db: Db): number {
  return installInstruments(db, instruments);
}
