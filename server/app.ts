import { Hono } from 'hono';
import type { ApiError as ApiErrorBody } from '../shared/api/errors.ts';
import { useRussianValidationMessages } from '../shared/schemas/locale.ts';
import { adminApp } from './admin.ts';
import { icon as adminIcon } from './platform/admin/assets.ts';
import { errorPage } from './platform/admin/layout.tsx';
import { ApiError } from './platform/http/api-error.ts';
import { apiBodyLimit, apiCors, securityHeaders } from './platform/http/guards.ts';
import type { Config } from './platform/config.ts';
import { messages } from './messages.ts';
import { framework } from '../shared/content/index.ts';
import { diagnosticsApi } from './features/diagnostics/api.ts';
import { type PrepareSubmission, prepareInThread } from './features/diagnostics/prepare-submission.ts';
import { attemptStore } from './features/diagnostics/attempt-store.ts';
import { type ConnectLimits, connectApi } from './features/connection/api.ts';
import { meApi } from './features/me/api.ts';
import { type RateLimitOptions, rateLimit } from './platform/http/rate-limit.ts';
import { catalogueApi } from './features/catalogue/api.ts';
import { foldNewTeacherNames } from './features/teachers/directory-store.ts';
import { readNewTeacherSubjects } from './features/subjects/store.ts';
import { profileApi } from './features/me/profile-api.ts';
import { routeApi } from './features/route/api.ts';
import { startRouteRefresher } from './features/route/refresher.ts';
import { demoJournalPage } from './features/demo/journal-page.tsx';
import { healthApi } from './features/health/api.ts';
import { journalOverrideApi } from './features/journal-overrides/api.ts';
import { journalReportApi } from './features/journal-reports/api.ts';
import { eventsApi } from './features/events/api.ts';
import { openApiDocument } from './platform/http/openapi-api.ts';
import { summaryApi } from './features/summaries/api.ts';
import { mentoringApi } from './features/mentoring/api.ts';
import { mountApi } from './platform/http/mount-api.ts';
import { consultationApi } from './features/consultations/api.ts';
import { teacherAuth } from './platform/auth/teacher-auth.ts';
import { councilAuth } from './platform/auth/council-auth.ts';
import { startReportRefresher } from './features/aggregates/refresher.ts';
import { currentPeriod } from './features/aggregates/period.ts';
import { warmSummaryBase } from './features/summaries/store/warm.ts';
import { scheduleWarms } from './features/summaries/store/warm-schedule.ts';
import { ensureReportAggregates } from './features/aggregates/store/rebuild.ts';
import type { Db } from './platform/database/database.ts';
import { recommendationApi } from './features/recommendations/api.ts';
import { campaignApi } from './features/campaigns/api.ts';

export interface AppDeps {
  db: Db;
  config: Config;
  /** Connection attempts per client IP: generous, a school behind one address connects on one morning (300 in 10 minutes unless a test says otherwise). */
  connectRateLimit?: RateLimitOptions;
  /** Connection attempts per code and per device (features/connection/api.ts). */
  connectLimits?: ConnectLimits;
  /** Staff sign-in attempts per client IP on the admin pages; 10 a minute unless a test says otherwise. */
  loginRateLimit?: RateLimitOptions;
  /** Where submissions are scored; on the requests' thread unless given (the server gives it a thread: scoring-worker.ts). */
  prepareSubmission?: PrepareSubmission;
}

