import { Hono } from 'hono';
import { defaultTimeZone } from '../shared/format/russian.ts';
import { adminTimeZone } from './platform/admin/time-zone.ts';
import { messages } from './messages.ts';
import { adminAssets } from './platform/admin/assets.ts';
import { csrfToken, sameOrigin } from './platform/admin/csrf.ts';
import type { AdminEnv } from './platform/admin/env.ts';
import { adminBodyLimit } from './platform/admin/forms.ts';
import { adminHeaders } from './platform/admin/headers.ts';
import { errorPage } from './platform/admin/layout.tsx';
import { type LoginOptions, loginPage, logoutPage, startPage } from './platform/admin/sign-in.tsx';
import { auditPage } from './features/audit/admin-page.tsx';
import { journalsPage } from './features/journal-reports/admin-page.tsx';
import { diagnosticsPage } from './features/diagnostics/admin-page.tsx';
import { programsPage } from './features/catalogue/admin/programs.tsx';
import { demandPage, effectivenessPage, overviewPage } from './features/staff-reports/admin-page.tsx';
import { rosterPage } from './features/roster/admin-page.tsx';
import { teachersPage } from './features/teachers/admin-page.tsx';
import { routeAgreementPage } from './features/route/admin-page.tsx';
import { mentoringPage } from './features/mentoring/admin-page.tsx';
import { requireStaff } from './platform/admin/require-staff.ts';
import { schoolsPage } from './features/schools/admin-page.tsx';
import { recommendationsPage } from './features/recommendations/admin-page.tsx';
import { measuresPage } from './features/measures/admin-page.tsx';
import { eventsPage } from './features/events/admin-page.tsx';
import { keepCouncilToItsPages } from './features/council/access.ts';
import { keepCoordinatorToHerPages } from './features/mentoring/access.ts';
import { councilPage } from './features/council/admin-page.tsx';
import { consultationsPage } from './features/consultations/admin-page.tsx';
import { indicatorsPage } from './features/indicators/admin-page.tsx';
import { eventImportPage } from './features/events/import-page.tsx';
import { associationsPage } from './features/associations/admin-page.tsx';
import { campaignsPage } from './features/campaigns/admin-page.tsx';

/** What the admin pages need: the database, the public address (forms posted from it pass the origin check), the sign-in rate limit. */
export interface AdminOptions extends LoginOptions {
  /** K: the smallest group a number on the report pages may describe (PROFROST_REPORT_MIN_GROUP). */
  minGroup: number;
  /** The deployment's time zone for the times the pages show (PROFROST_TIME_ZONE). */
  timeZone?: string | undefined;
}

/**
 * The methodists' admin pages, mounted at /admin. Everything but the sign-in
 * page and the static files requires a staff session, and every POST passes
 * the origin and CSRF checks. A page is one line below: `pages.route(path, page(deps))`
 * with its section in layout.tsx's `sections`.
 */
export function adminApp(options: AdminOptions) {
  const deps = { db: options.db };
  const admin = new Hono<AdminEnv>();
  admin.use(...adminTimeZone(options.timeZone ?? defaultTimeZone), adminHeaders, adminBodyLimit, sameOrigin(options.publicUrl));
  admin.route('/assets', adminAssets());
  admin.route('/login', loginPage(options));

  const pages = new Hono<AdminEnv>();
  pages.use(requireStaff(deps), csrfToken, keepCouncilToItsPages(), keepCoordinatorToHerPages());
  pages.get('/', (c) => c.redirect(startPage));
  pages.route('/logout', logoutPage({ ...deps, publicUrl: options.publicUrl }));
  const reportDeps = { ...deps, minGroup: options.minGroup };
  pages.route('/overview', overviewPage(reportDeps));
  pages.route('/teachers', routeAgreementPage(deps));
  pages.route('/teachers', teachersPage(deps));
  pages.route('/programs', programsPage(deps));
  pages.route('/demand', demandPage(reportDeps));
  pages.route('/effectiveness', effectivenessPage(reportDeps));
  pages.route('/roster', rosterPage(deps));
  pages.route('/diagnostics', diagnosticsPage(deps));
  pages.route('/audit', auditPage(deps));
  // The public address decides only the demo journal's host among the journals an override may name.
  pages.route('/journals', journalsPage({ ...deps, publicUrl: options.publicUrl ?? 'http://localhost' }));
  pages.route('/mentoring', mentoringPage(deps));
  pages.route('/schools', schoolsPage(deps));
  pages.route('/recommendations', recommendationsPage(deps));
  pages.route('/measures', measuresPage(deps));
  pages.route('/events', eventsPage(deps));
  pages.route('/council', councilPage(reportDeps));
  pages.route('/consultations', consultationsPage(reportDeps));
  pages.route('/indicators', indicatorsPage(reportDeps));
  pages.route('/events-import', eventImportPage(deps));
  pages.route('/associations', associationsPage(deps));
  pages.route('/campaigns', campaignsPage(deps));
  admin.route('/', pages);

  admin.onError((error, c) => {
    console.error(error);
    return errorPage(c, 500, messages.adminPages.errorTitle, messages.adminPages.internal);
  });
  return admin;
}
