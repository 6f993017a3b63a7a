/**
 * The subtraction attack on published summaries, done exactly: every
 * relation "total = sum of parts" the reader knows is an equation; the shown
 * numbers are substituted; an unknown is worked out when the equations fix
 * it whatever the other unknowns are, which is when its unit vector lies in
 * the row space of the equations over the unknowns (Gauss–Jordan elimination
 * over the rationals, in BigInt, component by component). Every sum,
 * difference and chain of them the council could try is a combination of
 * these equations, so what this does not find, no such arithmetic finds.
 * (Bounds — counts are never negative — are not used.)
 */

export interface Relation {
  total: string;
  parts: readonly string[];
}

type Row = Map<number, bigint>;

const abs = (x: bigint) => (x < 0n ? -x : x);
function gcd(a: bigint, b: bigint): bigint {
  a = abs(a);
  b = abs(b);
  while (b) [a, b] = [b, a % b];
  return a;
}

function normalise(row: Row): void {
  let g = 0n;
  for (const v of row.values()) g = gcd(g, v);
  if (g > 1n) for (const [k, v] of row) row.set(k, v / g);
}

/** row := a·row − b·pivot, eliminating `column` (a = pivot[column], b = row[column]). */
function eliminate(row: Row, pivot: Row, column: number): void {
  const b = row.get(column);
  if (b === undefined) return;
  const a = pivot.get(column)!;
  if (a !== 1n) for (const [k, v] of row) row.set(k, v * a);
  for (const [k, v] of pivot) {
    const next = (row.get(k) ?? 0n) - b * v;
    if (next === 0n) row.delete(k);
    else row.set(k, next);
  }
  normalise(row);
}

/** The unknowns (variables in `relations` not in `known`) that the relations determine. */
export function determinedUnknowns(relations: readonly Relation[], known: ReadonlyMap<string, number>): Set<string> {
  const index = new Map<string, number>();
  const names: string[] = [];
  const column = (name: string) => {
    let i = index.get(name);
    if (i === undefined) {
      i = names.length;
      index.set(name, i);
      names.push(name);
    }
    return i;
  };
  const equations: Row[] = [];
  for (const { total, parts } of relations) {
    const row: Row = new Map();
    const add = (name: string, coefficient: bigint) => {
      if (known.has(name)) return;
      const c = column(name);
      const next = (row.get(c) ?? 0n) + coefficient;
      if (next === 0n) row.delete(c);
      else row.set(c, next);
    };
    add(total, 1n);
    for (const part of parts) add(part, -1n);
    if (row.size > 0) equations.push(row);
  }
  // Components: unknowns linked by some equation.
  const parent = names.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i]!;
    return i;
  };
  for (const row of equations) {
    const [first, ...rest] = [...row.keys()];
    for (const other of rest) parent[find(other)] = find(first!);
  }
  const byComponent = new Map<number, Row[]>();
  for (const row of equations) {
    const root = find(row.keys().next().value!);
    if (!byComponent.has(root)) byComponent.set(root, []);
    byComponent.get(root)!.push(row);
  }
  const determined = new Set<string>();
  for (const rows of byComponent.values()) {
    const pivots = new Map<number, Row>();
    for (const equation of rows) {
      const row = new Map(equation);
      for (const [c, pivot] of pivots) if (row.has(c)) eliminate(row, pivot, c);
      if (row.size === 0) continue;
      const c = Math.min(...row.keys());
      for (const other of pivots.values()) if (other.has(c)) eliminate(other, row, c);
      pivots.set(c, row);
    }
    for (const [c, row] of pivots) if (row.size === 1) determined.add(names[c]!);
  }
  return determined;
}
