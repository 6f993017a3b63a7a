import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { determinedUnknowns, type Relation } from '../../../tests/helpers/subtraction-attack.ts';
import { experienceBands } from '../aggregates/experience.ts';
import {
  type BaseRow,
  families,
  type FamilyRows,
  hierarchyLattice,
  rollUp,
  type SubjectGrid,
  subjectGrid,
  subjectUnits,
  suppressRows,
  type UnitNames,
  units,
} from './base.ts';
import { cellKey, type Signed } from './suppression.ts';

const levels = families.levels;
const measures = [...levels.published, ...levels.hidden];
const subjects = ['math', 'physics', 'history'];
type Level = 'highDeficit' | 'moderateDeficit' | 'noDeficit' | 'insufficientData';

/** A teacher of the levels by subject: her band, her subjects (none, one or two) and her level in one competency. */
interface Teacher {
  band: number;
  subjects: readonly number[];
  level: Level;
}

/** Municipalities of schools of teachers; with `single`, each teacher has exactly one subject (her first, or mathematics). */
const republic = fc
  .tuple(
    fc.array(
      fc.array(
        fc.array(
          fc.record({
            band: fc.nat(4),
            subjects: fc.constantFrom([0], [1], [2], [0], [0, 1], []),
            level: fc.constantFrom<Level>('highDeficit', 'moderateDeficit', 'noDeficit', 'noDeficit', 'insufficientData'),
          }),
          { minLength: 1, maxLength: 8 },
        ),
        { minLength: 1, maxLength: 3 },
      ),
      { minLength: 1, maxLength: 4 },
    ),
    fc.boolean(),
  )
  .map(([municipalities, single]) =>
    municipalities.map((schools) => schools.map((teachers) => teachers.map((t) => (single ? { ...t, subjects: [t.subjects[0] ?? 0] } : t)))),
  );

function namesOf(municipalities: Teacher[][][]): UnitNames {
  const names: UnitNames = { schools: [], municipalities: [] };
  let id = 0;
  municipalities.forEach((schools, m) => {
    names.municipalities.push({ id: m + 1, name: `М${m + 1}` });
    for (const _ of schools) names.schools.push({ id: ++id, name: `Ш${id}`, municipalityId: m + 1, municipality: `М${m + 1}` });
  });
  return names;
}

const completeLevels = ({ counts }: BaseRow) => {
  counts.deficit = counts.highDeficit! + counts.moderateDeficit!;
  counts.noDeficit = counts.scored! - counts.deficit;
};

const countsOf = (t: Teacher) => ({
  scored: t.level === 'insufficientData' ? 0 : 1,
  highDeficit: t.level === 'highDeficit' ? 1 : 0,
  moderateDeficit: t.level === 'moderateDeficit' ? 1 : 0,
});

/** The levels' rows as the store reads them: the hierarchy rolled up from the teachers, and the subjects of each municipality and of the republic. */
function rowsOf(municipalities: Teacher[][][]): FamilyRows {
  const fine = [];
  let school = 0;
  for (const [m, schools] of municipalities.entries())
    for (const teachers of schools) {
      school++;
      for (const t of teachers) {
        fine.push({ unit: { school }, area: 'methodical', counts: countsOf(t), sums: { teachers: 1 } });
        fine.push({ unit: { municipality: m + 1, band: experienceBands[t.band]! }, area: 'methodical', counts: countsOf(t), sums: { teachers: 1 } });
      }
    }
  const rows = rollUp(fine, completeLevels, (row) => row.sums.teachers! > 0);
  const byUnit = rows.get('methodical')!;
  const add = (unit: string, t: Teacher) => {
    const row = byUnit.get(unit) ?? byUnit.set(unit, { counts: { scored: 0, highDeficit: 0, moderateDeficit: 0 }, sums: { teachers: 0 } }).get(unit)!;
    for (const [key, value] of Object.entries(countsOf(t))) row.counts[key]! += value;
    row.sums.teachers! += 1;
  };
  for (const [m, schools] of municipalities.entries())
    for (const t of schools.flat())
      for (const s of t.subjects) {
        add(subjectUnits.municipality(m + 1, subjects[s]!), t);
        add(subjectUnits.republic(subjects[s]!), t);
      }
  for (const [unit, row] of byUnit) if (unit.startsWith('subj:')) completeLevels(row);
  return rows;
}

