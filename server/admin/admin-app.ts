import { Hono } from 'hono';
import { messages } from '../messages.ts';
import { assetRoutes } from './assets.ts';
import { csrfToken, sameOrigin } from './csrf.ts';
import type { AdminEnv } from './env.ts';
import { adminBodyLimit } from './forms.ts';
import { adminHeaders } from './headers.ts';
import { errorPage } from './layout.tsx';
import { type LoginOptions, loginRoutes, logoutRoutes, startPage } from './login.tsx';
import { auditPage } from './pages/audit.tsx';
import { diagnosticsPage } from './pages/diagnostics.tsx';
import { programsPage } from './pages/programs.tsx';
import { demandPage, effectivenessPage, overviewPage } from './pages/reports.tsx';
import { rosterPage } from './pages/roster.tsx';
import { teachersPage } from './pages/teachers.tsx';
import { requireStaff } from './require-staff.ts';

/** What the admin pages need: the database, the public address (forms posted from it pass the origin check), the sign-in rate limit. */
export interface AdminOptions extends LoginOptions {
  /** K: the smallest group a number on the report pages may describe (PROFROST_REPORT_MIN_GROUP). */
  reportMinGroup: number;
}

/**
 * The methodists' admin pages, mounted at /admin. Everything but the sign-in
 * page and the static files requires a staff session, and every POST passes
 * the origin and CSRF checks. A page is one line below: `pages.route(path, page(deps))`
 * with its section in layout.tsx's `sections`.
 */
export function adminRoutes(options: AdminOptions) {
  const deps = { db: options.db };
  const admin = new Hono<AdminEnv>();
  admin.use(adminHeaders, adminBodyLimit, sameOrigin(options.publicUrl));
  admin.route('/assets', assetRoutes());
  admin.route('/login', loginRoutes(options));

  const pages = new Hono<AdminEnv>();
  pages.use(requireStaff(deps), csrfToken);
  pages.get('/', (c) => c.redirect(startPage));
  pages.route('/logout', logoutRoutes({ ...deps, publicUrl: options.publicUrl }));
  const reportDeps = { ...deps, minGroup: options.reportMinGroup };
  pages.route('/overview', overviewPage(reportDeps));
  pages.route('/teachers', teachersPage(deps));
  pages.route('/programs', programsPage(deps));
  pages.route('/demand', demandPage(reportDeps));
  pages.route('/effectiveness', effectivenessPage(reportDeps));
  pages.route('/roster', rosterPage(deps));
  pages.route('/diagnostics', diagnosticsPage(deps));
  pages.route('/audit', auditPage(deps));
  admin.route('/', pages);

  admin.onError((error, c) => {
    console.error(error);
    return errorPage(c, 500, messages.adminPages.errorTitle, messages.adminPages.internal);
  });
  return admin;
}
