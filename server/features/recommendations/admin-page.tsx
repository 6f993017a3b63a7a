/** @jsxImportSource hono/jsx */
/** @jsxRuntime automatic */
import { type Context, Hono } from 'hono';
import { competencyIds, type CompetencyId } from '../../../shared/competencies.ts';
import { framework } from '../../../shared/content/index.ts';
import { canSeeAggregate, type StaffScope } from '../../platform/auth/scope.ts';
import { ErrorSummary, russianInstant } from '../../platform/admin/components.tsx';
import { type AdminDeps, type AdminEnv, staffActor } from '../../platform/admin/env.ts';
import { formList, readForm } from '../../platform/admin/forms.ts';
import { CsrfField, errorPage, forbiddenPage, renderPage } from '../../platform/admin/layout.tsx';
import { writeAudit } from '../../platform/database/audit-store.ts';
import { setFlash } from '../../platform/database/session-store.ts';
import { type ExperienceBand, experienceBands } from '../aggregates/experience.ts';
import { settleReports } from '../aggregates/settle.ts';
import { listPrograms } from '../catalogue/program-store.ts';
import { flagTitles } from '../schools/messages.ts';
import { isSchoolFlag, listSchools, municipalityName, schoolFlags } from '../schools/store.ts';
import { subjectTitles } from '../subjects/messages.ts';
import { isSubject, subjectIds } from '../subjects/subjects.ts';
import { messages as summaries } from '../summaries/messages.ts';
import { type GroupFilter, groupNames, groupTeachers } from './group-store.ts';
import { associationChoices, findAssociation } from '../associations/store.ts';
import { messages } from './messages.ts';
import { findRecommendation, listRecommendations, type RecommendationRow, recommendationAnswers, recommendationGroup, sendRecommendation } from './store.ts';

const t = messages.recommendations;
const competencyNames = messages.programs.competencyNames;
const bandNames = summaries.reports.experienceBandNames;
const indicators = framework.indicators.filter((indicator) => (competencyIds as readonly string[]).includes(indicator.area));

function one<T extends string>(value: string | undefined, list: readonly T[]): T | undefined {
  return list.find((item) => item === value);
}

function positiveInt(value: string | undefined): number | undefined {
  return value && /^[1-9]\d{0,9}$/.test(value) ? Number(value) : undefined;
}

/** The group's filters from a query or a form; a methodist's municipality is always her own, whatever is sent. */
export function readGroupFilter(scope: StaffScope, field: (name: string) => string | undefined): GroupFilter {
  const subject = field('subject');
  const flag = field('schoolFlag');
  return {
    municipalityId: scope.kind === 'methodist' ? scope.municipalityId : (positiveInt(field('municipality')) ?? null),
    deficit: one(field('deficit'), competencyIds),
    indicator: indicators.find((indicator) => indicator.id === field('indicator'))?.id,
    subject: isSubject(subject) ? subject : undefined,
    experienceBand: one(field('experienceBand'), experienceBands),
    schoolId: positiveInt(field('school')),
    schoolFlag: isSchoolFlag(flag) ? flag : undefined,
    associationId: positiveInt(field('association')),
  };
}

/** The filters in words, for the list and a recommendation's page. */
export function describeFilter(filter: GroupFilter, school: (id: number) => string | undefined, association?: (id: number) => string | undefined): string {
  const parts = [
    filter.deficit && `${t.deficit}: ${competencyNames[filter.deficit]}`,
    filter.indicator && `${t.indicator}: ${indicators.find((i) => i.id === filter.indicator)?.title ?? filter.indicator}`,
    filter.subject && `${t.subject}: ${subjectTitles[filter.subject]}`,
    filter.experienceBand && bandNames[filter.experienceBand],
    filter.schoolId !== undefined && `${t.school}: ${school(filter.schoolId) ?? filter.schoolId}`,
    filter.schoolFlag && flagTitles[filter.schoolFlag],
    filter.associationId !== undefined && `${t.association}: ${association?.(filter.associationId) ?? filter.associationId}`,
  ].filter(Boolean);
  return parts.length ? parts.join('; ') : t.noFilter;
}

