import type { z } from 'zod';
import type { Endpoint } from './endpoints.ts';

/** The parameter a path segment names: `':id'` → `'id'`; none for a fixed segment. */
type SegmentParamName<Segment extends string> = Segment extends `:${infer Name}` ? Name : never;

/** The names of a path's parameters: `'/api/v1/programs/:id/enrollments'` → `'id'`. */
export type PathParamName<Path extends string> = Path extends `${infer Segment}/${infer Rest}`
  ? SegmentParamName<Segment> | PathParamName<Rest>
  : SegmentParamName<Path>;

/**
 * The `params` of a request: exactly the path's parameters, and none where it
 * has none. A path typed only as `string` (an endpoint not declared `as const`)
 * is checked when the path is built instead.
 */
type ParamsOption<Path extends string> = string extends Path
  ? { params?: Record<string, string> }
  : [PathParamName<Path>] extends [never]
    ? { params?: never }
    : { params: Record<PathParamName<Path>, string> };

/**
 * The `query` of a request: what the endpoint's query schema takes, or a
 * query already encoded elsewhere (the panel's catalogue search); none where
 * the endpoint has no query.
 */
type QueryOption<E extends Endpoint> = E extends { query?: infer Query extends z.ZodType } ? { query?: z.input<Query> | URLSearchParams } : { query?: never };

export type PathOptions<E extends Endpoint> = ParamsOption<E['path']> & QueryOption<E>;

/** A trailing argument that may be left out when nothing in it is required. */
// biome-ignore lint/complexity/noBannedTypes: `{} extends Options` is how a type asks whether every key of Options is optional.
export type OptionalWhenEmpty<Options> = {} extends Options ? [options?: Options] : [options: Options];

/** Segments that URL parsing would resolve (`..` climbs to the parent path), whatever their encoding. */
const unaddressable = new Set(['', '.', '..']);

function fillSegment(path: string, segment: string, params: Readonly<Record<string, string>>, used: Set<string>): string {
  if (!segment.startsWith(':')) return segment;
  const name = segment.slice(1);
  const value = Object.hasOwn(params, name) ? params[name] : undefined;
  if (value === undefined) throw new Error(`${path}: no value for :${name}`);
  if (unaddressable.has(value)) throw new Error(`${path}: :${name} cannot be ${JSON.stringify(value)}`);
  used.add(name);
  return encodeURIComponent(value);
}

function queryString(query: object | undefined): string {
  if (query === undefined) return '';
  const search =
    query instanceof URLSearchParams
      ? query
      : new URLSearchParams(Object.entries(query).flatMap(([key, value]: [string, unknown]) => (value === undefined ? [] : [[key, String(value)]])));
  const text = search.toString();
  return text && `?${text}`;
}

/**
 * The path (and query string) of a request to an endpoint:
 * `requestPath(api.enrollInRun, { params: { id: 'p 1' } })` →
 * `/api/v1/programs/p%201/enrollments`. Each `:name` segment is filled with
 * its parameter, encoded; a missing or extra parameter is a type error (and
 * an error at run time for an endpoint whose path type is only `string`).
 * Query values are written in the order given; an undefined one is left out.
 */
export function requestPath<E extends Endpoint>(endpoint: E, ...[options]: OptionalWhenEmpty<PathOptions<E>>): string {
  const { params = {}, query } = (options ?? {}) as { params?: Record<string, string>; query?: object };
  const used = new Set<string>();
  const path = endpoint.path
    .split('/')
    .map((segment) => fillSegment(endpoint.path, segment, params, used))
    .join('/');
  const extra = Object.keys(params).filter((name) => !used.has(name));
  if (extra.length > 0) throw new Error(`${endpoint.path}: no parameter ${extra.map((name) => `:${name}`).join(', ')}`);
  return path + queryString(query);
}
