/** @jsxImportSource hono/jsx */
/** @jsxRuntime automatic */
import { type Context, Hono } from 'hono';
import { type Audience, maxOptions, maxQuestions, type Question, type QuestionKind, questionKinds, questionSchema } from '../../../shared/api/consultations.ts';
import { isoDateSchema } from '../../../shared/schemas/program.ts';
import { ErrorSummary, FieldError, russianDay } from '../../platform/admin/components.tsx';
import { type AdminDeps, type AdminEnv, staffActor } from '../../platform/admin/env.ts';
import { type Form, formText, readForm } from '../../platform/admin/forms.ts';
import { CsrfField, errorPage, forbiddenPage, renderPage } from '../../platform/admin/layout.tsx';
import { writeAudit } from '../../platform/database/audit-store.ts';
import { setFlash } from '../../platform/database/session-store.ts';
import { csvChunks } from '../summaries/csv.ts';
import { summaryWorkbook, xlsxContentType } from '../council/xlsx.ts';
import { stateOn } from './audience.ts';
import { messages } from './messages.ts';
import { consultationResults, resultsSummary } from './results.ts';
import { findConsultation, insertConsultation, listConsultations, municipalityList, setConclusion } from './store.ts';

const t = messages.consultations;

export interface ConsultationPagesDeps extends AdminDeps {
  minGroup: number;
  /** Today's date (YYYY-MM-DD, UTC), for tests. */
  today?: () => string;
}

type Errors = Partial<Record<string, string>>;

const utcToday = () => new Date().toISOString().slice(0, 10);

/** The municipality a staff member's view is limited to: a methodist's own; the council and the administrator see the republic. */
const scopeOf = (c: Context<AdminEnv>) => (c.var.scope.kind === 'methodist' ? c.var.scope.municipalityId : undefined);

function audienceText(audience: Audience): string {
  switch (audience.kind) {
    case 'municipality':
      return `${t.audienceNames.municipality}: ${audience.municipality}`;
    case 'subject':
      return `${t.audienceNames.subject}: ${audience.subject}`;
    default:
      return t.audienceNames[audience.kind];
  }
}

function Field({ id, label, error, children }: { id: string; label: string; error?: string | undefined; children: unknown }) {
  return (
    <div class="field">
      <label for={id}>{label}</label>
      {children}
      <FieldError id={`${id}-error`} error={error} />
    </div>
  );
}

const invalid = (errors: Errors, name: string) => (errors[name] ? { 'aria-invalid': 'true' as const, 'aria-describedby': `${name}-error` } : {});

function NewConsultationForm({
  c,
  form,
  errors,
  municipalities,
}: {
  c: Context<AdminEnv>;
  form: Form;
  errors: Errors;
  municipalities: { id: number; name: string }[];
}) {
  const value = (name: string) => formText(form, name);
  return (
    <form method="post" action="/admin/consultations" class="stacked">
      <CsrfField c={c} />
      <ErrorSummary errors={errors} />
      <Field id="title" label={t.fieldTitle} error={errors.title}>
        <input id="title" name="title" value={value('title')} maxlength={200} required {...invalid(errors, 'title')} />
      </Field>
      <Field id="text" label={t.fieldText} error={errors.text}>
        <textarea id="text" name="text" rows={4} maxlength={4000} {...invalid(errors, 'text')}>
          {value('text')}
        </textarea>
      </Field>
      <Field id="opensOn" label={t.fieldOpens} error={errors.opensOn}>
        <input type="date" id="opensOn" name="opensOn" value={value('opensOn')} required {...invalid(errors, 'opensOn')} />
      </Field>
      <Field id="closesOn" label={t.fieldCloses} error={errors.closesOn}>
        <input type="date" id="closesOn" name="closesOn" value={value('closesOn')} required {...invalid(errors, 'closesOn')} />
      </Field>
      <Field id="audience" label={t.fieldAudience} error={errors.audience}>
        <select id="audience" name="audience">
          {(['all', 'municipality', 'subject', 'earlyCareer'] as const).map((kind) => (
            <option value={kind} selected={value('audience') === kind}>
              {t.audienceNames[kind]}
            </option>
          ))}
        </select>
      </Field>
      <Field id="municipality" label={t.fieldMunicipality} error={errors.municipality}>
        <select id="municipality" name="municipality" {...invalid(errors, 'municipality')}>
          <option value="">—</option>
          {municipalities.map((m) => (
            <option value={String(m.id)} selected={value('municipality') === String(m.id)}>
              {m.name}
            </option>
          ))}
        </select>
      </Field>
      <Field id="subject" label={t.fieldSubject} error={errors.subject}>
        <input id="subject" name="subject" value={value('subject')} maxlength={100} {...invalid(errors, 'subject')} />
      </Field>
      <p class="hint">{t.questionsHint}</p>
      {errors.questions && (
        <p class="field-error" id="questions">
          {errors.questions}
        </p>
      )}
      {Array.from({ length: maxQuestions }, (_, i) => {
        const n = i + 1;
        return (
          <fieldset class="consultation-question" id={`q${n}`}>
            <legend>{t.questionLegend(n)}</legend>
            <Field id={`q${n}-text`} label={t.questionText} error={errors[`q${n}`]}>
              <input id={`q${n}-text`} name={`q${n}-text`} value={value(`q${n}-text`)} maxlength={500} />
            </Field>
            <Field id={`q${n}-kind`} label={t.questionKind}>
              <select id={`q${n}-kind`} name={`q${n}-kind`}>
                {questionKinds.map((kind) => (
                  <option value={kind} selected={value(`q${n}-kind`) === kind}>
                    {t.kindNames[kind]}
                  </option>
                ))}
              </select>
            </Field>
            <Field id={`q${n}-options`} label={t.questionOptions}>
              <textarea id={`q${n}-options`} name={`q${n}-options`} rows={3}>
                {value(`q${n}-options`)}
              </textarea>
            </Field>
          </fieldset>
        );
      })}
      <p>
        <button type="submit">{t.publish}</button>
      </p>
    </form>
  );
}

