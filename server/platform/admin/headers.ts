import { createMiddleware } from 'hono/factory';
import { secureHeaders } from 'hono/secure-headers';

/**
 * Headers of every admin page, in place of the app-wide ones (app.ts skips
 * those for /admin): scripts, styles and forms only from this server (the
 * pages' script and stylesheet are files, never inline), no framing, no
 * caching of pages that show personal data, and a same-origin referrer
 * policy, because with `no-referrer` browsers send `Origin: null` with our
 * own forms and the origin check (csrf.ts) could not tell them from a
 * forgery.
 */
const adminSecureHeaders = secureHeaders({
  contentSecurityPolicy: {
    defaultSrc: ["'none'"],
    scriptSrc: ["'self'"],
    styleSrc: ["'self'"],
    imgSrc: ["'self'", 'data:'],
    connectSrc: ["'self'"],
    formAction: ["'self'"],
    frameAncestors: ["'none'"],
    baseUri: ["'none'"],
  },
  referrerPolicy: 'same-origin',
  xFrameOptions: 'DENY',
});

export const adminHeaders = createMiddleware(async (c, next) => {
  await adminSecureHeaders(c, async () => {
    await next();
    c.header('Cache-Control', 'no-store');
  });
});
