import { timingSafeEqual } from 'node:crypto';
import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import { messages } from '../messages.ts';
import type { AdminEnv } from './env.ts';
import { csrfField, errorPage } from './layout.tsx';

/**
 * Protection against cross-site request forgery, in two layers:
 * - every POST must come from a page of this server: its Origin (or, when a
 *   browser sends none, its Referer) must be this server's address;
 * - every POST of a signed-in person must carry the session's secret token
 *   in the hidden `_csrf` field that the forms of the layout include.
 */

function originOf(value: string | undefined): string | undefined {
  if (!value) return undefined;
  try {
    return new URL(value).origin;
  } catch {
    return undefined;
  }
}

/**
 * Origins a form of ours may be posted from: the address the request came
 * to, and the configured public one. `Origin: null` (a privacy setting, a
 * sandboxed frame) counts as no origin; then the Referer decides.
 */
export function sameOrigin(publicUrl?: string) {
  return createMiddleware(async (c, next) => {
    if (c.req.method !== 'POST') return next();
    const origin = c.req.header('origin');
    const from = originOf(origin === 'null' ? undefined : origin) ?? originOf(c.req.header('referer'));
    const allowed = [new URL(c.req.url).origin, originOf(publicUrl)];
    if (!from || !allowed.includes(from)) return errorPage(c, 403, messages.adminPages.forbiddenTitle, messages.adminPages.badOrigin);
    await next();
  });
}

function sameToken(sent: string, expected: string): boolean {
  const a = Buffer.from(sent);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The session's token must come back with every POST; runs after requireStaff. */
export const csrfToken = createMiddleware<AdminEnv>(async (c, next) => {
  if (c.req.method !== 'POST') return next();
  const form = await c.req.parseBody();
  const sent = form[csrfField];
  if (typeof sent !== 'string' || !sameToken(sent, c.var.session.csrfToken)) {
    return errorPage(c as unknown as Context, 403, messages.adminPages.forbiddenTitle, messages.adminPages.badCsrf);
  }
  await next();
});
