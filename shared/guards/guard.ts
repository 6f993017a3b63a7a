/**
 * Small checks of the server's answers for the extension's background worker,
 * without zod: the worker's script is compiled and run every time the browser
 * wakes it, and zod made up most of it. Each guard is data (its `desc`, which
 * a test turns into generated examples) with a `check` that returns the value
 * as the contract's zod schema would give it (unknown keys dropped, defaults
 * filled in) or a failure as a value, never an exception. The answer guards
 * (answer-guards.ts) are written after the zod schemas of shared/api/, and
 * their tests hold them to agree with `schema.safeParse` on generated answers.
 */

export type Path = readonly (string | number)[];

/** The value as checked, or where it first failed and what was expected there (for a developer; the user is told the answer was not understood). */
export type Checked<T> = { ok: true; value: T } | { ok: false; path: Path; expected: string };

export type StringFormat = 'isoDate' | 'isoDateTime' | 'isoDateTimeOffset' | 'uuid' | 'httpUrl';

export type GuardDesc =
  | { kind: 'string'; trim?: boolean; min?: number; max?: number; length?: number; pattern?: RegExp; plain?: boolean; format?: StringFormat }
  | { kind: 'number'; int?: boolean; min?: number; max?: number; positive?: boolean }
  | { kind: 'boolean' }
  | { kind: 'unknown' }
  | { kind: 'literal'; value: string }
  | { kind: 'enum'; values: readonly string[] }
  | { kind: 'array'; item: AnyGuard; min?: number; max?: number; length?: number }
  | { kind: 'object'; shape: Readonly<Record<string, AnyGuard>>; strict: boolean }
  | { kind: 'record'; key: AnyGuard; value: AnyGuard; exhaustive?: readonly string[] }
  | { kind: 'nullable'; inner: AnyGuard }
  | { kind: 'optional'; inner: AnyGuard }
  | { kind: 'default'; inner: AnyGuard; value: unknown }
  | { kind: 'union'; options: readonly AnyGuard[] }
  | { kind: 'refine'; inner: AnyGuard; test: (value: never) => boolean; expected: string }
  | { kind: 'lazy'; get: () => AnyGuard };

export interface Guard<T> {
  readonly desc: GuardDesc;
  check(value: unknown, path?: Path): Checked<T>;
  /** Accepts null too. */
  nullable(): Guard<T | null>;
  /** May be left out (in an object: the key may be missing). */
  optional(): Guard<T | undefined>;
  /** Missing (undefined) becomes `value`. */
  default(value: T): Guard<T>;
  /** A condition on the value once its shape is right (zod's `.refine`). */
  refine(test: (value: T) => boolean, expected: string): Guard<T>;
}

// biome-ignore lint/suspicious/noExplicitAny: a guard of any output, for containers.
export type AnyGuard = Guard<any>;
export type Infer<G> = G extends Guard<infer T> ? T : never;

const fail = (path: Path, expected: string): Checked<never> => ({ ok: false, path, expected });