function Select<T extends string>({
  id,
  label,
  any,
  options,
  selected,
}: {
  id: string;
  label: string;
  any: string;
  options: readonly { value: T; title: string }[];
  selected: string | undefined;
}) {
  return (
    <div>
      <label for={id}>{label}</label>
      <select id={id} name={id}>
        <option value="">{any}</option>
        {options.map((option) => (
          <option value={option.value} selected={option.value === selected}>
            {option.title}
          </option>
        ))}
      </select>
    </div>
  );
}

/** The fields choosing a group, for recommendations and measures alike. */
export function GroupFilterFields({
  scope,
  filter,
  schools,
  associations = [],
}: {
  scope: StaffScope;
  filter: GroupFilter;
  schools: { id: number; name: string }[];
  /** The МО to choose from (the scope's). */
  associations?: { id: number; name: string }[];
}) {
  return (
    <>
      <Select
        id="deficit"
        label={t.deficit}
        any={t.anyDeficit}
        options={competencyIds.map((id) => ({ value: id, title: competencyNames[id] }))}
        selected={filter.deficit}
      />
      <Select
        id="indicator"
        label={t.indicator}
        any={t.anyIndicator}
        options={indicators.map((i) => ({ value: i.id, title: i.title }))}
        selected={filter.indicator}
      />
      <Select
        id="subject"
        label={t.subject}
        any={t.anySubject}
        options={subjectIds.map((id) => ({ value: id, title: subjectTitles[id] }))}
        selected={filter.subject}
      />
      <Select
        id="experienceBand"
        label={t.experienceBand}
        any={t.anyExperience}
        options={experienceBands.map((id: ExperienceBand) => ({ value: id, title: bandNames[id] }))}
        selected={filter.experienceBand}
      />
      <Select
        id="school"
        label={t.school}
        any={scope.kind === 'admin' ? t.wholeRepublic : t.anySchool}
        options={schools.map((s) => ({ value: String(s.id), title: s.name }))}
        selected={filter.schoolId === undefined ? undefined : String(filter.schoolId)}
      />
      <Select
        id="schoolFlag"
        label={t.schoolFlag}
        any={t.anySchoolFlag}
        options={schoolFlags.map((id) => ({ value: id, title: flagTitles[id] }))}
        selected={filter.schoolFlag}
      />
      {associations.length > 0 && (
        <Select
          id="association"
          label={t.association}
          any={t.anyAssociation}
          options={associations.map((a) => ({ value: String(a.id), title: a.name }))}
          selected={filter.associationId === undefined ? undefined : String(filter.associationId)}
        />
      )}
    </>
  );
}

function Reach({ row }: { row: RecommendationRow }) {
  return (
    <table class="reach">
      <tbody>
        <tr>
          <th>{t.columns.group}</th>
          <td class="num" data-reach="group">
            {row.group}
          </td>
        </tr>
        <tr>
          <th>{t.columns.seen}</th>
          <td class="num" data-reach="seen">
            {row.seen}
          </td>
        </tr>
        <tr>
          <th>{t.columns.accepted}</th>
          <td class="num" data-reach="accepted">
            {row.accepted}
          </td>
        </tr>
        <tr>
          <th>{t.columns.signedUp}</th>
          <td class="num" data-reach="signedUp">
            {row.signedUp}
          </td>
        </tr>
      </tbody>
    </table>
  );
}

type FormErrors = Partial<Record<'title' | 'body' | 'group' | 'programs', string>>;

/**
 * Адресные рекомендации: the list with each one's reach, the form that
 * chooses a group (shown before sending) and sends, and a recommendation's
 * page with its reach and its group. A methodist writes to and reads only
 * her municipality's teachers.
 */
