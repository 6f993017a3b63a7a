import { createMiddleware } from 'hono/factory';
import type { AdminEnv } from '../../platform/admin/env.ts';
import { errorPage } from '../../platform/admin/layout.tsx';
import { startPage } from '../../platform/admin/sign-in.tsx';
import { messages } from './messages.ts';

/** The admin paths a school's координатор наставничества may open: «Наставничество» and signing out. */
export const coordinatorPaths = ['/admin/mentoring', '/admin/logout'] as const;

const within = (path: string, prefix: string) => path === prefix || path.startsWith(`${prefix}/`);

/**
 * Keeps a coordinator (role `coordinator`) to «Наставничество», where her scope is her school: every other admin
 * page, written for a methodist or the administrator, answers 403 with a sentence, whatever its own checks would
 * do (several read any scope that is not a methodist's as the whole republic). The start page after sign-in
 * (Обзор) and /admin lead to «Наставничество». Everyone else passes untouched.
 */
export function keepCoordinatorToHerPages() {
  return createMiddleware<AdminEnv>(async (c, next) => {
    if (c.var.staff.role !== 'coordinator') return next();
    const path = c.req.path.replace(/\/+$/, '') || '/';
    if (coordinatorPaths.some((prefix) => within(path, prefix))) return next();
    if (c.req.method === 'GET' && (path === '/admin' || path === startPage)) return c.redirect('/admin/mentoring', 303);
    return errorPage(c, 403, messages.adminPages.forbiddenTitle, messages.adminPages.coordinatorForbidden);
  });
}
