import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import { createMiddleware } from 'hono/factory';
import { secureHeaders } from 'hono/secure-headers';
import { messages } from '../messages.ts';
import { ApiError } from './api-error.ts';

/** The largest JSON body the API accepts: a full diagnostic is a few kilobytes. */
export const maxApiBodyBytes = 256 * 1024;

/**
 * Only the extension talks to the API from a browser. Its background worker
 * has host permission for the server, so CORS matters only if a page tries
 * to: then only extension origins are let through, never a journal page or
 * any other site.
 */
export const apiCors = cors({
  origin: (origin) => (/^(chrome|moz)-extension:\/\/[a-z0-9-]+$/i.test(origin) ? origin : null),
  allowMethods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'],
  allowHeaders: ['Authorization', 'Content-Type'],
  maxAge: 600,
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
export const apiBodyLimit = createMiddleware(async (c, next) => {
  if (c.req.method === 'GET' || c.req.method === 'HEAD') return next(); // the adapter gives them no body
  const length = c.req.header('content-length');
  if (length !== undefined && c.req.header('transfer-encoding') === undefined) {
    if (Number.parseInt(length, 10) > maxApiBodyBytes) throw new ApiError(413, 'too_large', messages.api.tooLarge);
    return next();
  }
  return streamingBodyLimit(c, next);
});

export const securityHeaders = secureHeaders();
