import { stringify } from 'csv-stringify/sync';
import { messages } from './messages.ts';
import type { Summary, SummaryRow } from './summary.ts';

export interface CsvOptions {
  /** UTF-8 with BOM, `;` between cells and a decimal comma: what Russian Excel opens as a table of numbers. */
  excel: boolean;
}

/** Rows written per chunk; between chunks the writer lets the event loop serve other requests. */
export const rowsPerChunk = 250;

/**
 * A cell that a spreadsheet would run as a formula (=, +, −, @, or a tab or
 * CR in front) is prefixed with an apostrophe, so a school named
 * "=HYPERLINK(…)" stays text. Numbers are numbers and are left alone.
 */
const formulaStarts = new Set(['=', '+', '-', '@', '\t', '\r']);

export function neutralise(text: string): string {
  return formulaStarts.has(text.charAt(0)) ? `'${text}` : text;
}

function cell(row: SummaryRow, key: string, options: CsvOptions): string {
  if (row.suppressed.length > 0 && row.suppressed.includes(key)) return messages.reports.suppressedCell;
  const value = row.values[key];
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return options.excel ? String(value).replace('.', ',') : String(value);
  return neutralise(value);
}

/**
 * The summary as RFC 4180 CSV (csv-stringify, CRLF line ends), chunk by
 * chunk: the header first, then `rowsPerChunk` rows at a time, so a caller
 * can stream it and yield between chunks.
 */
export function* csvChunks(summary: Summary, options: CsvOptions): Generator<string> {
  const format = { delimiter: options.excel ? ';' : ',', record_delimiter: 'windows' as const };
  yield (options.excel ? '\uFEFF' : '') + stringify([summary.columns.map((column) => neutralise(column.header))], format);
  const keys = summary.columns.map((column) => column.key);
  let batch: string[][] = [];
  for (const row of summary.rows) {
    batch.push(keys.map((key) => cell(row, key, options)));
    if (batch.length === rowsPerChunk) {
      yield stringify(batch, format);
      batch = [];
    }
  }
  if (batch.length > 0) yield stringify(batch, format);
}

/** The summary as one JSON document, chunk by chunk; suppressed values are null and named in each row's `suppressed`. */
export function* jsonChunks(summary: Summary, head: Record<string, unknown>): Generator<string> {
  const opening = JSON.stringify({ ...head, columns: summary.columns, rows: [] });
  yield opening.slice(0, -2); // everything up to the rows' closing `]}`
  let batch: string[] = [];
  let first = true;
  for (const row of summary.rows) {
    batch.push(JSON.stringify({ ...row.values, suppressed: row.suppressed }));
    if (batch.length === rowsPerChunk) {
      yield (first ? '' : ',') + batch.join(',');
      first = false;
      batch = [];
    }
  }
  if (batch.length > 0) yield (first ? '' : ',') + batch.join(',');
  yield ']}';
}