function guard<T>(desc: GuardDesc, check: (value: unknown, path: Path) => Checked<T>): Guard<T> {
  return {
    desc,
    check: (value, path = []) => check(value, path),
    nullable() {
      return guard<T | null>({ kind: 'nullable', inner: this }, (value, path) => (value === null ? { ok: true, value: null } : check(value, path)));
    },
    optional() {
      return guard<T | undefined>({ kind: 'optional', inner: this }, (value, path) =>
        value === undefined ? { ok: true, value: undefined } : check(value, path),
      );
    },
    default(fallback) {
      return guard<T>({ kind: 'default', inner: this, value: fallback }, (value, path) =>
        value === undefined ? { ok: true, value: fallback } : check(value, path),
      );
    },
    refine(test, expected) {
      return guard<T>({ kind: 'refine', inner: this, test: test as (value: never) => boolean, expected }, (value, path) => {
        const checked = check(value, path);
        if (!checked.ok) return checked;
        return test(checked.value) ? checked : fail(path, expected);
      });
    },
  };
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: the same control characters as shared/schemas/input.ts refuses.
const controlCharacter = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;

/** The patterns zod 4 checks its string formats with (zod/v4/core/regexes.js), copied so that the worker need not carry zod. */
const dateSource =
  '(?:(?:\\d\\d[2468][048]|\\d\\d[13579][26]|\\d\\d0[48]|[02468][048]00|[13579][26]00)-02-29|\\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\\d|30)|(?:02)-(?:0[1-9]|1\\d|2[0-8])))';
const secondsSource = '(?:[01]\\d|2[0-3]):[0-5]\\d:[0-5]\\d(?:\\.\\d+)?';
export const formatPatterns: Record<Exclude<StringFormat, 'httpUrl'>, RegExp> = {
  isoDate: new RegExp(`^${dateSource}$`),
  isoDateTime: new RegExp(`^${dateSource}T(?:${secondsSource}(?:Z))$`),
  isoDateTimeOffset: new RegExp(`^${dateSource}T(?:${secondsSource}(?:Z|([+-](?:[01]\\d|2[0-3]):[0-5]\\d)))$`),
  uuid: /^([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[1-8][0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}|00000000-0000-0000-0000-000000000000|ffffffff-ffff-ffff-ffff-ffffffffffff)$/,
};

/** zod's `z.url({ protocol: /^https?$/ })`: an http(s) address with its `//`, parsed by the URL parser; the value trimmed, tabs and line breaks taken out. */
function httpUrl(value: string): string | undefined {
  const trimmed = value.trim();
  if (!/^https?:\/\//i.test(trimmed)) return undefined;
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return undefined;
  }
  const protocol = url.protocol.endsWith(':') ? url.protocol.slice(0, -1) : url.protocol;
  return /^https?$/.test(protocol) ? trimmed.replace(/[\t\n\r]/g, '') : undefined;
}

type StringOptions = Omit<Extract<GuardDesc, { kind: 'string' }>, 'kind'>;

export function string(options: StringOptions = {}): Guard<string> {
  const { trim, min, max, length, pattern, plain, format } = options;
  return guard({ kind: 'string', ...options }, (input, path) => {
    if (typeof input !== 'string') return fail(path, 'строка');
    // zod's `.trim()` comes before the other checks, and its value is the one checked and kept.
    const value = trim ? input.trim() : input;
    if (min !== undefined && value.length < min) return fail(path, `не короче ${min}`);
    if (max !== undefined && value.length > max) return fail(path, `не длиннее ${max}`);
    if (length !== undefined && value.length !== length) return fail(path, `длиной ${length}`);
    if (pattern && !pattern.test(value)) return fail(path, `по образцу ${pattern.source}`);
    if (plain && controlCharacter.test(value)) return fail(path, 'без служебных символов');
    if (format === 'httpUrl') {
      const url = httpUrl(value);
      return url === undefined ? fail(path, 'адрес http(s)') : { ok: true, value: url };
    }
    if (format && !formatPatterns[format].test(value)) return fail(path, format);
    return { ok: true, value };
  });
}

export function number(options: Omit<Extract<GuardDesc, { kind: 'number' }>, 'kind'> = {}): Guard<number> {
  const { int, min, max, positive } = options;
  return guard({ kind: 'number', ...options }, (value, path) => {
    if (typeof value !== 'number' || !Number.isFinite(value)) return fail(path, 'число');
    if (int && !Number.isSafeInteger(value)) return fail(path, 'целое число');
    if (positive && !(value > 0)) return fail(path, 'больше нуля');
    if (min !== undefined && value < min) return fail(path, `не меньше ${min}`);
    if (max !== undefined && value > max) return fail(path, `не больше ${max}`);
    return { ok: true, value };
  });
}

/** An integer, optionally within bounds: zod's `z.number().int().min(…).max(…)`. */
export const int = (min?: number, max?: number) => number({ int: true, ...(min !== undefined && { min }), ...(max !== undefined && { max }) });

export const boolean = (): Guard<boolean> =>
  guard({ kind: 'boolean' }, (value, path) => (typeof value === 'boolean' ? { ok: true, value } : fail(path, 'да или нет')));

export const unknown = (): Guard<unknown> => guard({ kind: 'unknown' }, (value) => ({ ok: true, value }));

export function literal<const T extends string>(expected: T): Guard<T> {
  return guard({ kind: 'literal', value: expected }, (value, path) => (value === expected ? { ok: true, value: expected } : fail(path, `«${expected}»`)));
}

export function oneOf<const T extends readonly string[]>(values: T): Guard<T[number]> {
  return guard({ kind: 'enum', values }, (value, path) =>
    typeof value === 'string' && values.includes(value) ? { ok: true, value: value as T[number] } : fail(path, values.join(' | ')),
  );
}

export function array<G extends AnyGuard>(item: G, options: { min?: number; max?: number; length?: number } = {}): Guard<Infer<G>[]> {
  const { min, max, length } = options;
  return guard({ kind: 'array', item, ...options }, (value, path) => {
    if (!Array.isArray(value)) return fail(path, 'список');
    if (min !== undefined && value.length < min) return fail(path, `не меньше ${min} элементов`);
    if (max !== undefined && value.length > max) return fail(path, `не больше ${max} элементов`);
    if (length !== undefined && value.length !== length) return fail(path, `${length} элементов`);
    const out: Infer<G>[] = [];
    for (let index = 0; index < value.length; index++) {
      const checked = item.check(value[index], [...path, index]);
      if (!checked.ok) return checked;
      out.push(checked.value);
    }
    return { ok: true, value: out };
  });
}

type Shape = Readonly<Record<string, AnyGuard>>;
type OptionalKeys<S extends Shape> = { [K in keyof S]: undefined extends Infer<S[K]> ? K : never }[keyof S];
type Flatten<T> = { [K in keyof T]: T[K] } & {};
export type ObjectOf<S extends Shape> = Flatten<{ [K in Exclude<keyof S, OptionalKeys<S>>]: Infer<S[K]> } & { [K in OptionalKeys<S>]?: Infer<S[K]> }>;

const isPlainObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function objectGuard<S extends Shape, T>(shape: S, strict: boolean): Guard<T> {
  const keys = Object.keys(shape);
  return guard({ kind: 'object', shape, strict }, (value, path) => {
    if (!isPlainObject(value)) return fail(path, 'объект');
    const out: Record<string, unknown> = {};
    for (const key of keys) {
      const checked = shape[key]!.check(value[key], [...path, key]);
      if (!checked.ok) return checked;
      // A missing optional key stays missing, as zod leaves it.
      if (checked.value !== undefined || Object.hasOwn(value, key)) out[key] = checked.value;
    }
    if (strict) {
      for (const key of Object.keys(value)) if (!Object.hasOwn(shape, key)) return fail([...path, key], 'нет такого поля');
    }
    return { ok: true, value: out as T };
  });
}

/** zod's `z.object`: the listed keys, others dropped. */
export const object = <S extends Shape>(shape: S): Guard<ObjectOf<S>> => objectGuard(shape, false);
/** zod's `z.strictObject`: the listed keys, any other refused. */
export const strictObject = <S extends Shape>(shape: S): Guard<ObjectOf<S>> => objectGuard(shape, true);

function recordGuard<K extends string, V, T>(key: Guard<K>, value: Guard<V>, exhaustive?: readonly string[]): Guard<T> {
  return guard({ kind: 'record', key, value, ...(exhaustive && { exhaustive }) }, (input, path) => {
    if (!isPlainObject(input)) return fail(path, 'объект');
    const out: Record<string, unknown> = {};
    for (const name of exhaustive ?? []) {
      if (!Object.hasOwn(input, name)) {
        const checked = value.check(undefined, [...path, name]);
        if (!checked.ok) return checked;
      }
    }
    for (const name of Object.keys(input)) {
      const checkedKey = key.check(name, [...path, name]);
      if (!checkedKey.ok) return checkedKey;
      const checked = value.check(input[name], [...path, name]);
      if (!checked.ok) return checked;
      out[name] = checked.value;
    }
    return { ok: true, value: out as T };
  });
}

/** zod's `z.record(keys, value)`: with an enum of keys every one of them must be there. */
export function record<const K extends readonly string[], G extends AnyGuard>(keys: K, value: G): Guard<Record<K[number], Infer<G>>> {
  return recordGuard(oneOf(keys), value, keys);
}
/** zod's `z.partialRecord(z.enum(keys), value)`: some of the keys, no other. */
export function partialRecord<const K extends readonly string[], G extends AnyGuard>(keys: K, value: G): Guard<Partial<Record<K[number], Infer<G>>>> {
  return recordGuard(oneOf(keys), value);
}

/** zod's `z.union`: the first option that fits gives the value. */
export function union<const G extends readonly AnyGuard[]>(options: G): Guard<Infer<G[number]>> {
  return guard({ kind: 'union', options }, (value, path) => {
    for (const option of options) {
      const checked = option.check(value, path);
      if (checked.ok) return checked;
    }
    return fail(path, 'один из вариантов');
  });
}

/** A shape that contains itself (a page's tree of elements). */
export function lazy<T>(get: () => Guard<T>): Guard<T> {
  return guard({ kind: 'lazy', get }, (value, path) => get().check(value, path));
}
