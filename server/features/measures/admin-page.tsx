/** @jsxImportSource hono/jsx */
/** @jsxRuntime automatic */
import { stringify } from 'csv-stringify/sync';
import { type Context, Hono } from 'hono';
import { type CompetencyId, competencyIds, competencyTitles } from '../../../shared/competencies.ts';
import { framework } from '../../../shared/content/index.ts';
import { formatNumber, formatSigned } from '../../../shared/format/russian.ts';
import { canSeeAggregate, type StaffScope } from '../../platform/auth/scope.ts';
import { ErrorSummary, russianDay } from '../../platform/admin/components.tsx';
import { type AdminDeps, type AdminEnv, staffActor } from '../../platform/admin/env.ts';
import { readForm } from '../../platform/admin/forms.ts';
import { CsrfField, errorPage, forbiddenPage, renderPage } from '../../platform/admin/layout.tsx';
import { writeAudit } from '../../platform/database/audit-store.ts';
import { setFlash } from '../../platform/database/session-store.ts';
import { currentPeriod, isPeriod, nextPeriod, periodDates, previousPeriod } from '../aggregates/period.ts';
import { settleReports } from '../aggregates/settle.ts';
import { GroupFilterFields, describeFilter, readGroupFilter } from '../recommendations/admin-page.tsx';
import { associationChoices, findAssociation } from '../associations/store.ts';
import { type GroupFilter, groupTeachers } from '../recommendations/group-store.ts';
import { neutralise } from '../summaries/csv.ts';
import { listSchools } from '../schools/store.ts';
import { measureEffect } from './effects.ts';
import { messages } from './messages.ts';
import { findMeasure, listMeasures, logMeasure, type MeasureKind, type MeasureRow, measureKinds } from './store.ts';

const t = messages.measures;
const competencyNames = competencyTitles;
const indicators = framework.indicators.filter((indicator) => (competencyIds as readonly string[]).includes(indicator.area));
const indicatorName = (id: string | null) => (id ? (indicators.find((i) => i.id === id)?.title ?? id) : t.anyIndicator);

const value = (n: number | null) => (n === null ? t.noValue : formatNumber(n));
const change = (n: number | null) => (n === null ? t.noValue : formatSigned(n));

/** The months of an учебный год (September first) a measure runs in. */
function activeMonths(measure: MeasureRow, period: string): boolean[] {
  const first = Number(period.slice(0, 4));
  return t.months.map((_, index) => {
    const year = index < 4 ? first : first + 1;
    const month = ((index + 8) % 12) + 1;
    const from = `${year}-${String(month).padStart(2, '0')}-01`;
    const to = `${year}-${String(month).padStart(2, '0')}-31`;
    return measure.start <= to && measure.end >= from;
  });
}

interface Values {
  filter: GroupFilter;
  kind: string;
  title: string;
  competency: string;
  indicator: string;
  targetValue: string;
  start: string;
  end: string;
}
type Errors = Partial<Record<'kind' | 'title' | 'competency' | 'targetValue' | 'start' | 'end' | 'group', string>>;

/**
 * Меры и план на год: the measures of the staff member's scope in one учебный
 * год on a timeline (printable, and as CSV for the municipal report), the form
 * that logs one with its target group, and a measure's page with its effect.
 */
