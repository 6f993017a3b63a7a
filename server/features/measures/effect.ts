/**
 * A measure's effect: the value (an indicator's or a competency's score,
 * 0–100) of its target group before it (each teacher's last diagnostic before
 * the start) and after it (the first after the end), beside a comparable
 * group measured the same way. Only teachers measured both before and after
 * count, so that the two means describe the same people.
 */

export interface Scored {
  /** ISO instant of the diagnostic. */
  completedAt: string;
  score: number | null;
}

export interface GroupEffect {
  /** Teachers in the group. */
  teachers: number;
  /** Of them, measured both before and after. */
  measured: number;
  before: number | null;
  after: number | null;
  change: number | null;
}

/** One teacher's value before `start` and after `end` (ISO dates, both days excluded), or null without both. */
export function beforeAndAfter(history: readonly Scored[], start: string, end: string): { before: number; after: number } | null {
  const sorted = [...history].filter((entry) => entry.score !== null).sort((a, b) => Date.parse(a.completedAt) - Date.parse(b.completedAt));
  const before = sorted.filter((entry) => entry.completedAt.slice(0, 10) < start).at(-1);
  const after = sorted.find((entry) => entry.completedAt.slice(0, 10) > end);
  return before && after ? { before: before.score!, after: after.score! } : null;
}

export function groupEffect(teacherIds: readonly number[], histories: ReadonlyMap<number, readonly Scored[]>, start: string, end: string): GroupEffect {
  const pairs = teacherIds.map((id) => beforeAndAfter(histories.get(id) ?? [], start, end)).filter((pair) => pair !== null);
  if (pairs.length === 0) return { teachers: teacherIds.length, measured: 0, before: null, after: null, change: null };
  const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
  const before = mean(pairs.map((pair) => pair.before));
  const after = mean(pairs.map((pair) => pair.after));
  return { teachers: teacherIds.length, measured: pairs.length, before, after, change: after - before };
}