export function recommendationsPage(deps: AdminDeps) {
  const { db } = deps;
  const schoolNames = (scope: StaffScope) => listSchools(db, scope, {}).map((s) => ({ id: s.id, name: s.name }));
  const associationNames = (scope: StaffScope) => associationChoices(db, scope);
  const programChoices = (scope: StaffScope) => {
    const municipality = scope.kind === 'methodist' ? municipalityName(db, scope.municipalityId) : undefined;
    return listPrograms(db, { municipality, limit: 200, offset: 0 }).items;
  };

  const form = (
    c: Context<AdminEnv>,
    values: { filter: GroupFilter; title: string; body: string; programs: string[] },
    errors: FormErrors,
    preview: boolean,
  ) => {
    const scope = c.var.scope;
    const group = preview || errors.group ? groupTeachers(db, values.filter) : [];
    const programs = programChoices(scope);
    const body = (
      <>
        <p class="hint">{t.intro}</p>
        <ErrorSummary errors={errors} />
        <form method="post" action="/admin/recommendations/new">
          <CsrfField c={c} />
          <fieldset class="filters">
            <legend>{t.filtersTitle}</legend>
            <GroupFilterFields scope={scope} filter={values.filter} schools={schoolNames(scope)} associations={associationNames(scope)} />
            <div>
              <button type="submit" formmethod="get" formaction="/admin/recommendations/new" name="preview" value="1">
                {t.showGroup}
              </button>
            </div>
          </fieldset>
          {(preview || errors.group) && (
            <section aria-live="polite" id="group">
              <p>{group.length === 0 ? t.groupEmpty : t.groupSize(group.length)}</p>
              {group.length > 0 && (
                <ul class="group">
                  {groupNames(db, group.slice(0, 100)).map((teacher) => (
                    <li>
                      <a href={`/admin/teachers/${teacher.id}`}>{teacher.name}</a> <span class="hint">{teacher.school}</span>
                    </li>
                  ))}
                </ul>
              )}
            </section>
          )}
          <fieldset>
            <legend>{t.textTitle}</legend>
            <div>
              <label for="title">{t.recommendationTitle}</label>
              <input id="title" name="title" value={values.title} maxlength={200} aria-invalid={errors.title ? 'true' : undefined} />
            </div>
            <div>
              <label for="body">{t.recommendationBody}</label>
              <textarea id="body" name="body" rows={6} maxlength={4000} aria-invalid={errors.body ? 'true' : undefined}>
                {values.body}
              </textarea>
            </div>
          </fieldset>
          <fieldset>
            <legend>{t.programs}</legend>
            {programs.length === 0 ? (
              <p>{t.noPrograms}</p>
            ) : (
              programs.map((program) => (
                <div>
                  <input type="checkbox" id={`program-${program.id}`} name="programs" value={program.id} checked={values.programs.includes(program.id)} />{' '}
                  <label for={`program-${program.id}`}>{program.title}</label>
                </div>
              ))
            )}
          </fieldset>
          <button type="submit">{t.send}</button>
        </form>
      </>
    );
    return renderPage(c, deps, { title: t.newTitle, section: 'recommendations', body, status: Object.keys(errors).length ? 400 : 200 });
  };

  return (
    new Hono<AdminEnv>()
      // The deficit filter reads the teachers' standings kept with the report aggregates: first those of the attempts still waiting.
      .use(settleReports(db))
      .get('/', (c) => {
        const rows = listRecommendations(db, c.var.scope);
        const body = (
          <>
            <p>
              <a href="/admin/recommendations/new">{t.newLink}</a>
            </p>
            {rows.length === 0 ? (
              <p>{t.none}</p>
            ) : (
              <table class="recommendations">
                <thead>
                  <tr>
                    <th>{t.columns.title}</th>
                    <th>{t.columns.sentAt}</th>
                    <th class="num">{t.columns.group}</th>
                    <th class="num">{t.columns.seen}</th>
                    <th class="num">{t.columns.accepted}</th>
                    <th class="num">{t.columns.signedUp}</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((row) => (
                    <tr>
                      <td>
                        <a href={`/admin/recommendations/${row.id}`}>{row.title}</a>
                      </td>
                      <td>{russianInstant(row.sentAt)}</td>
                      <td class="num">{row.group}</td>
                      <td class="num">{row.seen}</td>
                      <td class="num">{row.accepted}</td>
                      <td class="num">{row.signedUp}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </>
        );
        return renderPage(c, deps, { title: t.title, section: 'recommendations', body });
      })
      .get('/new', (c) => {
        const filter = readGroupFilter(c.var.scope, (name) => c.req.query(name));
        const values = { filter, title: c.req.query('title') ?? '', body: c.req.query('body') ?? '', programs: c.req.queries('programs') ?? [] };
        return form(c, values, {}, c.req.query('preview') === '1');
      })
      .post('/new', async (c) => {
        const scope = c.var.scope;
        const fields = await readForm(c);
        const text = (name: string) => {
          const value = fields[name];
          return typeof value === 'string' ? value.trim() : undefined;
        };
        const filter = readGroupFilter(scope, text);
        const values = { filter, title: text('title') ?? '', body: text('body') ?? '', programs: formList(fields, 'programs') };
        const errors: FormErrors = {};
        if (values.title.length < 3 || values.title.length > 200) errors.title = t.errors.title;
        if (values.body.length < 10 || values.body.length > 4000) errors.body = t.errors.body;
        const offered = new Set(programChoices(scope).map((program) => program.id));
        if (values.programs.some((id) => !offered.has(id))) errors.programs = t.errors.programs;
        const group = groupTeachers(db, filter);
        if (group.length === 0) errors.group = t.errors.group;
        if (Object.keys(errors).length > 0) return form(c, values, errors, false);
        const competency: CompetencyId | null =
          filter.deficit ?? (filter.indicator ? (indicators.find((i) => i.id === filter.indicator)?.area as CompetencyId | undefined) : undefined) ?? null;
        const id = sendRecommendation(db, {
          municipalityId: filter.municipalityId,
          author: staffActor(c.var.staff),
          title: values.title,
          body: values.body,
          competency,
          filter,
          attachments: [...new Set(values.programs)].map((program) => ({ kind: 'program' as const, id: program })),
          teacherIds: group,
        });
        writeAudit(db, { actor: staffActor(c.var.staff), action: 'recommendation.send', target: `recommendation:${id}`, details: { teachers: group.length } });
        setFlash(db, c.var.session.idHash, t.sent(group.length));
        return c.redirect(`/admin/recommendations/${id}`, 303);
      })
      .get('/:id{[0-9]+}', (c) => {
        const row = findRecommendation(db, Number(c.req.param('id')));
        if (!row) return errorPage(c, 404, t.notFoundTitle, t.notFound);
        if (row.municipalityId === null ? c.var.scope.kind !== 'admin' : !canSeeAggregate(c.var.scope, row.municipalityId)) return forbiddenPage(c);
        const names = new Map(listSchools(db, c.var.scope, {}).map((s) => [s.id, s.name]));
        const answers = new Map(recommendationAnswers(db, row.id).map((a) => [a.id, a]));
        const body = (
          <>
            <p class="hint">
              {russianInstant(row.sentAt)} · {row.author.replace(/^staff:/, '')}
            </p>
            <p>{row.body}</p>
            <h2>{t.filterTitle}</h2>
            <p>
              {describeFilter(
                row.filter,
                (id) => names.get(id),
                (id) => findAssociation(db, id)?.name,
              )}
            </p>
            <h2>{t.attachmentsTitle}</h2>
            <ul>
              {row.attachments.map((attachment) => (
                <li>
                  <a href={`/admin/programs/${encodeURIComponent(attachment.id)}`}>{attachment.title}</a>
                </li>
              ))}
            </ul>
            <h2>{t.reachTitle}</h2>
            <Reach row={row} />
            <h2>{t.groupTitle}</h2>
            <table>
              <thead>
                <tr>
                  <th>{t.teacher}</th>
                  <th>{t.school}</th>
                  <th>{t.state}</th>
                </tr>
              </thead>
              <tbody>
                {groupNames(db, recommendationGroup(db, row.id)).map((teacher) => {
                  const answer = answers.get(teacher.id);
                  return (
                    <tr>
                      <td>
                        <a href={`/admin/teachers/${teacher.id}`}>{teacher.name}</a>
                      </td>
                      <td>{teacher.school}</td>
                      <td>{answer?.acceptedAt ? t.stateAccepted : answer?.seenAt ? t.stateSeen : t.stateNone}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </>
        );
        return renderPage(c, deps, { title: row.title, section: 'recommendations', body });
      })
  );
}
