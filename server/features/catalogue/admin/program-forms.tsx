/** @jsxImportSource hono/jsx */
/** @jsxRuntime automatic */
import type { Context } from 'hono';
import type { z } from 'zod';
import { areaIds, areaTitles, competencyIds, programFormats } from '../../../../shared/competencies.ts';
import { framework } from '../../../../shared/content/shipped-framework.ts';
import { readIndicators } from '../import-programs.ts';
import { type Program, programRunSchema, programSchema } from '../../../../shared/schemas/program.ts';
import { messages } from '../messages.ts';
import type { StoredProgram } from '../program-store.ts';
import { ErrorSummary, FieldError } from '../../../platform/admin/components.tsx';
import type { AdminEnv } from '../../../platform/admin/env.ts';
import { type Form, formList, formText } from '../../../platform/admin/forms.ts';
import { CsrfField } from '../../../platform/admin/layout.tsx';

/**
 * The forms of Программы ДПО: a programme's own fields and one run's dates
 * and seats, each shown with the first problem of every field, and read back
 * through the shared schemas.
 */

const t = messages.adminPages;
const tp = t.programs;
const names = messages.programs;

export type Errors = Partial<Record<string, string>>;

type Field = keyof typeof tp.fieldProblems;

/** Each field that is wrong with the sentence written for it, keyed by the field's name in the form. */
function fieldErrors(error: z.ZodError, fieldOf: (path: PropertyKey[]) => string): Errors {
  const errors: Errors = {};
  for (const issue of error.issues) {
    const field = fieldOf(issue.path);
    errors[field] ??= tp.fieldProblems[field as Field] ?? tp.fieldProblems.title;
  }
  return errors;
}

const programFields = ['id', 'title', 'provider', 'hours', 'format', 'competencies', 'municipality', 'registryUrl'] as const;
const runFields = ['runId', 'start', 'end', 'seats'] as const;

function integerOrText(text: string): number | string {
  return /^\d{1,9}$/.test(text) ? Number(text) : text;
}

function Field({ id, label, error, children, hint }: { id: string; label: string; error?: string | undefined; hint?: string; children: unknown }) {
  return (
    <div class="field">
      <label for={id}>{label}</label>
      {children}
      {hint && <p class="hint">{hint}</p>}
      <FieldError id={`${id}-error`} error={error} />
    </div>
  );
}

const invalid = (errors: Errors, name: string) => (errors[name] ? { 'aria-invalid': 'true' as const, 'aria-describedby': `${name}-error` } : {});

/** The programme's own fields; the code only when creating. */
export function ProgramForm({
  c,
  action,
  values,
  errors,
  creating,
  municipalities,
}: {
  c: Context<AdminEnv>;
  action: string;
  values: Record<string, string | string[]>;
  errors: Errors;
  creating: boolean;
  municipalities: string[];
}) {
  const value = (name: string) => (typeof values[name] === 'string' ? (values[name] as string) : '');
  const chosen = Array.isArray(values.competencies) ? values.competencies : [];
  const chosenIndicators = Array.isArray(values.indicators) ? values.indicators : [];
  return (
    <form method="post" action={action} class="card program-form">
      <CsrfField c={c} />
      <ErrorSummary errors={errors} order={programFields} />
      {creating && (
        <Field id="id" label={tp.id} error={errors.id} hint={tp.idHint}>
          <input type="text" id="id" name="id" value={value('id')} required {...invalid(errors, 'id')} />
        </Field>
      )}
      <Field id="title" label={tp.programTitle} error={errors.title}>
        <input type="text" id="title" name="title" value={value('title')} required {...invalid(errors, 'title')} />
      </Field>
      <Field id="provider" label={tp.provider} error={errors.provider}>
        <input type="text" id="provider" name="provider" value={value('provider')} required {...invalid(errors, 'provider')} />
      </Field>
      <Field id="hours" label={tp.hours} error={errors.hours}>
        <input type="number" id="hours" name="hours" min="1" max="2000" value={value('hours')} required {...invalid(errors, 'hours')} />
      </Field>
      <Field id="format" label={tp.format} error={errors.format}>
        <select id="format" name="format" {...invalid(errors, 'format')}>
          {programFormats.map((format) => (
            <option value={format} selected={value('format') === format}>
              {names.formatNames[format]}
            </option>
          ))}
        </select>
      </Field>
      <fieldset id="competencies" tabindex={-1} aria-describedby={errors.competencies ? 'competencies-error' : undefined}>
        <legend>{tp.competencies}</legend>
        {competencyIds.map((id) => (
          <label class="check">
            <input type="checkbox" name="competencies" value={id} checked={chosen.includes(id)} /> {names.competencyNames[id]}
          </label>
        ))}
        <FieldError id="competencies-error" error={errors.competencies} />
      </fieldset>
      <Field id="municipality" label={tp.municipality} error={errors.municipality}>
        {c.var.scope.kind === 'admin' ? (
          <select id="municipality" name="municipality">
            <option value="">{tp.republicWide}</option>
            {municipalities.map((name) => (
              <option value={name} selected={value('municipality') === name}>
                {name}
              </option>
            ))}
          </select>
        ) : (
          <p id="municipality">{c.var.staff.municipality}</p>
        )}
      </Field>
      <Field id="registryUrl" label={tp.registryUrl} error={errors.registryUrl}>
        <input type="url" id="registryUrl" name="registryUrl" value={value('registryUrl')} {...invalid(errors, 'registryUrl')} />
      </Field>
      <fieldset aria-describedby="indicators-hint">
        <legend>{tp.indicators}</legend>
        <p id="indicators-hint" class="hint">
          {tp.indicatorsHint}
        </p>
        {areaIds.map((area) => (
          <details open={framework.indicators.some((i) => i.area === area && chosenIndicators.includes(i.id))}>
            <summary>{areaTitles[area]}</summary>
            {framework.indicators
              .filter((indicator) => indicator.area === area)
              .map((indicator) => (
                <label class="check">
                  <input type="checkbox" name="indicators" value={indicator.id} checked={chosenIndicators.includes(indicator.id)} /> {indicator.title}
                </label>
              ))}
          </details>
        ))}
        <FieldError id="indicators-error" error={errors.indicators} />
      </fieldset>
      <p>
        <button type="submit">{tp.save}</button>
      </p>
    </form>
  );
}

