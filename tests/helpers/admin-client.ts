import type { TestApp } from './test-app.ts';

/** The origin `app.request` gives requests; admin forms must be posted from it. */
export const testOrigin = 'http://localhost';

export interface AdminClient {
  cookie: string;
  csrf: string;
  get(path: string): Response | Promise<Response>;
  /** Posts a form as the browser does: urlencoded, with the session's CSRF token unless `fields` sets `_csrf`. */
  post(path: string, fields?: Record<string, string | string[]>): Response | Promise<Response>;
  /** Posts a multipart form with one file in the field `file`. */
  upload(
    path: string,
    file: { name: string; content: string | Uint8Array<ArrayBuffer>; type?: string },
    fields?: Record<string, string>,
  ): Response | Promise<Response>;
}

function sessionCookie(response: Response): string | undefined {
  const header = response.headers.getSetCookie().find((cookie) => cookie.startsWith('profrost_admin='));
  return header?.split(';', 1)[0];
}

/** The CSRF token from a page's hidden field. */
export function csrfFrom(html: string): string {
  const token = /name="_csrf" value="([^"]+)"/.exec(html)?.[1];
  if (!token) throw new Error('no CSRF field on the page');
  return token;
}

export function postLogin(app: TestApp['app'], login: string, password: string, extra: Record<string, string> = {}) {
  return app.request('/admin/login', {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: testOrigin },
    body: new URLSearchParams({ login, password, ...extra }).toString(),
  });
}

/** Signs in through the real form and returns a client that carries the session cookie. */
export async function signIn(app: TestApp['app'], login: string, password: string): Promise<AdminClient> {
  const response = await postLogin(app, login, password);
  const cookie = sessionCookie(response);
  if (response.status !== 303 || !cookie) throw new Error(`sign-in failed: ${response.status} ${await response.text()}`);
  const get = (path: string) => app.request(path, { headers: { cookie } });
  // Any page has the token (the logout form); this one reads nothing of the report aggregates, so signing in applies none of their notes.
  const csrf = csrfFrom(await (await get('/admin/diagnostics')).text());
  return {
    cookie,
    csrf,
    get,
    post(path, fields = {}) {
      const body = new URLSearchParams();
      if (!('_csrf' in fields)) body.append('_csrf', csrf);
      for (const [name, value] of Object.entries(fields)) for (const v of [value].flat()) body.append(name, v);
      return app.request(path, {
        method: 'POST',
        headers: { cookie, origin: testOrigin, 'content-type': 'application/x-www-form-urlencoded' },
        body: body.toString(),
      });
    },
    upload(path, file, fields = {}) {
      const form = new FormData();
      form.append('_csrf', csrf);
      for (const [name, value] of Object.entries(fields)) form.append(name, value);
      form.append('file', new Blob([file.content], { type: file.type ?? 'text/csv' }), file.name);
      return app.request(path, { method: 'POST', headers: { cookie, origin: testOrigin }, body: form });
    },
  };
}
