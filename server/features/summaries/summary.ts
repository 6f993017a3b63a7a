import type { Grouping } from './store/grouping.ts';

/** A column of a council summary: a stable machine key and its Russian header. */
export interface SummaryColumn {
  key: string;
  header: string;
}

/** One row: the values by column key; a key in `suppressed` has value null and is shown as suppressed. */
export interface SummaryRow {
  values: Record<string, string | number | null>;
  suppressed: string[];
}

/** A summary as the CSV and JSON writers take it: fixed columns, rows produced lazily. */
export interface Summary {
  columns: SummaryColumn[];
  rows: Iterable<SummaryRow>;
}

export interface SummaryOptions {
  period: string;
  by: Grouping;
  municipalityId?: number;
  /** The smallest number of teachers a shown count may describe. */
  minGroup: number;
}

/** Share in percent with one decimal, or null when there is nobody to take a share of. */
export function percent(part: number, whole: number): number | null {
  return whole > 0 ? Math.round((1000 * part) / whole) / 10 : null;
}

/** A mean score with one decimal, or null when nobody was scored. */
export function mean(sum: number, count: number): number | null {
  return count > 0 ? Math.round((10 * sum) / count) / 10 : null;
}

/** Sets suppressed keys to null and drops derived values that would give them away. */
export function withSuppression(
  values: Record<string, string | number | null>,
  suppressed: Set<string>,
  derived: Record<string, readonly string[]>,
): SummaryRow {
  const hidden = new Set(suppressed);
  for (const [key, sources] of Object.entries(derived)) if (sources.some((source) => hidden.has(source))) hidden.add(key);
  const out = { ...values };
  const shown = [...hidden].filter((key) => key in values);
  for (const key of shown) out[key] = null;
  return { values: out, suppressed: shown };
}
