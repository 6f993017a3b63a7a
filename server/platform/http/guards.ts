import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import { createMiddleware } from 'hono/factory';
import { secureHeaders } from 'hono/secure-headers';
import { messages } from '../messages.ts';
import { ApiError } from './api-error.ts';
import { nodeResponse, requestHeader } from './node-request.ts';

/** The largest JSON body the API accepts: a full diagnostic is a few kilobytes. */
export const maxApiBodyBytes = 256 * 1024;

const extensionOrigin = /^(chrome|moz)-extension:\/\/[a-z0-9-]+$/i;

/** Preflight requests: Hono's cors middleware answers them. */
const corsPreflight = cors({
  origin: (origin) => (extensionOrigin.test(origin) ? origin : null),
  allowMethods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'],
  allowHeaders: ['Authorization', 'Content-Type'],
  maxAge: 600,
});

/**
 * Only the extension talks to the API from a browser. Its background worker
 * has host permission for the server, so CORS matters only if a page tries
 * to: then only extension origins are let through, never a journal page or
 * any other site.
 *
 * Other requests get the same headers as Hono's cors middleware would give
 * them, but not through `c.header()` after the handler, which rebuilds the
 * response as a full web Response with a body stream (under
 * @hono/node-server that doubled the cost of sending every API answer): on
 * Node they go on the Node response before the handler runs, as the
 * security headers do; elsewhere on the finished response's headers.
 */
export const apiCors = createMiddleware((c, next) => {
  if (c.req.method === 'OPTIONS') return corsPreflight(c, next);
  const origin = requestHeader(c, 'origin');
  const allowed = origin !== undefined && extensionOrigin.test(origin);
  const outgoing = nodeResponse(c);
  if (!outgoing) {
    return next().then(() => {
      if (allowed) c.res.headers.set('Access-Control-Allow-Origin', origin);
      c.res.headers.append('Vary', 'Origin');
    });
  }
  if (allowed) outgoing.setHeader('Access-Control-Allow-Origin', origin);
  outgoing.setHeader('Vary', 'Origin');
  return next();
});

const streamingBodyLimit = bodyLimit({
  maxSize: maxApiBodyBytes,
  onError: () => {
    throw new ApiError(413, 'too_large', messages.api.tooLarge);
  },
});

/**
 * Hono's bodyLimit, but a request that declares a small Content-Length (and
 * no Transfer-Encoding) is let through on the header alone, as bodyLimit
 * itself would: bodyLimit first touches `c.req.raw.body`, which makes the
 * Node adapter build a full Request and web stream for every request.
 */
export const apiBodyLimit = createMiddleware((c, next) => {
  if (c.req.method === 'GET' || c.req.method === 'HEAD') return next(); // the adapter gives them no body
  const length = requestHeader(c, 'content-length');
  if (length !== undefined && requestHeader(c, 'transfer-encoding') === undefined) {
    if (Number.parseInt(length, 10) > maxApiBodyBytes) throw new ApiError(413, 'too_large', messages.api.tooLarge);
    return next();
  }
  return streamingBodyLimit(c, next);
});

/** Hono's secureHeaders with its defaults: what every answer outside the admin pages carries. */
const honoSecurityHeaders = secureHeaders();

/** The headers it sets, read once off an answer of its own, so that the list below cannot drift from Hono's. */
const securityHeaderList: readonly [string, string][] = [
  ...(
    await new Hono()
      .use(honoSecurityHeaders)
      .get('/', (c) => c.body(null))
      .request('/')
  ).headers,
].filter(([name]) => name !== 'content-type');

/**
 * The security headers. Hono's middleware sets them on the finished
 * response's web Headers: under @hono/node-server that builds a Headers
 * object for every answer, validates each header as it is set, and converts
 * them all back for Node (leaving the middleware out saved 60-140 µs of a
 * submission's 300-400 µs, on a noisy machine). On Node they are set on the
 * Node response before the handler runs instead, and Node merges them into
 * the head it writes (a header the handler sets itself wins); elsewhere
 * Hono's middleware does it.
 */
export const securityHeaders = createMiddleware((c, next) => {
  const outgoing = nodeResponse(c);
  if (!outgoing) return honoSecurityHeaders(c, next);
  for (const [name, value] of securityHeaderList) outgoing.setHeader(name, value);
  return next();
});
