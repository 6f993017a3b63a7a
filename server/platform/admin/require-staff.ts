import { createMiddleware } from 'hono/factory';
import { scopeOf } from '../auth/scope.ts';
import { findStaff } from '../database/staff-store.ts';
import type { AdminDeps, AdminEnv } from './env.ts';
import { findSession } from '../database/session-store.ts';
import { readSessionCookie } from './session-cookie.ts';

/**
 * Lets a request through only with a live staff session, and puts the
 * account, its scope and the session on the context. Anyone else is sent to
 * the sign-in page, which brings them back here afterwards.
 */
export function requireStaff({ db }: AdminDeps) {
  return createMiddleware<AdminEnv>(async (c, next) => {
    const id = readSessionCookie(c);
    const session = id ? findSession(db, id) : undefined;
    const staff = session && findStaff(db, session.staffId);
    if (!session || !staff) {
      const back = c.req.method === 'GET' ? new URL(c.req.url).pathname + new URL(c.req.url).search : '/admin/teachers';
      return c.redirect(`/admin/login?next=${encodeURIComponent(back)}${id ? '&expired=1' : ''}`, 303);
    }
    c.set('session', session);
    c.set('staff', staff);
    c.set('scope', scopeOf(staff));
    await next();
  });
}
