import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { sessionLifetimeMs } from './sessions.ts';

/**
 * The session cookie: httpOnly (no script reads it), SameSite=Lax (not sent
 * with another site's forms), Secure when the page came over HTTPS, and
 * only for /admin.
 */
const name = 'profrost_admin';
const path = '/admin';

function secure(c: Context): boolean {
  return new URL(c.req.url).protocol === 'https:';
}

export function readSessionCookie(c: Context): string | undefined {
  return getCookie(c, name);
}

export function writeSessionCookie(c: Context, id: string): void {
  setCookie(c, name, id, { path, httpOnly: true, sameSite: 'Lax', secure: secure(c), maxAge: Math.floor(sessionLifetimeMs / 1000) });
}

export function clearSessionCookie(c: Context): void {
  deleteCookie(c, name, { path, httpOnly: true, sameSite: 'Lax', secure: secure(c) });
}
