/** @jsxImportSource hono/jsx */
/** @jsxRuntime automatic */
import type { Context } from 'hono';
import { Hono } from 'hono';
import { type RateLimitOptions, rateLimit } from '../http/rate-limit.ts';
import { messages } from '../messages.ts';
import { hashPassword, verifyPassword } from '../auth/secrets.ts';
import { writeAudit } from '../database/audit-store.ts';
import { clearFailedLogins, findStaffForLogin, recordFailedLogin } from '../database/staff-store.ts';
import { FieldError } from './components.tsx';
import { type AdminDeps, type AdminEnv, staffActor } from './env.ts';
import { formText, readForm } from './forms.ts';
import { barePage } from './layout.tsx';
import { createSession, deleteSession, findSession } from '../database/session-store.ts';
import { clearSessionCookie, readSessionCookie, writeSessionCookie } from './session-cookie.ts';

const t = messages.adminPages.login;

/** Failed passwords in a row after which an account is locked, and for how long. */
export const lockoutAfter = 5;
export const lockoutMs = 15 * 60 * 1000;

/** Where a person lands after signing in. */
export const startPage = '/admin/overview';

/** Only our own admin pages are followed after sign-in, never another site. */
function safeNext(next: string): string {
  return /^\/admin\/[^/\\]/.test(next) && !next.startsWith('/admin/login') ? next : startPage;
}

// An unknown login costs as much time as a known one, so timing does not tell which logins exist.
let dummyHash: Promise<string> | undefined;
const unknownLoginHash = () => (dummyHash ??= hashPassword('profrost-unknown-login'));

function LoginForm({ login = '', next = '', error, notice }: { login?: string; next?: string; error?: string | undefined; notice?: string | undefined }) {
  return (
    <>
      {notice && (
        <p class="flash" role="status">
          {notice}
        </p>
      )}
      <form method="post" action="/admin/login" class="card login">
        <input type="hidden" name="next" value={next} />
        <FieldError id="login-error" error={error} />
        <label for="login">{t.login}</label>
        <input
          type="text"
          id="login"
          name="login"
          value={login}
          autocomplete="username"
          required
          autofocus
          aria-describedby={error ? 'login-error' : undefined}
        />
        <label for="password">{t.password}</label>
        <input type="password" id="password" name="password" autocomplete="current-password" required />
        <p>
          <button type="submit">{t.submit}</button>
        </p>
      </form>
    </>
  );
}

function loginFormPage(c: Context, form: Parameters<typeof LoginForm>[0], status: 200 | 400 | 401 | 423 | 429 = 200) {
  return barePage(c, t.title, <LoginForm {...form} />, status);
}

export interface LoginOptions extends AdminDeps {
  /** The configured public address; an https one makes the session cookie Secure. */
  publicUrl?: string | undefined;
  /** Sign-in attempts per client IP; 10 a minute unless a test says otherwise. */
  loginRateLimit?: RateLimitOptions;
}

/** GET and POST /admin/login: the sign-in form and its check. */
export function loginPage({ db, publicUrl, loginRateLimit = { limit: 10, windowMs: 60_000 } }: LoginOptions) {
  const limited = rateLimit({
    ...loginRateLimit,
    onLimited: (c, seconds) => loginFormPage(c, { error: t.rateLimited(seconds) }, 429),
  });
  return new Hono()
    .get('/', (c) => {
      // Someone already signed in goes on to where they were heading.
      const id = readSessionCookie(c);
      if (id && findSession(db, id)) return c.redirect(safeNext(c.req.query('next') ?? ''), 303);
      const notice = c.req.query('out') ? t.loggedOut : c.req.query('expired') ? t.expired : undefined;
      return loginFormPage(c, { next: c.req.query('next') ?? '', notice });
    })
    .post('/', limited, async (c) => {
      const form = await readForm(c);
      const login = formText(form, 'login');
      const password = typeof form.password === 'string' ? form.password : '';
      const next = formText(form, 'next');
      if (!login || !password) return loginFormPage(c, { login, next, error: t.missing }, 400);

      const account = findStaffForLogin(db, login);
      const now = new Date();
      if (account?.lockedUntil && account.lockedUntil > now.toISOString()) {
        const minutes = Math.ceil((Date.parse(account.lockedUntil) - now.getTime()) / 60_000);
        return loginFormPage(c, { login, next, error: t.locked(minutes) }, 423);
      }
      const valid = await verifyPassword(password, account?.passwordHash ?? (await unknownLoginHash()));
      if (!account || !valid) {
        if (account) {
          recordFailedLogin(db, account.id, lockoutAfter, new Date(now.getTime() + lockoutMs).toISOString());
          writeAudit(db, { actor: staffActor(account), action: 'staff.login_failed', target: `staff:${account.id}` });
        }
        return loginFormPage(c, { login, next, error: t.failed }, 401);
      }
      // A disabled account is told so only once the password is right, so that the sentence gives nothing away to a guesser.
      if (account.disabledAt) return loginFormPage(c, { login, next, error: t.disabled }, 401);
      clearFailedLogins(db, account.id);
      const { id } = createSession(db, account.id, now);
      writeAudit(db, { actor: staffActor(account), action: 'staff.login', target: `staff:${account.id}` });
      writeSessionCookie(c, id, publicUrl);
      return c.redirect(safeNext(next), 303);
    });
}

/** POST /admin/logout: the session is deleted, not merely forgotten by the browser. */
export function logoutPage({ db, publicUrl }: AdminDeps & { publicUrl?: string | undefined }) {
  return new Hono<AdminEnv>().post('/', (c) => {
    deleteSession(db, c.var.session.idHash);
    writeAudit(db, { actor: staffActor(c.var.staff), action: 'staff.logout', target: `staff:${c.var.staff.id}` });
    clearSessionCookie(c, publicUrl);
    return c.redirect('/admin/login?out=1', 303);
  });
}