/** The whole HTTP surface; `app.request` drives it in tests without a socket. */
export function createApp({
  db,
  config,
  connectRateLimit = { limit: 300, windowMs: 10 * 60_000 },
  connectLimits,
  loginRateLimit,
  prepareSubmission = prepareInThread(db, framework),
}: AppDeps) {
  useRussianValidationMessages();
  const app = new Hono();
  // The admin pages send their own, stricter set (server/platform/admin/headers.ts).
  app.use((c, next) => (c.req.path === '/admin' || c.req.path.startsWith('/admin/') ? next() : securityHeaders(c, next)));
  app.use('/api/*', apiCors, apiBodyLimit);
  app.route('/api/v1/openapi.json', openApiDocument());
  // The report aggregates follow the attempts in the background, and are settled before a report is read
  // (summaries/api.ts for the council's summaries; staff-reports/admin-page.tsx for the staff's report pages).
  // Those of attempts stored before the aggregates existed (or by older code) are built once, before the refresher starts.
  ensureReportAggregates(db);
  // Names stored before the folded-name column existed, or written by other code, are folded before the first search.
  foldNewTeacherNames(db);
  // The same for the teachers' subjects (on the 100,000-teacher bench republic, 2 s the first page would otherwise hold).
  readNewTeacherSubjects(db);
  // Once the aggregates have changed and the changes pause, the council's and staff's summaries of this year are recounted ahead
  // of the first page that asks (warm-schedule.ts says why not after every change).
  const warms = scheduleWarms(() => void (db.open && warmSummaryBase(db, { period: currentPeriod(), minGroup: config.minGroup })));
  const reports = startReportRefresher(db, { settled: () => warms.changed() });
  // The ИОМ is rebuilt after a new attempt (a trigger notes it), not when it is read (features/route/rebuild.ts).
  const routes = startRouteRefresher(db);
  const attempts = attemptStore(db, {
    onStored: () => {
      reports.stored();
      routes.noted();
    },
  });
  // Every endpoint of the contract (shared/api/endpoints.ts), at its own path, behind the guard it names.
  // /enroll is the old path of /connect, answered the same way for one release (deprecated in the contract);
  // one limit counts both, so that alternating them gains no guesses.
  const { connectDevice } = connectApi(db, connectLimits);
  const connectLimit = rateLimit(connectRateLimit);
  mountApi(
    app,
    {
      ...healthApi(db),
      connectDevice: [connectLimit, connectDevice],
      connectDeviceAtOldPath: [connectLimit, connectDevice],
      ...journalOverrideApi(db),
      ...diagnosticsApi(db, attempts, { attempts, prepare: prepareSubmission }),
      ...profileApi(db),
      ...catalogueApi(db),
      ...routeApi(db),
      ...meApi(db),
      ...summaryApi(db, { minGroup: config.minGroup }),
      ...journalReportApi(db),
      ...mentoringApi(db),
      ...recommendationApi(db),
      ...eventsApi(db),
      ...consultationApi(db, { minGroup: config.minGroup }),
      ...campaignApi(db),
    },
    { teacher: teacherAuth(db), council: councilAuth(db) },
  );
  app.route('/demo/journal', demoJournalPage(db));
  app.route(
    '/admin',
    adminApp({ db, publicUrl: config.publicUrl, minGroup: config.minGroup, timeZone: config.timeZone, ...(loginRateLimit ? { loginRateLimit } : {}) }),
  );
  app.get('/', (c) => c.redirect('/demo/journal'));
  // Browsers ask every site for /favicon.ico: answer with the admin pages' icon rather than a 404 in every log.
  app.get('/favicon.ico', (c) => c.body(adminIcon, 200, { 'content-type': 'image/svg+xml', 'cache-control': 'max-age=86400' }));

  app.notFound((c) => {
    if (c.req.path.startsWith('/api/')) return c.json({ error: { code: 'not_found', message: messages.api.notFound } } satisfies ApiErrorBody, 404);
    if (c.req.path.startsWith('/admin/')) return errorPage(c, 404, messages.adminPages.notFoundTitle, messages.adminPages.notFound);
    return c.text(messages.api.pageNotFound, 404);
  });
  app.onError((error, c) => {
    if (error instanceof ApiError) return c.json(error.toBody(), error.status);
    console.error(error);
    return c.json({ error: { code: 'internal', message: messages.api.internal } } satisfies ApiErrorBody, 500);
  });
  return app;
}
