import { CsvError, parse } from 'csv-parse/sync';
import { type EventKind, eventKinds, eventKindTitles, eventSchema, type MethodicalEvent } from '../../../shared/schemas/event.ts';
import { useRussianValidationMessages } from '../../../shared/schemas/locale.ts';
import type { Db } from '../../platform/database/database.ts';
import { writeAudit } from '../../platform/database/audit-store.ts';
import { foldText } from '../catalogue/program-store.ts';
import { parseCatalogueDate } from '../catalogue/import-programs.ts';
import { municipalityNames } from '../roster/store.ts';
import { messages } from './messages.ts';
import { findEvent, saveEvent } from './store.ts';

/**
 * Loading events from a CSV file, one row an event, with the same preview as the programmes' catalogue
 * (server/features/catalogue/import-programs.ts): `previewEvents` reads and checks every row and saves
 * nothing; `importEvents` saves what the preview accepted. A methodist loads her municipality's events only.
 */

const t = messages.eventImport;

export const eventColumns = ['id', 'kind', 'title', 'topic', 'stage', 'municipality', 'start', 'end', 'place', 'seats', 'audienceSubject'] as const;
type Column = (typeof eventColumns)[number];
const optionalColumns: readonly Column[] = ['topic', 'stage', 'municipality', 'audienceSubject'];

const fold = (name: string) => foldText(name).replace(/ё/g, 'е').replace(/\s+/g, ' ').trim();
const headerAliases = new Map<string, Column>();
for (const column of eventColumns) {
  headerAliases.set(fold(column), column);
  headerAliases.set(fold(t.columnNames[column]), column);
}
const kindsByName = new Map<string, EventKind>([
  ...eventKinds.map((kind) => [fold(kind), kind] as const),
  ...eventKinds.map((kind) => [fold(eventKindTitles[kind]), kind] as const),
  [fold('МО'), 'methodicalAssociation'],
  [fold('конкурс'), 'competition'],
]);

/** The file cannot be read at all; the sentence says why. */
export class EventFileError extends Error {
  override name = 'EventFileError';
}

export interface EventsPreview {
  events: MethodicalEvent[];
  invalid: { line: number; reason: string }[];
  rows: number;
}

function decode(input: string | Uint8Array): string {
  if (typeof input === 'string') return input.replace(/^\uFEFF/, '');
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(input);
  } catch {
    throw new EventFileError(t.notUtf8);
  }
}

function records(text: string): { record: string[]; line: number }[] {
  const header = (text.split(/\r?\n/, 1)[0] ?? '').replace(/"[^"]*"/g, '');
  const delimiter = header.split(';').length > header.split(',').length ? ';' : ',';
  try {
    const rows = parse(text, { delimiter, bom: true, info: true, relax_column_count: true, skip_empty_lines: true, trim: true }) as unknown as {
      record: string[];
      info: { lines: number };
    }[];
    return rows.map(({ record, info }) => ({ record, line: info.lines }));
  } catch (error) {
    if (error instanceof CsvError) throw new EventFileError(t.unreadable);
    throw error;
  }
}

export function previewEvents(db: Db, input: string | Uint8Array, scope: { onlyMunicipality?: string | undefined } = {}): EventsPreview {
  useRussianValidationMessages();
  const text = decode(input);
  if (!text.trim()) throw new EventFileError(t.empty);
  const [header, ...rows] = records(text);
  if (!header || rows.length === 0) throw new EventFileError(t.empty);
  const index = new Map<Column, number>();
  header.record.forEach((name, at) => {
    const column = headerAliases.get(fold(name));
    if (column && !index.has(column)) index.set(column, at);
  });
  const missing = eventColumns.filter((column) => !index.has(column) && !optionalColumns.includes(column));
  if (missing.length) throw new EventFileError(t.missingColumns(missing.map((column) => t.columnNames[column]).join(', ')));

  const municipalities = new Map(municipalityNames(db).map((name) => [fold(name), name]));
  const events: MethodicalEvent[] = [];
  const invalid: EventsPreview['invalid'] = [];
  const seen = new Map<string, number>();
  for (const { record, line } of rows) {
    const value = (column: Column) => (index.has(column) ? (record[index.get(column)!] ?? '').trim() : '');
    const kind = kindsByName.get(fold(value('kind')));
    if (!kind) {
      invalid.push({ line, reason: t.badKind(value('kind')) });
      continue;
    }
    const start = parseCatalogueDate(value('start'));
    const end = parseCatalogueDate(value('end'));
    if (!start || !end) {
      invalid.push({ line, reason: t.badDate(t.columnNames[start ? 'end' : 'start']) });
      continue;
    }
    const named = value('municipality');
    const municipality = named === '' ? null : municipalities.get(fold(named));
    if (municipality === undefined) {
      invalid.push({ line, reason: t.unknownMunicipality(named) });
      continue;
    }
    const seats = Number(value('seats'));
    const parsed = eventSchema.safeParse({
      id: value('id'),
      kind,
      title: value('title'),
      topic: value('topic'),
      stage: value('stage'),
      municipality,
      start,
      end,
      place: value('place'),
      seats: value('seats') === '' || !Number.isFinite(seats) ? Number.NaN : seats,
      audienceSubject: value('audienceSubject'),
    });
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      const column = String(issue.path[0] ?? 'id');
      invalid.push({ line, reason: `${(t.columnNames as Record<string, string | undefined>)[column] ?? column}: ${issue.message}` });
      continue;
    }
    const event = parsed.data;
    if (scope.onlyMunicipality !== undefined) {
      const stored = findEvent(db, event.id);
      if (event.municipality !== scope.onlyMunicipality || (stored && stored.municipality !== scope.onlyMunicipality)) {
        invalid.push({ line, reason: t.notYourMunicipality(scope.onlyMunicipality) });
        continue;
      }
    }
    const before = seen.get(event.id);
    if (before !== undefined) {
      invalid.push({ line, reason: t.duplicateId(event.id, before) });
      continue;
    }
    seen.set(event.id, line);
    events.push(event);
  }
  return { events, invalid, rows: rows.length };
}

/**
 * Saves the events of a file: nothing when any row is invalid, unless `skipInvalid`; one transaction, so an
 * event whose seats would fall below those taken leaves everything as it was.
 */
export function importEvents(
  db: Db,
  input: string | Uint8Array,
  options: { onlyMunicipality?: string | undefined; skipInvalid?: boolean; actor: string },
): EventsPreview & { imported: boolean; created: number; updated: number; refusal?: string } {
  const preview = previewEvents(db, input, options);
  if (preview.invalid.length > 0 && !options.skipInvalid) return { ...preview, imported: false, created: 0, updated: 0 };
  try {
    const counts = db.transaction(() => {
      let created = 0;
      for (const event of preview.events) {
        const result = saveEvent(db, event, options.actor);
        if (result.kind === 'seatsBelowTaken') throw new EventFileError(t.seatsBelowTaken(event.id, result.taken));
        if (result.kind !== 'saved') throw new EventFileError(t.unknownMunicipality(event.municipality ?? ''));
        if (result.created) created++;
      }
      writeAudit(db, { actor: options.actor, action: 'events.import', details: { events: preview.events.length, created, skipped: preview.invalid.length } });
      return { created, updated: preview.events.length - created };
    })();
    return { ...preview, imported: true, ...counts };
  } catch (error) {
    if (error instanceof EventFileError) return { ...preview, imported: false, created: 0, updated: 0, refusal: error.message };
    throw error;
  }
}
