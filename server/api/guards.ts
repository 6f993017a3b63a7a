import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
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

export const apiBodyLimit = bodyLimit({
  maxSize: maxApiBodyBytes,
  onError: () => {
    throw new ApiError(413, 'too_large', messages.api.tooLarge);
  },
});

export const securityHeaders = secureHeaders();
