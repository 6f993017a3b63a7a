import type { Env, Handler, Hono, MiddlewareHandler } from 'hono';
import { api, type Endpoint, type EndpointName } from '../../../shared/api/endpoints.ts';

/** What answers one endpoint: its handler, after the middleware of its own if it has any (a rate limit, an ETag). */
// biome-ignore lint/suspicious/noExplicitAny: each feature types its handlers with its own Env; the mount takes them all.
export type EndpointAnswer<E extends Env = any> = Handler<E> | readonly [...MiddlewareHandler<E>[], Handler<E>];

/** Every endpoint of the contract with what answers it: the app does not compile with one unanswered (and tests/server/openapi.test.ts holds the served routes to the contract). */
export type ApiAnswers = Record<EndpointName, EndpointAnswer>;

/** The middleware that lets a request reach an endpoint of each kind of `auth` (none: nothing to check). */
export type AuthGuards = Record<Exclude<Endpoint['auth'], 'none'>, MiddlewareHandler>;

/**
 * Mounts every endpoint at the method and path the contract gives it
 * (shared/api/endpoints.ts), behind the guard its `auth` names, so that a
 * path is spelt once: in the contract, which the extension's client and the
 * OpenAPI document read too.
 */
export function mountApi(app: Hono, answers: ApiAnswers, guards: AuthGuards): void {
  for (const name of Object.keys(api) as EndpointName[]) {
    const endpoint: Endpoint = api[name];
    const answer = answers[name];
    const chain = [...(endpoint.auth === 'none' ? [] : [guards[endpoint.auth]]), ...(Array.isArray(answer) ? answer : [answer])] as Handler[];
    app.on([endpoint.method.toUpperCase()], [endpoint.path], ...chain);
  }
}
