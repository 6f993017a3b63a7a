import { type Instrument, instrumentSchema } from '../../../shared/schemas/instrument.ts';
import { type Db, now } from '../../platform/database/database.ts';
import { prepared } from '../../platform/database/statements.ts';

/**
 * Stores instrument versions that are not there yet. A stored version is
 * never changed: results are always read against the exact version they were
 * scored with, so a changed instrument must come as a new version.
 */
export function installInstruments(db: Db, instruments: readonly Instrument[]): number {
  const insert = prepared(
    db,
    'INSERT INTO instruments (id, version, kind, title, definition_json, created_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING',
  );
  return db.transaction(() => instruments.reduce((added, i) => added + insert.run(i.id, i.version, i.kind, i.title, JSON.stringify(i), now()).changes, 0))();
}

function parse(row: { definition_json: string } | undefined): Instrument | undefined {
  return row ? instrumentSchema.parse(JSON.parse(row.definition_json)) : undefined;
}

/** The newest version of each instrument, by id; parsed once per database (findInstrument's cache), not on every call. */
export function currentInstruments(db: Db): Instrument[] {
  const newest = prepared(db, 'SELECT id, max(version) AS version FROM instruments GROUP BY id ORDER BY id').all() as { id: string; version: number }[];
  return newest.map(({ id, version }) => findInstrument(db, id, version)!);
}

/** Parsed versions: a stored version never changes, so it is parsed once per database. */
const parsedVersions = new WeakMap<Db, Map<string, Instrument>>();

/** A given version, or the newest when no version is named. */
export function findInstrument(db: Db, id: string, version?: number): Instrument | undefined {
  if (version === undefined) {
    const newest = prepared(db, 'SELECT max(version) AS version FROM instruments WHERE id = ?').get(id) as { version: number | null };
    if (newest.version === null) return undefined;
    version = newest.version;
  }
  const cache = parsedVersions.get(db) ?? parsedVersions.set(db, new Map()).get(db)!;
  const key = `${id}@${version}`;
  let instrument = cache.get(key);
  if (!instrument) {
    instrument = parse(prepared(db, 'SELECT definition_json FROM instruments WHERE id = ? AND version = ?').get(id, version) as never);
    if (instrument) cache.set(key, instrument);
  }
  return instrument;
}

export interface InstrumentVersionRow {
  id: string;
  version: number;
  kind: Instrument['kind'];
  title: string;
  items: number;
  createdAt: string;
}

/** Every stored version, by instrument, newest version first. */
export function listInstrumentVersions(db: Db): InstrumentVersionRow[] {
  return prepared(
    db,
    `SELECT id, version, kind, title, json_array_length(definition_json, '$.items') AS items, created_at AS createdAt
       FROM instruments ORDER BY id, version DESC`,
  ).all() as InstrumentVersionRow[];
}

/** The newest stored version of an instrument and its kind, and whether `version` is stored already; `newest` null when none is. */
export function storedVersions(db: Db, id: string, version: number): { newest: number | null; kind: string | null; hasVersion: boolean } {
  const stored = prepared(
    db,
    'SELECT max(version) AS newest, (SELECT kind FROM instruments WHERE id = ? ORDER BY version DESC LIMIT 1) AS kind FROM instruments WHERE id = ?',
  ).get(id, id) as { newest: number | null; kind: string | null };
  const hasVersion = prepared(db, 'SELECT 1 FROM instruments WHERE id = ? AND version = ?').get(id, version) !== undefined;
  return { ...stored, hasVersion };
}
