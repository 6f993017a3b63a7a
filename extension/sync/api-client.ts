import type { z } from 'zod';
import type { api, Endpoint } from '../../shared/api/endpoints.ts';
import type { Route, RouteName } from '../../shared/api/routes.ts';
import { type OptionalWhenEmpty, type PathOptions, requestPath } from '../../shared/api/request-path.ts';
import { messages } from '../messages.ts';

/**
 * Requests to the ПрофРост server, made only by the background worker. A
 * failure is a value, never an exception, so that the outbox can tell a
 * server that is down from a change the server refuses.
 */
export type ApiOutcome =
  | { kind: 'ok'; status: number; body: unknown }
  /** No answer at all: offline, server stopped, DNS, timeout. */
  | { kind: 'network' }
  /** The server answered with an error; `message` is its Russian sentence. */
  | { kind: 'http'; status: number; code: string; message: string };

export interface ApiRequest {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  body?: unknown;
  token?: string;
  /** The browser's HTTP cache mode; `no-cache` revalidates (If-None-Match) instead of trusting max-age. */
  cache?: RequestCache;
  /** How long to wait for an answer; 15 seconds unless said. */
  timeoutMs?: number;
}

export type Fetch = (input: string, init: RequestInit) => Promise<Response>;

const defaultTimeoutMs = 15_000;

function errorOf(body: unknown): { code: string; message: string } | null {
  if (typeof body !== 'object' || body === null) return null;
  const error = (body as { error?: unknown }).error;
  if (typeof error !== 'object' || error === null) return null;
  const { code, message } = error as { code?: unknown; message?: unknown };
  return typeof code === 'string' && typeof message === 'string' ? { code, message } : null;
}

export async function callApi(serverUrl: string, request: ApiRequest, fetchImpl: Fetch = fetch): Promise<ApiOutcome> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (request.body !== undefined) headers['content-type'] = 'application/json';
  if (request.token) headers.authorization = `Bearer ${request.token}`;
  let response: Response;
  try {
    response = await fetchImpl(`${serverUrl}${request.path}`, {
      method: request.method,
      headers,
      body: request.body === undefined ? undefined : JSON.stringify(request.body),
      signal: AbortSignal.timeout(request.timeoutMs ?? defaultTimeoutMs),
      ...(request.cache && { cache: request.cache }),
    });
  } catch {
    return { kind: 'network' };
  }
  const text = await response.text().catch(() => '');
  let body: unknown = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    body = null;
  }
  if (response.ok) return { kind: 'ok', status: response.status, body };
  const error = errorOf(body);
  return {
    kind: 'http',
    status: response.status,
    code: error?.code ?? 'http_' + response.status,
    message: error?.message ?? messages.sync.unexpectedAnswer(response.status),
  };
}

type BodyOption<E extends Endpoint> = E extends { body: infer Body extends z.ZodType } ? { body: z.input<Body> } : { body?: never };

/**
 * The contract's endpoint a route is (types only: the worker calls through the
 * zod-free routes, shared/api/routes.ts, and the schemas stay out of its code).
 */
export type EndpointOf<R extends Route> = R['name'] extends RouteName ? (typeof api)[R['name']] : Endpoint;

/** What a call to an endpoint carries: its path parameters, query and body, as the contract types them. */
export type EndpointInput<R extends Route> = PathOptions<EndpointOf<R>> & BodyOption<EndpointOf<R>>;

/**
 * The request for a call to an endpoint, its method and path taken from the
 * contract: `endpointRequest(routes.enrollInRun, { params: { id }, body })`.
 * This is the shape the outbox keeps on the device.
 */
export function endpointRequest<R extends Route>(route: R, ...[input]: OptionalWhenEmpty<EndpointInput<R>>): Omit<ApiRequest, 'token'> {
  const { params, query, body } = (input ?? {}) as { params?: Record<string, string>; query?: object; body?: unknown };
  const path = requestPath(route as unknown as Endpoint, { params, query });
  return { method: route.method.toUpperCase() as ApiRequest['method'], path, ...(body !== undefined && { body }) };
}

/** How a call is sent rather than what it asks. */
export type CallOptions = Pick<ApiRequest, 'token' | 'cache' | 'timeoutMs'>;

/** Calls an endpoint of the contract through its route: `callEndpoint(serverUrl, routes.submitAttempt, { body, token })`. */
export function callEndpoint<R extends Route>(
  serverUrl: string,
  route: R,
  input: EndpointInput<R> & CallOptions,
  fetchImpl: Fetch = fetch,
): Promise<ApiOutcome> {
  const { token, cache, timeoutMs, ...call } = input;
  const request = endpointRequest(route as Route, call as EndpointInput<Route>);
  return callApi(serverUrl, { ...request, token, cache, timeoutMs }, fetchImpl);
}

/**
 * Worth trying again later: the server is down or busy, or a proxy in
 * between failed. Every other 4xx (400, 404, 409, 413, 422) will fail the
 * same way however often it is sent.
 */
export function isRetryable(outcome: ApiOutcome): boolean {
  if (outcome.kind === 'network') return true;
  if (outcome.kind === 'ok') return false;
  return outcome.status === 408 || outcome.status === 425 || outcome.status === 429 || outcome.status >= 500;
}
