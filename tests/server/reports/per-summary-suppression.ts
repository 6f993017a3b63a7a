// A frozen copy of main's per-summary suppression (server/features/summaries/suppression.ts before one suppression
// for the whole base), kept only so the attack test can show that its attacker finds what that rule let through.
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

/** The specs main's summaries gave suppressGroup. */
const specs: Record<'deficits' | 'growth' | 'participation' | 'demand', SuppressionSpec> = {
  deficits: {
    published: ['scored', 'deficit', 'highDeficit', 'moderateDeficit'],
    hidden: ['noDeficit'],
    relations: [
      { total: 'scored', parts: ['deficit', 'noDeficit'] },
      { total: 'deficit', parts: ['highDeficit', 'moderateDeficit'] },
    ],
  },
  growth: {
    published: ['paired', 'deficitBefore', 'deficitAfter'],
    hidden: ['fineBefore', 'fineAfter'],
    relations: [
      { total: 'paired', parts: ['deficitBefore', 'fineBefore'] },
      { total: 'paired', parts: ['deficitAfter', 'fineAfter'] },
    ],
  },
  participation: {
    published: ['roster', 'connected', 'diagnosed'],
    hidden: ['notDiagnosed', 'notConnected'],
    relations: [
      { total: 'roster', parts: ['diagnosed', 'notDiagnosed'] },
      { total: 'roster', parts: ['connected', 'notConnected'] },
    ],
  },
  demand: { published: ['deficit'], relations: [] },
};

const countsOf = (report: keyof typeof specs, v: Record<string, unknown>): CountRow => {
  const n = (key: string) => Number(v[key] ?? 0);
  switch (report) {
    case 'deficits':
      return {
        scored: n('scored'),
        deficit: n('deficit'),
        highDeficit: n('highDeficit'),
        moderateDeficit: n('moderateDeficit'),
        noDeficit: n('scored') - n('deficit'),
      };
    case 'growth':
      return {
        paired: n('paired'),
        deficitBefore: n('deficitBefore'),
        deficitAfter: n('deficitAfter'),
        fineBefore: n('paired') - n('deficitBefore'),
        fineAfter: n('paired') - n('deficitAfter'),
      };
    case 'participation':
      return {
        roster: n('roster'),
        connected: n('connected'),
        diagnosed: n('diagnosed'),
        notDiagnosed: Math.max(0, n('roster') - n('diagnosed')),
        notConnected: n('roster') - n('connected'),
      };
    case 'demand':
      return { deficit: n('deficit') };
  }
};

/**
 * A council listing's rows (values unsuppressed) as main published them:
 * suppressGroup over the rows that add up to one total (a municipality's
 * schools; all the rows otherwise), competency by competency, per summary.
 */
export function suppressAsMain(report: string, by: string, rows: Record<string, unknown>[], minGroup: number): Record<string, unknown>[] {
  if (!(report in specs)) return rows;
  const spec = specs[report as keyof typeof specs];
  const groupOf = (row: Record<string, unknown>) => `${by === 'school' && report !== 'demand' ? row.municipality : ''}|${row.competencyId ?? ''}`;
  const groups = new Map<string, number[]>();
  rows.forEach((row, i) => groups.set(groupOf(row), [...(groups.get(groupOf(row)) ?? []), i]));
  const out = rows.map((row) => ({ ...row }));
  for (const indexes of groups.values()) {
    const suppressed = suppressGroup(
      indexes.map((i) => countsOf(report as keyof typeof specs, rows[i]!)),
      spec,
      minGroup,
    );
    indexes.forEach((i, j) => {
      for (const key of suppressed[j]!) out[i]![key] = null;
    });
  }
  return out;
}