export function measuresPage(deps: AdminDeps) {
  const { db } = deps;
  const periodOfQuery = (c: Context<AdminEnv>) => {
    const asked = c.req.query('period');
    return asked && isPeriod(asked) ? asked : currentPeriod();
  };
  const visible = (scope: StaffScope, measure: MeasureRow) =>
    measure.municipalityId === null ? scope.kind === 'admin' : canSeeAggregate(scope, measure.municipalityId);

  const form = (c: Context<AdminEnv>, values: Values, errors: Errors) => {
    const scope = c.var.scope;
    const schools = listSchools(db, scope, {}).map((s) => ({ id: s.id, name: s.name }));
    const body = (
      <>
        <ErrorSummary errors={errors} />
        <form method="post" action="/admin/measures/new">
          <CsrfField c={c} />
          <div>
            <label for="kind">{t.kind}</label>
            <select id="kind" name="kind" required>
              <option value="" />
              {measureKinds.map((kind) => (
                <option value={kind} selected={kind === values.kind}>
                  {t.kindNames[kind]}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label for="title">{t.measureTitle}</label>
            <input id="title" name="title" value={values.title} maxlength={200} required />
          </div>
          <div>
            <label for="competency">{t.competency}</label>
            <select id="competency" name="competency" required>
              <option value="" />
              {competencyIds.map((id) => (
                <option value={id} selected={id === values.competency}>
                  {competencyNames[id]}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label for="measureIndicator">{t.indicator}</label>
            <select id="measureIndicator" name="measureIndicator">
              <option value="">{t.anyIndicator}</option>
              {indicators.map((indicator) => (
                <option value={indicator.id} selected={indicator.id === values.indicator}>
                  {indicator.title}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label for="targetValue">{t.targetValue}</label>
            <input id="targetValue" name="targetValue" inputmode="numeric" value={values.targetValue} />
          </div>
          <div>
            <label for="start">{t.start}</label>
            <input type="date" id="start" name="start" value={values.start} required />
          </div>
          <div>
            <label for="end">{t.end}</label>
            <input type="date" id="end" name="end" value={values.end} required />
          </div>
          <fieldset class="filters">
            <legend>{messages.recommendations.filtersTitle}</legend>
            <GroupFilterFields scope={scope} filter={values.filter} schools={schools} associations={associationChoices(db, scope)} />
          </fieldset>
          <button type="submit">{t.save}</button>
        </form>
      </>
    );
    return renderPage(c, deps, { title: t.newTitle, section: 'measures', body, status: Object.keys(errors).length ? 400 : 200 });
  };

  return new Hono<AdminEnv>()
    .use(settleReports(db))
    .get('/', (c) => {
      const period = periodOfQuery(c);
      const { start, end } = periodDates(period);
      const rows = listMeasures(db, c.var.scope, start, end);
      const body = (
        <>
          <p class="hint">{t.intro}</p>
          <form method="get" action="/admin/measures" class="filters">
            <div>
              <label for="period">{t.period}</label>
              <select id="period" name="period">
                {[previousPeriod(currentPeriod()), currentPeriod(), nextPeriod(currentPeriod())].map((p) => (
                  <option value={p} selected={p === period}>
                    {p.replace('-', '/')}
                  </option>
                ))}
              </select>
            </div>
            <div>
              <button type="submit">{messages.adminPages.filter}</button>
            </div>
          </form>
          <p class="actions">
            <a href="/admin/measures/new">{t.newLink}</a> <a href={`/admin/measures/plan.csv?period=${period}`}>{t.csvLink}</a>
          </p>
          <p class="hint">{t.printHint}</p>
          <h2>{t.planTitle(period)}</h2>
          {rows.length === 0 ? (
            <p>{t.none}</p>
          ) : (
            <div class="table-scroll">
              <table class="plan">
                <thead>
                  <tr>
                    <th>{t.columns.title}</th>
                    <th>{t.columns.kind}</th>
                    <th>{t.columns.aim}</th>
                    <th class="num">{t.columns.group}</th>
                    <th>{t.columns.dates}</th>
                    {t.months.map((month) => (
                      <th class="month">{month}</th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {rows.map((row) => (
                    <tr>
                      <td>
                        <a href={`/admin/measures/${row.id}`}>{row.title}</a>
                      </td>
                      <td>{t.kindNames[row.kind]}</td>
                      <td>
                        {competencyNames[row.competency]}
                        {row.indicator && <div class="hint">{indicatorName(row.indicator)}</div>}
                      </td>
                      <td class="num">{row.teachers}</td>
                      <td>
                        {russianDay(row.start)}–{russianDay(row.end)}
                      </td>
                      {activeMonths(row, period).map((on) => (
                        <td class={on ? 'month on' : 'month'}>{on ? <span class="visually-hidden">{t.monthActive}</span> : ''}</td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      );
      return renderPage(c, deps, { title: t.title, section: 'measures', body });
    })
    .get('/plan.csv', (c) => {
      const period = periodOfQuery(c);
      const { start, end } = periodDates(period);
      const records = listMeasures(db, c.var.scope, start, end).map((row) => {
        const effect = measureEffect(db, row);
        const n = (x: number | null) => (x === null ? '' : String(Math.round(x * 10) / 10).replace('.', ','));
        return [
          neutralise(row.title),
          t.kindNames[row.kind],
          competencyNames[row.competency],
          row.indicator ? indicatorName(row.indicator) : '',
          row.targetValue === null ? '' : String(row.targetValue),
          russianDay(row.start),
          russianDay(row.end),
          String(row.teachers),
          n(effect.target.before),
          n(effect.target.after),
          n(effect.target.change),
          n(effect.comparison.before),
          n(effect.comparison.after),
          n(effect.comparison.change),
        ];
      });
      // A BOM and `;` so that Excel in a Russian locale opens it as it is.
      const csv = `\uFEFF${stringify([[...t.csvHeader], ...records], { delimiter: ';', record_delimiter: 'windows' })}`;
      return c.body(csv, 200, { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="profrost-plan-${period}.csv"` });
    })
    .get('/new', (c) =>
      form(
        c,
        { filter: readGroupFilter(c.var.scope, () => undefined), kind: '', title: '', competency: '', indicator: '', targetValue: '', start: '', end: '' },
        {},
      ),
    )
    .post('/new', async (c) => {
      const scope = c.var.scope;
      const fields = await readForm(c);
      const text = (name: string) => {
        const field = fields[name];
        return typeof field === 'string' ? field.trim() : '';
      };
      const values: Values = {
        filter: readGroupFilter(scope, text),
        kind: text('kind'),
        title: text('title'),
        competency: text('competency'),
        indicator: text('measureIndicator'),
        targetValue: text('targetValue'),
        start: text('start'),
        end: text('end'),
      };
      const errors: Errors = {};
      const kind = measureKinds.find((k) => k === values.kind);
      const competency = competencyIds.find((id) => id === values.competency);
      const indicator = indicators.find((i) => i.id === values.indicator && i.area === competency)?.id ?? null;
      const isDay = (day: string) => /^\d{4}-\d{2}-\d{2}$/.test(day) && !Number.isNaN(Date.parse(day)) && new Date(day).toISOString().startsWith(day);
      if (!kind) errors.kind = t.errors.kind;
      if (values.title.length < 3 || values.title.length > 200) errors.title = t.errors.title;
      if (!competency) errors.competency = t.errors.competency;
      if (values.targetValue !== '' && !(/^\d{1,3}$/.test(values.targetValue) && Number(values.targetValue) <= 100)) errors.targetValue = t.errors.targetValue;
      if (!isDay(values.start)) errors.start = t.errors.start;
      if (!isDay(values.end) || values.end < values.start) errors.end = t.errors.end;
      const group = groupTeachers(db, values.filter);
      if (group.length === 0) errors.group = t.errors.group;
      if (!kind || !competency || Object.keys(errors).length > 0) return form(c, values, errors);
      const id = logMeasure(db, {
        municipalityId: values.filter.municipalityId,
        author: staffActor(c.var.staff),
        kind: kind as MeasureKind,
        title: values.title,
        competency: competency as CompetencyId,
        indicator,
        targetValue: values.targetValue === '' ? null : Number(values.targetValue),
        start: values.start,
        end: values.end,
        filter: values.filter,
        teacherIds: group,
      });
      writeAudit(db, { actor: staffActor(c.var.staff), action: 'measure.log', target: `measure:${id}`, details: { teachers: group.length } });
      setFlash(db, c.var.session.idHash, t.saved(group.length));
      return c.redirect(`/admin/measures/${id}`, 303);
    })
    .get('/:id{[0-9]+}', (c) => {
      const measure = findMeasure(db, Number(c.req.param('id')));
      if (!measure) return errorPage(c, 404, t.notFoundTitle, t.notFound);
      if (!visible(c.var.scope, measure)) return forbiddenPage(c);
      const effect = measureEffect(db, measure);
      const schools = new Map(listSchools(db, c.var.scope, {}).map((s) => [s.id, s.name]));
      const reached = measure.targetValue !== null && effect.target.after !== null ? effect.target.after >= measure.targetValue : null;
      const body = (
        <>
          <table class="facts">
            <tbody>
              <tr>
                <th>{t.columns.kind}</th>
                <td>{t.kindNames[measure.kind]}</td>
              </tr>
              <tr>
                <th>{t.columns.aim}</th>
                <td>
                  {competencyNames[measure.competency]}: {indicatorName(measure.indicator)}
                </td>
              </tr>
              <tr>
                <th>{t.columns.dates}</th>
                <td>
                  {russianDay(measure.start)}–{russianDay(measure.end)}
                </td>
              </tr>
              <tr>
                <th>{t.columns.target}</th>
                <td>{measure.targetValue ?? t.noValue}</td>
              </tr>
              <tr>
                <th>{messages.recommendations.filterTitle}</th>
                <td>
                  {describeFilter(
                    measure.filter,
                    (id) => schools.get(id),
                    (id) => findAssociation(db, id)?.name,
                  )}
                </td>
              </tr>
            </tbody>
          </table>
          <h2>{t.effectTitle}</h2>
          <p class="hint">{t.effectNote}</p>
          <table class="effect">
            <thead>
              <tr>
                <th>{t.effectColumns.group}</th>
                <th class="num">{t.effectColumns.teachers}</th>
                <th class="num">{t.effectColumns.measured}</th>
                <th class="num">{t.effectColumns.before}</th>
                <th class="num">{t.effectColumns.after}</th>
                <th class="num">{t.effectColumns.change}</th>
              </tr>
            </thead>
            <tbody>
              {(
                [
                  ['target', t.targetGroup, effect.target],
                  ['comparison', t.comparisonGroup, effect.comparison],
                ] as const
              ).map(([id, name, row]) => (
                <tr data-group={id}>
                  <th>{name}</th>
                  <td class="num">{row.teachers}</td>
                  <td class="num">{row.measured}</td>
                  <td class="num">{value(row.before)}</td>
                  <td class="num">{value(row.after)}</td>
                  <td class="num">{change(row.change)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {reached !== null && <p>{reached ? t.targetReached(String(measure.targetValue)) : t.targetNotReached(String(measure.targetValue))}</p>}
        </>
      );
      return renderPage(c, deps, { title: measure.title, section: 'measures', body });
    });
}
