import { createMiddleware } from 'hono/factory';

/**
 * Headers of every admin page: scripts, styles and forms only from this
 * server (the pages' script and stylesheet are files, never inline), no
 * framing, and no caching of pages that show personal data.
 */
const policy = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
].join('; ');

export const adminHeaders = createMiddleware(async (c, next) => {
  await next();
  c.header('Content-Security-Policy', policy);
  c.header('Cache-Control', 'no-store');
  c.header('X-Frame-Options', 'DENY');
  c.header('Referrer-Policy', 'same-origin');
});
