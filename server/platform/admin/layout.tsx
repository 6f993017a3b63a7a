/** @jsxImportSource hono/jsx */
/** @jsxRuntime automatic */
import type { Context } from 'hono';
import type { Child } from 'hono/jsx';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { messages } from '../messages.ts';
import type { StaffAccount } from '../database/staff-store.ts';
import { assetPaths } from './assets.ts';
import type { AdminDeps, AdminEnv } from './env.ts';
import { takeFlash } from '../database/session-store.ts';

const t = messages.adminPages;

/** The hidden field that carries the session's secret token in every form of a signed-in person (checked by csrf.ts). */
export const csrfField = '_csrf';

export type SectionId = keyof typeof t.sections;

/**
 * Every section of the admin pages, in the order of the navigation; each is mounted at its path in admin-app.ts. `adminOnly`: not shown to methodists.
 * `council`: `only` — shown to the expert council's members alone, `also` — to them and to staff; a member sees no other section.
 */
export const sections: readonly { id: SectionId; path: string; adminOnly?: true; council?: 'only' | 'also' }[] = [
  { id: 'overview', path: '/admin/overview' },
  { id: 'teachers', path: '/admin/teachers' },
  { id: 'programs', path: '/admin/programs' },
  { id: 'demand', path: '/admin/demand' },
  { id: 'effectiveness', path: '/admin/effectiveness' },
  { id: 'roster', path: '/admin/roster' },
  { id: 'diagnostics', path: '/admin/diagnostics' },
  { id: 'audit', path: '/admin/audit' },
  { id: 'journals', path: '/admin/journals', adminOnly: true },
  { id: 'mentoring', path: '/admin/mentoring' },
  { id: 'schools', path: '/admin/schools' },
  { id: 'recommendations', path: '/admin/recommendations' },
  { id: 'measures', path: '/admin/measures' },
  { id: 'events', path: '/admin/events' },
  { id: 'council', path: '/admin/council', council: 'only' },
  { id: 'consultations', path: '/admin/consultations', council: 'also' },
  { id: 'indicators', path: '/admin/indicators' },
  { id: 'associations', path: '/admin/associations' },
  { id: 'campaigns', path: '/admin/campaigns' },
];

/** Where a staff member's pages start: the council's summaries for its members, «Наставничество» for a coordinator, the teachers for everyone else. */
export function homeOf(staff: Pick<StaffAccount, 'role'> | undefined): string {
  return staff?.role === 'council' ? '/admin/council' : staff?.role === 'coordinator' ? '/admin/mentoring' : '/admin/teachers';
}

/** Whether a section is in this staff member's navigation. */
function inNavigation(section: (typeof sections)[number], role: StaffAccount['role']): boolean {
  if (role === 'council') return section.council !== undefined;
  if (role === 'coordinator') return section.id === 'mentoring';
  return section.council !== 'only' && (!section.adminOnly || role === 'admin');
}

interface LayoutProps {
  title: string;
  section?: SectionId | undefined;
  staff?: StaffAccount | undefined;
  csrf?: string | undefined;
  flash?: string | null | undefined;
  children?: Child;
}

/** The frame of every admin page: the navigation, who is signed in, a notice, the page. */
export function Layout({ title, section, staff, csrf, flash, children }: LayoutProps) {
  return (
    <html lang="ru" data-sending={t.sending}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} — ${t.product}`}</title>
        <link rel="icon" href={assetPaths.icon} type="image/svg+xml" />
        <link rel="stylesheet" href={assetPaths.css} />
        <script src={assetPaths.js} defer></script>
      </head>
      <body>
        <a class="skip-link" href="#content">
          {t.skipLink}
        </a>
        <header class="top">
          <a class="brand" href={homeOf(staff)}>
            {t.product}
          </a>
          {staff && (
            <div class="who">
              <span>
                {t.loggedInAs(staff.login, messages.admin.roleNames[staff.role])} · {staff.school ?? staff.municipality ?? t.scopeAll}
              </span>
              <form method="post" action="/admin/logout" class="inline">
                <input type="hidden" name={csrfField} value={csrf} />
                <button type="submit" class="link">
                  {t.logout}
                </button>
              </form>
            </div>
          )}
        </header>
        {staff && (
          <nav class="sections" aria-label={t.mainNav}>
            <ul>
              {sections
                .filter((s) => inNavigation(s, staff.role))
                .map(({ id, path }) => (
                  <li>
                    <a href={path} aria-current={id === section ? 'page' : undefined}>
                      {t.sections[id]}
                    </a>
                  </li>
                ))}
            </ul>
          </nav>
        )}
        <main id="content" tabindex={-1}>
          <h1>{title}</h1>
          {flash && (
            <p class="flash" role="status">
              {flash}
            </p>
          )}
          {children}
        </main>
      </body>
    </html>
  );
}

function html(c: Context, body: Child, status: ContentfulStatusCode = 200) {
  return c.html('<!doctype html>' + scrollingTables(String(body)), status);
}

/**
 * Every table of a page in a box that scrolls sideways on its own (admin.css), so that a wide
 * table on a phone moves inside its box instead of widening the page. The box can take the
 * keyboard focus, so that it can be scrolled without a mouse. Tables are never nested here.
 */
export function scrollingTables(markup: string): string {
  return markup
    .replaceAll('<table', `<div class="table-scroll" tabindex="0" role="region" aria-label="${t.tableRegion}"><table`)
    .replaceAll('</table>', '</table></div>');
}

/**
 * A page of a signed-in person: the layout around `body`, with the notice
 * that the previous action left, if any.
 */
export function renderPage(c: Context<AdminEnv>, { db }: AdminDeps, page: { title: string; section?: SectionId; body: Child; status?: ContentfulStatusCode }) {
  const session = c.var.session;
  return html(
    c,
    <Layout title={page.title} section={page.section} staff={c.var.staff} csrf={session.csrfToken} flash={takeFlash(db, session.idHash)}>
      {page.body}
    </Layout>,
    page.status,
  );
}

/** A page without the navigation, for the sign-in page and for errors before sign-in. */
export function barePage(c: Context, title: string, body: Child, status: ContentfulStatusCode = 200) {
  return html(c, <Layout title={title}>{body}</Layout>, status);
}

/** An error as a Russian page: with the navigation for a signed-in person, without it otherwise. */
export function errorPage(c: Context, status: ContentfulStatusCode, title: string, text: string) {
  const staff = c.get('staff') as StaffAccount | undefined;
  const session = c.get('session') as { csrfToken: string } | undefined;
  const body = (
    <>
      <p class="error" role="alert">
        {text}
      </p>
      <p>
        <a href={homeOf(staff)}>{staff?.role === 'council' ? t.backToCouncil : t.backToStart}</a>
      </p>
    </>
  );
  return html(
    c,
    <Layout title={title} staff={staff} csrf={session?.csrfToken}>
      {body}
    </Layout>,
    status,
  );
}

export function forbiddenPage(c: Context) {
  return errorPage(c, 403, t.forbiddenTitle, t.forbidden);
}

/** The hidden field every form of a signed-in person carries (see csrf.ts). */
export function CsrfField({ c }: { c: Context<AdminEnv> }) {
  return <input type="hidden" name={csrfField} value={c.var.session.csrfToken} />;
}
