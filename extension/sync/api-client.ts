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
}

export type Fetch = (input: string, init: RequestInit) => Promise<Response>;

const timeoutMs = 15_000;

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
      signal: AbortSignal.timeout(timeoutMs),
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