/** The unit sums of the hierarchy and of the subjects: those that always hold, and a grid's where it says they do. */
function unitSums(names: UnitNames, grid: Pick<SubjectGrid, 'adding' | 'republicAdds'>): { total: string; parts: string[] }[] {
  const ms = names.municipalities.map((m) => m.id);
  const sums = [
    { total: units.republic, parts: ms.map(units.municipality) },
    { total: units.republic, parts: experienceBands.map(units.republicBand) },
    ...ms.flatMap((m) => [
      { total: units.municipality(m), parts: names.schools.filter((s) => s.municipalityId === m).map((s) => units.school(s.id)) },
      { total: units.municipality(m), parts: experienceBands.map((b) => units.municipalityBand(m, b)) },
    ]),
    ...experienceBands.map((b) => ({ total: units.republicBand(b), parts: ms.map((m) => units.municipalityBand(m, b)) })),
    ...subjects.map((s) => ({ total: subjectUnits.republic(s), parts: ms.map((m) => subjectUnits.municipality(m, s)) })),
  ];
  for (const m of ms) if (grid.adding.has(m)) sums.push({ total: units.municipality(m), parts: subjects.map((s) => subjectUnits.municipality(m, s)) });
  if (grid.republicAdds) sums.push({ total: units.republic, parts: subjects.map(subjectUnits.republic) });
  return sums;
}

const keeps = (witness: Signed, sums: { total: string; parts: string[] }[]) => {
  const moved = new Map(witness);
  return sums.every(({ total, parts }) => (moved.get(total) ?? 0) === parts.reduce((sum, part) => sum + (moved.get(part) ?? 0), 0));
};

describe('the levels with their subjects: one lattice, one suppression', () => {
  it('gives every unit only witnesses that keep every sum of the hierarchy and every sum of the subjects that holds', () => {
    fc.assert(
      fc.property(republic, fc.array(fc.nat(1000), { minLength: 1, maxLength: 30 }), (municipalities, costs) => {
        const names = namesOf(municipalities);
        const byUnit = rowsOf(municipalities).get('methodical')!;
        const grid = subjectGrid(
          byUnit,
          names.municipalities.map((m) => m.id),
          subjects,
        );
        const lattice = hierarchyLattice(names, grid);
        const sums = unitSums(names, grid);
        // Costs that vary by unit, so that the witnesses' searches go different ways; a unit without a row is never moved.
        const cost = (unit: string) => (byUnit.has(unit) ? costs[unit.length % costs.length]! : Number.POSITIVE_INFINITY);
        for (const unit of lattice.units) {
          if (!byUnit.has(unit)) continue;
          for (const witness of lattice.witnesses(unit, cost)) {
            const described = witness.map(([u, sign]) => `${sign > 0 ? '+' : '−'}${u}`).join(' ');
            expect(new Map(witness).get(unit), described).toBeDefined();
            expect(new Set(witness.map(([u]) => u)).size, described).toBe(witness.length);
            expect(
              witness.every(([u]) => byUnit.has(u)),
              described,
            ).toBe(true);
            expect(keeps(witness, sums), `${unit}: ${described}`).toBe(true);
          }
        }
      }),
      { numRuns: 100 },
    );
  });

  it('moves one subject of each municipality in a swap, the same one, so that the republic’s subject stays', () => {
    const names: UnitNames = {
      municipalities: [
        { id: 1, name: 'М1' },
        { id: 2, name: 'М2' },
      ],
      schools: [
        { id: 1, name: 'Ш1', municipalityId: 1, municipality: 'М1' },
        { id: 2, name: 'Ш2', municipalityId: 2, municipality: 'М2' },
      ],
    };
    const grid: SubjectGrid = { subjects, adding: new Set([1, 2]), republicAdds: true };
    // Physics is taught in both, history only in М1: the swap takes physics.
    const present = new Set([
      units.republic,
      units.municipality(1),
      units.municipality(2),
      units.school(1),
      units.school(2),
      units.municipalityBand(1, 'early'),
      units.municipalityBand(2, 'early'),
      units.republicBand('early'),
      subjectUnits.municipality(1, 'history'),
      subjectUnits.municipality(1, 'physics'),
      subjectUnits.municipality(2, 'physics'),
      subjectUnits.republic('physics'),
      subjectUnits.republic('history'),
    ]);
    const [swap] = hierarchyLattice(names, grid).witnesses(units.municipality(1), (unit) => (present.has(unit) ? 1 : Number.POSITIVE_INFINITY));
    expect(swap!.filter(([unit]) => unit.startsWith('subj:'))).toEqual([
      [subjectUnits.municipality(1, 'physics'), 1],
      [subjectUnits.municipality(2, 'physics'), -1],
    ]);
    expect(keeps(swap!, unitSums(names, grid))).toBe(true);
  });

  it('hides a small subject of a municipality with cells that keep its municipality’s, its subject’s and the republic’s sums', () => {
    // М1: mathematics 2 teachers (small), physics 6; М2: mathematics 7, physics 8; every teacher one subject.
    const teachers = (n: number, subject: number, level: Level): Teacher[] => Array.from({ length: n }, () => ({ band: 1, subjects: [subject], level }));
    const municipalities: Teacher[][][] = [
      [[...teachers(2, 0, 'highDeficit'), ...teachers(6, 1, 'noDeficit')]],
      [[...teachers(7, 0, 'noDeficit'), ...teachers(8, 1, 'moderateDeficit')]],
    ];
    const names = namesOf(municipalities);
    const rows = rowsOf(municipalities);
    const byUnit = rows.get('methodical')!;
    const grid = subjectGrid(byUnit, [1, 2], subjects);
    expect(grid).toMatchObject({ adding: new Set([1, 2]), republicAdds: true });
    const hidden = suppressRows(rows, levels, (component) => hierarchyLattice(names, subjectGrid(component, [1, 2], subjects)), 5).suppressed.get(
      'methodical',
    )!;
    const small = subjectUnits.municipality(1, 'math');
    expect(hidden.has(cellKey(small, 'scored'))).toBe(true);
    // Whatever else is hidden, no sum the attacker knows gives the small cell back.
    expect(attack(municipalities, 5)).toEqual([]);
  });

  it('leaves nothing that arithmetic on every shown cell, the hierarchy’s sums and the subjects’ works out, whether teachers have one subject or not', () => {
    fc.assert(
      fc.property(republic, fc.integer({ min: 3, max: 6 }), (municipalities, minGroup) => {
        expect(attack(municipalities, minGroup)).toEqual([]);
      }),
      { numRuns: 100 },
    );
  });
});

