/** @jsxImportSource hono/jsx */
/** @jsxRuntime automatic */
import type { Context } from 'hono';
import { formatDay, formatInstant, formatInstantDay } from '../../../shared/format/russian.ts';
import { messages } from '../messages.ts';
import type { AdminEnv } from './env.ts';
import { CsrfField } from './layout.tsx';
import { currentTimeZone } from './time-zone.ts';

/** Small pieces several admin pages share. */

const t = messages.adminPages;

export const pageSize = 50;

/** The 1-based page number from `?page=`, 1 when absent or nonsense. */
export function pageNumber(c: Context): number {
  const page = Number(c.req.query('page'));
  return Number.isInteger(page) && page >= 1 && page <= 1_000_000 ? page : 1;
}

/** The current address with `page` replaced, keeping the filters; with a key, the page after or before that row (keyset paging). */
function pageHref(c: Context, page: number, key?: { after: number } | { before: number }): string {
  const url = new URL(c.req.url);
  url.searchParams.set('page', String(page));
  url.searchParams.delete('after');
  url.searchParams.delete('before');
  if (key && page > 1) for (const [name, id] of Object.entries(key)) url.searchParams.set(name, String(id));
  return `${url.pathname}?${url.searchParams.toString()}`;
}

/** Where a list page starts, from `?after=` or `?before=` (a row's id, keyset paging) or else `?page=`. */
export function pagePosition(c: Context, size = pageSize): { limit: number } & ({ after: number } | { before: number } | { offset: number }) {
  const id = (name: string) => {
    const value = c.req.query(name);
    return value && /^[1-9]\d{0,15}$/.test(value) ? Number(value) : undefined;
  };
  const after = id('after');
  const before = id('before');
  if (after !== undefined) return { limit: size, after };
  if (before !== undefined) return { limit: size, before };
  return { limit: size, offset: (pageNumber(c) - 1) * size };
}

/**
 * «Назад» and «Вперёд» with «page N of M». Given the ids of the page's first
 * and last rows (`keys`), the links name them, so that the next page is read
 * from its first row on by an index (keyset paging) rather than by skipping
 * every row before it.
 */
export function Pager({
  c,
  page,
  total,
  size = pageSize,
  keys,
}: {
  c: Context;
  page: number;
  total: number;
  size?: number;
  keys?: { first: number; last: number };
}) {
  const pages = Math.max(1, Math.ceil(total / size));
  return (
    <nav class="pager" aria-label={t.pager(page, pages, total)}>
      {page > 1 ? <a href={pageHref(c, page - 1, keys && { before: keys.first })}>{t.previous}</a> : <span class="muted">{t.previous}</span>}
      <span>{t.pager(page, pages, total)}</span>
      {page < pages ? <a href={pageHref(c, page + 1, keys && { after: keys.last })}>{t.next}</a> : <span class="muted">{t.next}</span>}
    </nav>
  );
}

/** The sentence under a form field that is wrong; `id` is what the field's aria-describedby names. */
export function FieldError({ id, error }: { id: string; error: string | undefined }) {
  return error ? (
    <p class="field-error" id={id}>
      {error}
    </p>
  ) : null;
}

/**
 * What is wrong with a form that the server sent back, at its top: one link a field, each to the
 * field itself. admin.js moves the focus here when the page opens, so that a keyboard or screen
 * reader user lands on the list instead of at the top of the page.
 */
export function ErrorSummary({ errors, order }: { errors: Partial<Record<string, string>>; order?: readonly string[] }) {
  const fields = [...(order ?? []), ...Object.keys(errors).filter((field) => !order?.includes(field))].filter((field) => errors[field]);
  if (fields.length === 0) return null;
  return (
    <div class="error-summary" role="alert" tabindex={-1} aria-labelledby="error-summary-title" data-focus-on-load>
      <h2 id="error-summary-title">{t.errorSummaryTitle}</h2>
      <ul>
        {fields.map((field) => (
          <li>
            <a href={`#${field}`}>{errors[field]}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** DD.MM.YYYY of a calendar date (a run's start), or of the day an instant falls on in the deployment's time zone. */
export function russianDay(iso: string): string {
  return iso.length > 10 ? formatInstantDay(iso, currentTimeZone()) : formatDay(iso);
}

/** DD.MM.YYYY, HH:MM of an instant in the deployment's time zone (PROFROST_TIME_ZONE). */
export function russianInstant(iso: string): string {
  return formatInstant(iso, currentTimeZone());
}

export function fullName(person: { lastName: string; firstName: string; middleName: string }): string {
  return [person.lastName, person.firstName, person.middleName].filter(Boolean).join(' ');
}

/** A file upload form: the first step of an import. */
export function UploadForm({ c, action, hint, error }: { c: Context<AdminEnv>; action: string; hint: string; error?: string | undefined }) {
  return (
    <form method="post" action={action} enctype="multipart/form-data" class="card">
      <CsrfField c={c} />
      <label for="file">{t.imports.file}</label>
      <input
        type="file"
        id="file"
        name="file"
        accept=".csv,text/csv"
        required
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={error ? 'file-error' : undefined}
      />
      <p class="hint">{hint}</p>
      <FieldError id="file-error" error={error} />
      <p>
        <button type="submit">{t.imports.preview}</button>
      </p>
    </form>
  );
}

/**
 * The second step of an import: what the file holds, every invalid row with
 * its reason, and the confirmation (nothing is saved before it).
 */
export function ImportPreview({
  c,
  action,
  uploadId,
  rows,
  valid,
  invalid,
  again,
  children,
}: {
  c: Context<AdminEnv>;
  action: string;
  uploadId: string;
  rows: number;
  valid: number;
  invalid: { line: number; reason: string }[];
  again: string;
  /** What a confirmation would save, as a table (shown under «Что будет загружено»). */
  children?: unknown;
}) {
  return (
    <>
      <p>{t.imports.summary(rows, valid, invalid.length)}</p>
      {valid > 0 && children && (
        <section>
          <h2>{t.imports.toImportTitle}</h2>
          {children}
        </section>
      )}
      {invalid.length > 0 ? (
        <section>
          <h2>{t.imports.invalidTitle}</h2>
          <table class="invalid-rows">
            <thead>
              <tr>
                <th class="num">{t.imports.line}</th>
                <th>{t.imports.reason}</th>
              </tr>
            </thead>
            <tbody>
              {invalid.map((row) => (
                <tr>
                  <td class="num">{row.line}</td>
                  <td>
                    {row.reason.includes('; ') ? (
                      <ul class="reasons">
                        {row.reason.split('; ').map((reason) => (
                          <li>{reason}</li>
                        ))}
                      </ul>
                    ) : (
                      row.reason
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : (
        <p>{t.imports.allValid}</p>
      )}
      <div class="actions">
        {valid > 0 ? (
          <form method="post" action={action} class="inline">
            <CsrfField c={c} />
            <input type="hidden" name="upload" value={uploadId} />
            {invalid.length > 0 && <input type="hidden" name="skipInvalid" value="1" />}
            <button type="submit">{invalid.length > 0 ? t.imports.confirmSkipping(valid) : t.imports.confirm}</button>
          </form>
        ) : (
          <p class="error">{t.imports.nothingValid}</p>
        )}
        <a href={again}>{t.imports.another}</a>
      </div>
    </>
  );
}
