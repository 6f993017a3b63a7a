import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { sessionLifetimeMs } from '../database/session-store.ts';

/**
 * The session cookie: httpOnly (no script reads it), SameSite=Lax (not sent
 * with another site's forms), Secure when the page came over HTTPS or the
 * server's public address is HTTPS (behind a proxy that ends TLS the
 * request itself arrives over plain HTTP), and only for /admin.
 */
const name = 'profrost_admin';
const path = '/admin';

function secure(c: Context, publicUrl?: string): boolean {
  return new URL(c.req.url).protocol === 'https:' || Boolean(publicUrl?.startsWith('https:'));
}

export function readSessionCookie(c: Context): string | undefined {
  return getCookie(c, name);
}

export function writeSessionCookie(c: Context, id: string, publicUrl?: string): void {
  setCookie(c, name, id, { path, httpOnly: true, sameSite: 'Lax', secure: secure(c, publicUrl), maxAge: Math.floor(sessionLifetimeMs / 1000) });
}

export function clearSessionCookie(c: Context, publicUrl?: string): void {
  deleteCookie(c, name, { path, httpOnly: true, sameSite: 'Lax', secure: secure(c, publicUrl) });
}
