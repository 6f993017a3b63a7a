import fc from 'fast-check';
import { expect } from 'vitest';
import type { z } from 'zod';
import type { AnyGuard, GuardDesc } from '../guards/guard.ts';

/**
 * Holds a zod-free guard (shared/guards/guard.ts) to the zod schema it was
 * written after: answers generated from the guard's own description, and the
 * same answers with one part replaced by something else (a wrong type, a
 * string too long, a date that does not exist, a key removed…), must be
 * accepted by both or refused by both, and where accepted give the same value.
 */

const missing = Symbol('missing');

const letters = fc.constantFrom(...'abcxyzАБВабвёЁ 0123456789-_.,'.split(''));
const oddStrings = fc.constantFrom('', ' ', '  padded  ', '\t\n', 'a\u0000b', '\u007f', 'x'.repeat(301), 'x'.repeat(2001), 'Ёжик, «кавычки»');

function dayString(date: Date): string {
  return date.toISOString().slice(0, 10);
}
const dates = fc.date({ min: new Date('1999-12-30T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true });

function stringArbitrary(desc: Extract<GuardDesc, { kind: 'string' }>): fc.Arbitrary<string> {
  switch (desc.format) {
    case 'isoDate':
      return dates.map(dayString);
    case 'isoDateTime':
      return dates.map((date) => date.toISOString());
    case 'isoDateTimeOffset':
      return fc.tuple(dates, fc.constantFrom('Z', '+03:00', '-05:30')).map(([date, offset]) => date.toISOString().replace('Z', offset));
    case 'uuid':
      return fc.uuid();
    case 'httpUrl':
      return fc
        .tuple(fc.constantFrom('http', 'https', 'HTTPS', ' https'), fc.stringMatching(/^[a-z0-9]{1,10}$/), fc.constantFrom('', '/', '/курсы?id=5', '/a\tb'))
        .map(([scheme, host, tail]) => `${scheme}://${host}.ru${tail}`);
  }
  const length = desc.length;
  const min = length ?? desc.min ?? 0;
  const max = length ?? Math.max(min, Math.min(desc.max ?? min + 12, min + 12));
  if (desc.pattern) return fc.stringMatching(desc.pattern).filter((text) => text.length >= min && text.length <= (desc.max ?? Number.POSITIVE_INFINITY));
  return fc.oneof({ weight: 9, arbitrary: fc.string({ unit: letters, minLength: min, maxLength: max }) }, { weight: 1, arbitrary: oddStrings });
}

function numberArbitrary(desc: Extract<GuardDesc, { kind: 'number' }>): fc.Arbitrary<number> {
  const min = desc.min ?? (desc.positive ? (desc.int ? 1 : Number.MIN_VALUE) : -1000);
  const max = desc.max ?? 100_000;
  if (desc.int) return fc.integer({ min: Math.ceil(min), max: Math.floor(max) });
  return fc.oneof(fc.double({ min, max, noNaN: true, noDefaultInfinity: true }), fc.integer({ min: Math.ceil(min), max: Math.floor(max) }));
}

/** Values the guard's description says fit (refinements aside); `missing` marks a key to leave out. */
export function arbitraryOf(guard: AnyGuard, depth = 0): fc.Arbitrary<unknown> {
  const desc = guard.desc;
  switch (desc.kind) {
    case 'string':
      return stringArbitrary(desc);
    case 'number':
      return numberArbitrary(desc);
    case 'boolean':
      return fc.boolean();
    case 'unknown':
      return fc.jsonValue({ maxDepth: 2 });
    case 'literal':
      return fc.constant(desc.value);
    case 'enum':
      return fc.constantFrom(...desc.values);
    case 'array': {
      const min = desc.length ?? desc.min ?? 0;
      // Deep in a shape that contains itself, lists are empty where they may be, so that the tree ends.
      if (depth > 6 && min === 0) return fc.constant([]);
      const max = desc.length ?? Math.min(desc.max ?? min + 3, min + 3);
      return fc.array(arbitraryOf(desc.item, depth + 1), { minLength: min, maxLength: max });
    }
    case 'object': {
      const fields = Object.fromEntries(Object.entries(desc.shape).map(([key, inner]) => [key, arbitraryOf(inner, depth + 1)]));
      return fc.tuple(fc.record(fields), fc.nat(9)).map(([object, stray]) => {
        const out: Record<string, unknown> = {};
        for (const [key, value] of Object.entries(object)) if (value !== missing) out[key] = value;
        // Unknown keys: dropped by an object, refused by a strict one (an inherited name too).
        if (stray === 0) out[desc.strict ? 'toString' : 'someNewField'] = 'из новой версии сервера';
        return out;
      });
    }
    case 'record': {
      const keys = desc.exhaustive ? fc.constant(desc.exhaustive) : fc.subarray([...(desc.key.desc.kind === 'enum' ? desc.key.desc.values : [])]);
      const value = arbitraryOf(desc.value, depth + 1);
      if (desc.key.desc.kind !== 'enum') return fc.dictionary(arbitraryOf(desc.key) as fc.Arbitrary<string>, value, { maxKeys: 3 });
      return keys.chain((names) => fc.tuple(...names.map(() => value)).map((values) => Object.fromEntries(names.map((name, i) => [name, values[i]]))));
    }
    case 'nullable':
      return fc.oneof(fc.constant(null), arbitraryOf(desc.inner, depth + 1));
    case 'optional':
    case 'default':
      return fc.oneof(fc.constant(missing), arbitraryOf(desc.inner, depth + 1));
    case 'union':
      return fc.oneof(...desc.options.map((option) => arbitraryOf(option, depth + 1)));
    case 'refine':
      return arbitraryOf(desc.inner, depth);
    case 'lazy':
      return arbitraryOf(desc.get(), depth + 1);
  }
}

/** What may replace one part of a good answer. */
const replacements: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(
    missing,
    undefined,
    null,
    '',
    'x',
    ' x ',
    'a\u0000b',
    'x'.repeat(301),
    0,
    -1,
    1,
    1.5,
    101,
    2 ** 53,
    Number.NaN,
    Number.POSITIVE_INFINITY,
    true,
    false,
    [],
    {},
    [1, 2, 3],
    ['a', 'a'],
    '2026-02-30',
    '2026-02-28',
    '2026-02-28T10:00:00Z',
    '2026-02-28T10:00:00.123+03:00',
    '2026-02-28T10:00Z',
    '2026-02-28 10:00:00Z',
    '4f1c2b8e-3a6d-4e0f-9b7a-1c2d3e4f5a6b',
    'https://example.org/курс',
    'ftp://example.org',
    'http:example.org',
    'confirmed',
    'highest',
    'likert',
    'noDeficit',
    'wellbeing',
    'subject',
    'Abc',
    'toString',
  ),
  fc.anything({ maxDepth: 2 }),
);

type Step = string | number;
function pathsOf(value: unknown, path: Step[] = []): Step[][] {
  const here = [path];
  if (Array.isArray(value)) return [...here, ...value.flatMap((item, index) => pathsOf(item, [...path, index]))];
  if (value && typeof value === 'object') return [...here, ...Object.entries(value).flatMap(([key, item]) => pathsOf(item, [...path, key]))];
  return here;
}

function replaced(value: unknown, path: Step[], replacement: unknown): unknown {
  if (path.length === 0) return replacement === missing ? undefined : replacement;
  const copy = structuredClone(value) as Record<Step, unknown>;
  let parent = copy;
  for (const step of path.slice(0, -1)) parent = parent[step] as Record<Step, unknown>;
  const last = path.at(-1)!;
  if (replacement === missing) {
    if (Array.isArray(parent)) parent.splice(last as number, 1);
    else delete parent[last];
  } else parent[last] = replacement;
  return copy;
}

export function expectAgreement(guard: AnyGuard, schema: z.ZodType, input: unknown): void {
  const checked = guard.check(input);
  const parsed = schema.safeParse(input);
  const where = checked.ok ? '' : ` (the guard refused at ${JSON.stringify(checked.path)}: ${checked.expected})`;
  expect(checked.ok, `guard and schema disagree on ${JSON.stringify(input)}${where}; zod: ${parsed.error?.message ?? 'accepted'}`).toBe(parsed.success);
  if (checked.ok && parsed.success) expect(checked.value).toEqual(parsed.data);
}

/** Generated answers, and the same with one part replaced: the guard and the schema agree on each. */
export function checkAgreement(guard: AnyGuard, schema: z.ZodType, options: { runs?: number; examples?: unknown[] } = {}): { accepted: number } {
  const runs = options.runs ?? 150;
  let accepted = 0;
  for (const example of options.examples ?? []) {
    expectAgreement(guard, schema, example);
    expect(guard.check(example).ok, 'a known-good example is accepted').toBe(true);
    accepted++;
  }
  const answers = arbitraryOf(guard).map((value) => (value === missing ? undefined : value));
  fc.assert(
    fc.property(answers, (answer) => {
      if (schema.safeParse(answer).success) accepted++;
      expectAgreement(guard, schema, answer);
    }),
    { numRuns: runs },
  );
  const good = options.examples?.length ? fc.oneof(answers, fc.constantFrom(...options.examples)) : answers;
  fc.assert(
    fc.property(
      good.chain((answer) => fc.tuple(fc.constant(answer), fc.constantFrom(...pathsOf(answer)), replacements)),
      ([answer, path, replacement]) => expectAgreement(guard, schema, replaced(answer, path, replacement)),
    ),
    { numRuns: runs * 2 },
  );
  return { accepted };
}
