import { createMiddleware } from 'hono/factory';
import type { AdminEnv } from '../../platform/admin/env.ts';
import { errorPage } from '../../platform/admin/layout.tsx';
import { startPage } from '../../platform/admin/sign-in.tsx';
import { messages } from './messages.ts';

/** The admin paths a member of the expert council may open: the council's summaries, the consultations, signing out. */
export const councilPaths = ['/admin/council', '/admin/consultations', '/admin/logout'] as const;

const within = (path: string, prefix: string) => path === prefix || path.startsWith(`${prefix}/`) || path.startsWith(`${prefix}.`);

/**
 * Keeps a council member (role `council`) to the council's pages: every other admin page, each of which
 * shows or exports single teachers or changes what they see, answers 403 with a sentence, whatever its
 * own checks would do. The start page after sign-in (Обзор) and /admin lead to the council's summaries.
 * Everyone else passes untouched.
 */
export function keepCouncilToItsPages() {
  return createMiddleware<AdminEnv>(async (c, next) => {
    if (c.var.staff.role !== 'council') return next();
    const path = c.req.path.replace(/\/+$/, '') || '/';
    if (councilPaths.some((prefix) => within(path, prefix))) return next();
    if (c.req.method === 'GET' && (path === '/admin' || path === startPage)) return c.redirect('/admin/council', 303);
    return errorPage(c, 403, messages.adminPages.forbiddenTitle, messages.adminPages.councilForbidden);
  });
}