/** The form's consultation, or what is wrong with it, field by field. */
function parseConsultation(
  form: Form,
  municipalities: { id: number; name: string }[],
): { consultation: { title: string; text: string; questions: Question[]; audience: Audience; opensOn: string; closesOn: string } } | { errors: Errors } {
  const errors: Errors = {};
  const title = formText(form, 'title').trim();
  const text = formText(form, 'text').trim();
  if (title.length === 0 || title.length > 200) errors.title = 'Название: от 1 до 200 знаков.';
  if (text.length > 4000) errors.text = 'Текст — не длиннее 4000 знаков.';
  const opens = isoDateSchema.safeParse(formText(form, 'opensOn'));
  const closes = isoDateSchema.safeParse(formText(form, 'closesOn'));
  if (!opens.success) errors.opensOn = 'Дата открытия: укажите день.';
  if (!closes.success) errors.closesOn = 'Дата закрытия: укажите день.';
  if (opens.success && closes.success && closes.data < opens.data) errors.closesOn = t.badDates;
  let audience: Audience = { kind: 'all' };
  const kind = formText(form, 'audience');
  if (kind === 'municipality') {
    const m = municipalities.find((x) => String(x.id) === formText(form, 'municipality'));
    if (!m) errors.municipality = t.unknownMunicipality;
    else audience = { kind, municipalityId: m.id, municipality: m.name };
  } else if (kind === 'subject') {
    const subject = formText(form, 'subject').trim();
    if (subject.length < 2 || subject.length > 100) errors.subject = 'Предмет: от 2 до 100 знаков.';
    else audience = { kind, subject };
  } else if (kind === 'earlyCareer') audience = { kind };
  const questions: Question[] = [];
  for (let n = 1; n <= maxQuestions; n++) {
    const questionText = formText(form, `q${n}-text`).trim();
    if (!questionText) continue;
    const questionKind = formText(form, `q${n}-kind`) as QuestionKind;
    const options =
      questionKind === 'single' || questionKind === 'multiple'
        ? formText(form, `q${n}-options`)
            .split(/\r?\n/)
            .map((line) => line.trim())
            .filter(Boolean)
        : [];
    if ((questionKind === 'single' || questionKind === 'multiple') && (options.length < 2 || options.length > maxOptions)) {
      errors[`q${n}`] = t.needsOptions(n);
      continue;
    }
    const parsed = questionSchema.safeParse({ kind: questionKind, text: questionText, options });
    if (!parsed.success) errors[`q${n}`] = `${t.questionLegend(n)}: ${parsed.error.issues[0]?.message ?? ''}.`;
    else questions.push(parsed.data);
  }
  if (questions.length === 0 && !Object.keys(errors).some((key) => key.startsWith('q'))) errors.questions = t.noQuestions;
  if (Object.keys(errors).length > 0 || !opens.success || !closes.success) return { errors };
  return { consultation: { title, text, questions, audience, opensOn: opens.data, closesOn: closes.data } };
}