export function RunForm({
  c,
  action,
  values,
  errors,
  creating,
}: {
  c: Context<AdminEnv>;
  action: string;
  values: Record<string, string>;
  errors: Errors;
  creating: boolean;
}) {
  return (
    <form method="post" action={action} class="card run-form">
      <CsrfField c={c} />
      <ErrorSummary errors={errors} order={runFields} />
      {creating && (
        <Field id="runId" label={tp.runId} error={errors.runId} hint={tp.idHint}>
          <input type="text" id="runId" name="runId" value={values.runId ?? ''} required {...invalid(errors, 'runId')} />
        </Field>
      )}
      <Field id="start" label={tp.start} error={errors.start}>
        <input type="date" id="start" name="start" value={values.start ?? ''} required {...invalid(errors, 'start')} />
      </Field>
      <Field id="end" label={tp.end} error={errors.end}>
        <input type="date" id="end" name="end" value={values.end ?? ''} required {...invalid(errors, 'end')} />
      </Field>
      <Field id="seats" label={tp.seats} error={errors.seats}>
        <input type="number" id="seats" name="seats" min="0" max="10000" value={values.seats ?? ''} required {...invalid(errors, 'seats')} />
      </Field>
      <p>
        <button type="submit">{creating ? tp.addRun : tp.save}</button>
      </p>
    </form>
  );
}

/** The values a stored programme shows in its form. */
export function formValues(program: StoredProgram): Record<string, string | string[]> {
  return {
    title: program.title,
    provider: program.provider,
    hours: String(program.hours),
    format: program.format,
    competencies: program.competencies,
    municipality: program.municipality ?? '',
    registryUrl: program.registryUrl ?? '',
    indicators: program.indicators,
  };
}

/** A programme as the schema wants it, from the form; the runs are not touched here. */
export function readProgramForm(c: Context<AdminEnv>, form: Form, id: string) {
  const municipality = c.var.scope.kind === 'admin' ? formText(form, 'municipality') || null : c.var.staff.municipality;
  const values = {
    id,
    title: formText(form, 'title'),
    provider: formText(form, 'provider'),
    hours: formText(form, 'hours'),
    format: formText(form, 'format'),
    competencies: formList(form, 'competencies'),
    municipality: municipality ?? '',
    registryUrl: formText(form, 'registryUrl'),
    indicators: formList(form, 'indicators'),
  };
  const indicators = readIndicators(values.indicators.join(','));
  if (typeof indicators === 'string') return { values, errors: { indicators } as Record<string, string> };
  const parsed = programSchema.safeParse({
    ...values,
    hours: integerOrText(values.hours),
    municipality,
    registryUrl: values.registryUrl || null,
    indicators,
    runs: [],
  });
  if (parsed.success) return { values, program: parsed.data };
  return { values, errors: fieldErrors(parsed.error, (path) => String(path[0])) };
}

/** The stored programme as the schema's Program with the given runs, for upsertProgram. */
export function asProgram(stored: StoredProgram, runs: Program['runs']): Program {
  return programSchema.parse({ ...stored, runs });
}

export function readRunForm(form: Form, runId: string) {
  const values = { runId, start: formText(form, 'start'), end: formText(form, 'end'), seats: formText(form, 'seats') };
  const parsed = programRunSchema.safeParse({ id: runId, start: values.start, end: values.end, seats: integerOrText(values.seats) });
  if (parsed.success) return { values, run: parsed.data };
  return { values, errors: fieldErrors(parsed.error, (path) => (path[0] === 'id' ? 'runId' : String(path[0]))) };
}