/**
 * Suppresses the levels with their subjects and returns what an attacker works out that it must not (a hidden
 * cell, or a count of 1 to K−1): it knows every shown cell, that a unit without a row has nobody, the measures'
 * sums, the hierarchy's, a republic's subject as the sum of the municipalities', and a municipality's (the
 * republic's) subjects as its sum where every teacher of it has exactly one subject.
 */
function attack(municipalities: Teacher[][][], minGroup: number): string[] {
  const names = namesOf(municipalities);
  const rows = rowsOf(municipalities);
  const ids = names.municipalities.map((m) => m.id);
  const byUnit = rows.get('methodical')!;
  const hidden = suppressRows(rows, levels, (component) => hierarchyLattice(names, subjectGrid(component, ids, subjects)), minGroup).suppressed.get(
    'methodical',
  )!;
  const single = (teachers: Teacher[]) => teachers.every((t) => t.subjects.length === 1);
  const adding = new Set(ids.filter((m) => single(municipalities[m - 1]!.flat())));
  const sums = unitSums(names, { adding, republicAdds: adding.size === ids.length });
  const everyUnit = [...new Set(sums.flatMap(({ total, parts }) => [total, ...parts]))];
  const relations: Relation[] = [];
  for (const unit of everyUnit)
    for (const { total, parts } of levels.relations) relations.push({ total: cellKey(unit, total), parts: parts.map((p) => cellKey(unit, p)) });
  for (const measure of measures)
    for (const { total, parts } of sums) relations.push({ total: cellKey(total, measure), parts: parts.map((p) => cellKey(p, measure)) });
  const known = new Map<string, number>();
  const value = (unit: string, measure: string) => byUnit.get(unit)?.counts[measure] ?? 0;
  for (const unit of everyUnit)
    for (const measure of measures) {
      if (!byUnit.has(unit)) known.set(cellKey(unit, measure), 0);
      else if ((levels.published as readonly string[]).includes(measure) && !hidden.has(cellKey(unit, measure)))
        known.set(cellKey(unit, measure), value(unit, measure));
    }
  const mustStayUnknown = (name: string) => {
    const [unit, measure] = name.split('|') as [string, string];
    const v = value(unit, measure);
    return hidden.has(name) || (v > 0 && v < minGroup);
  };
  return [...determinedUnknowns(relations, known)].filter(mustStayUnknown).map((name) => `${name}=${value(...(name.split('|') as [string, string]))}`);
}