function ResultsView({ results, minGroup }: { results: ReturnType<typeof consultationResults>; minGroup: number }) {
  const show = (value: number | null) => (value === null ? messages.reports.views.suppressedShort : messages.reports.views.number(value, 0));
  return (
    <>
      <p>
        {t.respondents}: <strong>{show(results.respondents)}</strong>
      </p>
      {results.questions.map((question) => (
        <section class="consultation-result">
          <h3>
            {question.index + 1}. {question.text}
          </h3>
          {question.kind === 'comment' ? (
            question.comments === null ? (
              <p class="hint">{t.commentsHidden(minGroup)}</p>
            ) : question.comments.length === 0 ? (
              <p>{t.noComments}</p>
            ) : (
              <>
                <p class="hint">{t.commentsTitle}</p>
                <ul class="comments">
                  {question.comments.map((comment) => (
                    <li>{comment}</li>
                  ))}
                </ul>
              </>
            )
          ) : (
            <table class="report-table">
              <thead>
                <tr>
                  <th scope="col">{t.unit}</th>
                  <th scope="col">{t.respondents}</th>
                  {question.options.map((option) => (
                    <th scope="col">{option}</th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {question.rows.map((row) => (
                  <tr>
                    <th scope="row">{row.label}</th>
                    <td class="num">{show(row.respondents)}</td>
                    {row.counts.map((count) => (
                      <td class="num">{show(count)}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      ))}
      <p class="report-note">{messages.reports.suppressedNote(minGroup)}</p>
    </>
  );
}

/**
 * Консультации on the admin pages (/admin/consultations). A council member publishes one, sees its results
 * (counts suppressed as the summaries, comments without authors where enough answered), downloads them as
 * CSV and XLSX and publishes the council's conclusion. A methodist sees, read-only, those her municipality's
 * teachers may be asked, with her municipality's results; the administrator sees all, read-only.
 */
export function consultationsPage(deps: ConsultationPagesDeps) {
  const { db } = deps;
  const today = deps.today ?? utcToday;
  const app = new Hono<AdminEnv>();
  const isCouncil = (c: Context<AdminEnv>) => c.var.staff.role === 'council';
  const visible = (c: Context<AdminEnv>, id: number) => {
    const consultation = Number.isSafeInteger(id) ? findConsultation(db, id) : undefined;
    if (!consultation) return undefined;
    const municipalityId = scopeOf(c);
    if (municipalityId !== undefined && consultation.audience.kind === 'municipality' && consultation.audience.municipalityId !== municipalityId) return null;
    return consultation;
  };

  app.get('/', (c) => {
    const list = listConsultations(db, scopeOf(c));
    const day = today();
    return renderPage(c, deps, {
      title: t.title,
      section: 'consultations',
      body: (
        <>
          <p>{isCouncil(c) ? t.lead : t.readOnlyLead}</p>
          {isCouncil(c) && (
            <p class="actions">
              <a href="/admin/consultations/new">{t.newTitle}</a>
            </p>
          )}
          {list.length === 0 ? (
            <p>{t.none}</p>
          ) : (
            <table class="report-table">
              <thead>
                <tr>
                  <th scope="col">{t.columns.title}</th>
                  <th scope="col">{t.columns.audience}</th>
                  <th scope="col">{t.columns.dates}</th>
                  <th scope="col">{t.columns.state}</th>
                </tr>
              </thead>
              <tbody>
                {list.map((consultation) => (
                  <tr>
                    <td>
                      <a href={`/admin/consultations/${consultation.id}`}>{consultation.title}</a>
                    </td>
                    <td>{audienceText(consultation.audience)}</td>
                    <td>{t.dates(russianDay(consultation.opensOn), russianDay(consultation.closesOn))}</td>
                    <td>{t.stateNames[stateOn(consultation, day)]}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      ),
    });
  });

  const newPage = (c: Context<AdminEnv>, form: Form, errors: Errors, status: 200 | 400 = 200) =>
    renderPage(c, deps, {
      title: t.newTitle,
      section: 'consultations',
      status,
      body: <NewConsultationForm c={c} form={form} errors={errors} municipalities={municipalityList(db)} />,
    });

  app.get('/new', (c) => (isCouncil(c) ? newPage(c, { opensOn: today(), audience: 'all' }, {}) : forbiddenPage(c)));

  app.post('/', async (c) => {
    if (!isCouncil(c)) return forbiddenPage(c);
    const form = await readForm(c);
    const parsed = parseConsultation(form, municipalityList(db));
    if ('errors' in parsed) return newPage(c, form, parsed.errors, 400);
    const id = insertConsultation(db, { ...parsed.consultation, createdBy: c.var.staff.id });
    writeAudit(db, {
      actor: staffActor(c.var.staff),
      action: 'consultation.publish',
      target: `consultation:${id}`,
      details: { title: parsed.consultation.title },
    });
    setFlash(db, c.var.session.idHash, t.published(parsed.consultation.title));
    return c.redirect(`/admin/consultations/${id}`, 303);
  });

  app.get('/:file', async (c) => {
    const [idText = '', extension] = c.req.param('file').split('.', 2);
    const consultation = /^\d{1,9}$/.test(idText) ? visible(c, Number(idText)) : undefined;
    if (consultation === null) return forbiddenPage(c);
    if (!consultation) return errorPage(c, 404, messages.adminPages.notFoundTitle, t.notFound);
    const municipalityId = scopeOf(c);
    const results = consultationResults(db, consultation, { minGroup: deps.minGroup, ...(municipalityId === undefined ? {} : { municipalityId }) });
    const fileName = `consultation-${consultation.id}`;
    if (extension === 'csv') {
      return c.body([...csvChunks(resultsSummary(results), { excel: c.req.query('excel') === '1' })].join(''), 200, {
        'content-type': 'text/csv; charset=utf-8; header=present',
        'content-disposition': `attachment; filename="${fileName}.csv"`,
        'cache-control': 'no-store',
      });
    }
    if (extension === 'xlsx') {
      const body = await summaryWorkbook(resultsSummary(results), { title: consultation.title, minGroup: deps.minGroup });
      return c.body(body as Uint8Array<ArrayBuffer>, 200, {
        'content-type': xlsxContentType,
        'content-disposition': `attachment; filename="${fileName}.xlsx"`,
        'cache-control': 'no-store',
      });
    }
    if (extension !== undefined) return errorPage(c, 404, messages.adminPages.notFoundTitle, messages.adminPages.notFound);
    return renderPage(c, deps, {
      title: consultation.title,
      section: 'consultations',
      body: (
        <>
          <p>{consultation.text}</p>
          <dl class="facts">
            <dt>{t.columns.audience}</dt>
            <dd>{audienceText(consultation.audience)}</dd>
            <dt>{t.columns.dates}</dt>
            <dd>{t.dates(russianDay(consultation.opensOn), russianDay(consultation.closesOn))}</dd>
            <dt>{t.columns.state}</dt>
            <dd>{t.stateNames[stateOn(consultation, today())]}</dd>
          </dl>
          <h2>{t.results}</h2>
          <p class="actions">
            {t.download} <a href={`/admin/consultations/${consultation.id}.csv`}>{messages.council.csv}</a>{' '}
            <a href={`/admin/consultations/${consultation.id}.csv?excel=1`}>{messages.council.csvExcel}</a>{' '}
            <a href={`/admin/consultations/${consultation.id}.xlsx`}>{messages.council.xlsxLink}</a>
          </p>
          <ResultsView results={results} minGroup={deps.minGroup} />
          <h2>{t.conclusion}</h2>
          {isCouncil(c) ? (
            <form method="post" action={`/admin/consultations/${consultation.id}/conclusion`} class="stacked">
              <CsrfField c={c} />
              <div class="field">
                <label for="conclusion">{t.conclusion}</label>
                <textarea id="conclusion" name="conclusion" rows={4} maxlength={4000} aria-describedby="conclusion-hint">
                  {consultation.conclusion ?? ''}
                </textarea>
                <p class="hint" id="conclusion-hint">
                  {t.conclusionHint}
                </p>
              </div>
              <button type="submit">{t.saveConclusion}</button>
            </form>
          ) : (
            <p>{consultation.conclusion ?? t.noConclusion}</p>
          )}
        </>
      ),
    });
  });

  app.post('/:id/conclusion', async (c) => {
    if (!isCouncil(c)) return forbiddenPage(c);
    const consultation = visible(c, Number(c.req.param('id')));
    if (!consultation) return errorPage(c, 404, messages.adminPages.notFoundTitle, t.notFound);
    const conclusion = formText(await readForm(c), 'conclusion')
      .trim()
      .slice(0, 4000);
    setConclusion(db, consultation.id, conclusion);
    writeAudit(db, { actor: staffActor(c.var.staff), action: 'consultation.conclusion', target: `consultation:${consultation.id}`, details: {} });
    setFlash(db, c.var.session.idHash, t.conclusionSaved);
    return c.redirect(`/admin/consultations/${consultation.id}`, 303);
  });
  return app;
}
