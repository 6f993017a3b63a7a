/**
 * Small-cell suppression for everything the council and the staff pages see.
 *
 * Primary: a count of 1 to K−1 teachers is suppressed (0 is shown: it
 * describes nobody). Complementary: a suppressed number must not be
 * recoverable by arithmetic, so in every relation "total = sum of parts"
 * that the reader knows, a suppressed cell may never be the only unknown one;
 * when it is, the smallest published cell of that relation is suppressed too,
 * and this repeats until nothing changes (a complementary cell can itself
 * become the only unknown of another relation).
 *
 * The relations are (1) within a row, e.g. "with deficit = high + moderate",
 * including counts that are not published but follow from published ones
 * (teachers without a deficit = scored − with deficit: `hidden`, a risk only
 * when small); and (2) down a column within a group of rows whose sum is
 * published elsewhere: the schools of one municipality add up to the
 * municipality's row of `by=municipality`, the municipalities to the
 * republic's. The group's total is treated as published even where it is
 * itself suppressed, which can only suppress more.
 */

export interface SuppressionSpec {
  /** Counts of teachers that are shown. */
  published: readonly string[];
  /** Counts that are not shown but follow from shown ones. */
  hidden?: readonly string[];
  /** total = sum(parts), each key in `published` or `hidden`. */
  relations: readonly { total: string; parts: readonly string[] }[];
}

export type CountRow = Record<string, number>;

/** For each row, the keys of its suppressed counts. */
export function suppressGroup(rows: readonly CountRow[], spec: SuppressionSpec, minGroup: number): Set<string>[] {
  const hidden = new Set(spec.hidden ?? []);
  const small = (value: number) => value > 0 && value < minGroup;
  const suppressed = rows.map((row) => new Set(spec.published.filter((key) => small(row[key] ?? 0))));
  const value = (r: number, key: string) => rows[r]![key] ?? 0;
  const relationsByKey = new Map<string, SuppressionSpec['relations'][number][]>();
  for (const key of [...spec.published, ...hidden])
    relationsByKey.set(
      key,
      spec.relations.filter((rel) => rel.total === key || rel.parts.includes(key)),
    );
  const relationsOf = (key: string) => relationsByKey.get(key) ?? [];
  /** A hidden count is unknown only while every relation that holds it has another unknown cell. */
  const unknown = (r: number, key: string): boolean =>
    suppressed[r]!.has(key) ||
    (hidden.has(key) && relationsOf(key).every((rel) => [rel.total, ...rel.parts].some((other) => other !== key && suppressed[r]!.has(other))));
  /** A cell that must stay unknown: suppressed, or hidden and small. */
  const mustStayUnknown = (r: number, key: string) => suppressed[r]!.has(key) || (hidden.has(key) && small(value(r, key)));

  /** Suppresses the smallest published cell among the candidates (non-zero first); false when there is none. */
  const suppressSmallest = (candidates: [row: number, key: string][]): boolean => {
    const open = candidates.filter(([r, key]) => !hidden.has(key) && !suppressed[r]!.has(key));
    if (open.length === 0) return false;
    open.sort(([ra, ka], [rb, kb]) => {
      const a = value(ra, ka);
      const b = value(rb, kb);
      return Number(a === 0) - Number(b === 0) || a - b || ra - rb;
    });
    const [r, key] = open[0]!;
    suppressed[r]!.add(key);
    return true;
  };
  /** Makes a known cell unknown: a published one is suppressed, a hidden one loses a cell of its relation. */
  const hide = (r: number, key: string): boolean => {
    if (!hidden.has(key)) return suppressSmallest([[r, key]]);
    const relation = relationsOf(key)[0]!;
    return suppressSmallest([relation.total, ...relation.parts].map((other): [number, string] => [r, other]));
  };

  const columnKeys = [...spec.published, ...hidden];
  let changed = true;
  while (changed) {
    changed = false;
    for (let r = 0; r < rows.length; r++) {
      for (const { total, parts } of spec.relations) {
        const keys = [total, ...parts];
        // A small hidden count that the published ones give away: one of them goes.
        for (const key of keys) {
          if (hidden.has(key) && small(value(r, key)) && !unknown(r, key)) {
            changed = suppressSmallest(keys.filter((other) => other !== key).map((other): [number, string] => [r, other])) || changed;
          }
        }
        const unknownKeys = keys.filter((key) => unknown(r, key));
        if (unknownKeys.length === 1 && mustStayUnknown(r, unknownKeys[0]!)) {
          changed = suppressSmallest(keys.map((key): [number, string] => [r, key])) || changed;
        }
      }
    }
    // Down each column: the group's rows add up to a total published elsewhere.
    if (rows.length < 2) continue;
    for (const key of columnKeys) {
      const unknownRows = rows.map((_, r) => r).filter((r) => unknown(r, key));
      if (unknownRows.length !== 1 || !mustStayUnknown(unknownRows[0]!, key)) continue;
      const others = rows
        .map((_, r) => r)
        .filter((r) => r !== unknownRows[0])
        .sort((a, b) => Number(value(a, key) === 0) - Number(value(b, key) === 0) || value(a, key) - value(b, key) || a - b);
      for (const r of others) {
        if (hide(r, key)) {
          changed = true;
          break;
        }
      }
    }
  }
  return suppressed;
}
