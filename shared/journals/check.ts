/*
 * A very small structural validator for the journal adapters' data (built-in,
 * server overrides, page-bridge messages). It exists because these checks run
 * inside the content script and the page-world bridge, which load on every
 * journal page: zod costs 26 KB gzipped there and zod/mini about 8 KB, this
 * file well under 1 KB. The server runs the same checks on an override before
 * publishing it, so that it refuses exactly what the extension would. A check
 * returns the problems it found, each "path: what is wrong"; an empty list
 * means valid.
 */

export type Check = (value: unknown, path: string) => string[];

const at = (path: string, problem: string) => [`${path || '(value)'}: ${problem}`];

export interface StringRules {
  min?: number;
  max: number;
  pattern?: RegExp;
  /** Extra rule, with the sentence reported when it fails. */
  test?: [(text: string) => boolean, string];
}

export function string({ min = 0, max, pattern, test }: StringRules): Check {
  return (value, path) => {
    if (typeof value !== 'string') return at(path, 'expected a string');
    if (value.length < min) return at(path, `at least ${min} characters`);
    if (value.length > max) return at(path, `at most ${max} characters`);
    if (pattern && !pattern.test(value)) return at(path, `does not match ${pattern}`);
    if (test && !test[0](value)) return at(path, test[1]);
    return [];
  };
}

export function oneOf(...allowed: readonly (string | number | boolean)[]): Check {
  return (value, path) => (allowed.includes(value as string) ? [] : at(path, `expected one of ${allowed.join(', ')}`));
}

/** Anything at all: checked later, entry by entry. */
export const anything: Check = () => [];

export const boolean: Check = (value, path) => (typeof value === 'boolean' ? [] : at(path, 'expected true or false'));

export function arrayOf(item: Check, { min = 0, max }: { min?: number; max: number }): Check {
  return (value, path) => {
    if (!Array.isArray(value)) return at(path, 'expected a list');
    if (value.length < min || value.length > max) return at(path, `expected ${min} to ${max} items`);
    return value.flatMap((element, index) => item(element, `${path}.${index}`));
  };
}

/** The first alternative that fits; otherwise the problems of the closest one (fewest problems). */
export function anyOf(...alternatives: Check[]): Check {
  return (value, path) => {
    let best: string[] | null = null;
    for (const alternative of alternatives) {
      const problems = alternative(value, path);
      if (problems.length === 0) return [];
      if (!best || problems.length < best.length) best = problems;
    }
    return best ?? at(path, 'no alternative');
  };
}

export const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * A plain object with exactly these fields: a field listed in `optional` may be
 * absent (or undefined), and any field not listed makes the object invalid, so
 * that no new kind of data (let alone code) can slip in.
 */
export function object(required: Record<string, Check>, optional: Record<string, Check> = {}): Check {
  return (value, path) => {
    if (!isRecord(value)) return at(path, 'expected an object');
    const prefix = path ? `${path}.` : '';
    const problems: string[] = [];
    for (const key of Object.keys(value)) {
      if (!Object.hasOwn(required, key) && !Object.hasOwn(optional, key)) problems.push(...at(prefix + key, 'unknown field'));
    }
    for (const [key, check] of Object.entries(required)) problems.push(...check(value[key], prefix + key));
    for (const [key, check] of Object.entries(optional)) {
      if (value[key] !== undefined) problems.push(...check(value[key], prefix + key));
    }
    return problems;
  };
}

/** Also accepts null (an override's "remove this"). */
export const nullable =
  (check: Check): Check =>
  (value, path) =>
    value === null ? [] : check(value, path);
