/** @jsxImportSource hono/jsx */
/** @jsxRuntime automatic */
import { Hono } from 'hono';
import type { Context } from 'hono';
import { type CompetencyId, competencyIds, competencyTitles, competencyTitlesInText } from '../../../shared/competencies.ts';
import { formatNumber } from '../../../shared/format/russian.ts';
import { russianDay } from '../../platform/admin/components.tsx';
import { type AdminDeps, type AdminEnv, staffActor } from '../../platform/admin/env.ts';
import { formList, formText, readForm } from '../../platform/admin/forms.ts';
import { CsrfField, errorPage, forbiddenPage, renderPage } from '../../platform/admin/layout.tsx';
import { teacherTarget, writeAudit } from '../../platform/database/audit-store.ts';
import { now } from '../../platform/database/database.ts';
import { setFlash } from '../../platform/database/session-store.ts';
import { mentoringPageMessages as t } from './messages.ts';
import type { MentoringScope } from './scope.ts';
import { type MentoringOverview, assignMentor, endPair, mentoringOverview, pairPlace, suggestMentors } from './store.ts';
import { canPairTeacher } from './scope.ts';
import { type MenteeGrowthRow, menteeGrowth } from './growth-store.ts';

const day = /^(\d{4})-(\d{2})-(\d{2})$|^(\d{2})\.(\d{2})\.(\d{4})$/;

/** A date typed as ГГГГ-ММ-ДД (the date picker) or ДД.ММ.ГГГГ, as ГГГГ-ММ-ДД; undefined when it is neither. */
function readDay(text: string): string | undefined {
  const match = day.exec(text);
  if (!match) return undefined;
  const iso = match[1] ? `${match[1]}-${match[2]}-${match[3]}` : `${match[6]}-${match[5]}-${match[4]}`;
  return Number.isNaN(Date.parse(iso)) ? undefined : iso;
}

const titles = (areas: readonly CompetencyId[]) => areas.map((id) => competencyTitlesInText[id]).join(', ');

/**
 * «Наставничество» for staff: early-career teachers without a mentor (a
 * выраженный дефицит flagged first), suggestions and the assignment, the
 * pairs with their meetings counted (never a note), mentors' load and the
 * meetings by month. A methodist sees her municipality, the administrator
 * the republic. Every assignment and ending is in the audit log, without
 * any meeting's content.
 */
export function mentoringPage(deps: AdminDeps) {
  const { db } = deps;
  const scopeOf = (c: Context<AdminEnv>): MentoringScope => c.var.scope;
  const back = (c: Context<AdminEnv>, flash: string, query = '') => {
    setFlash(db, c.var.session.idHash, flash);
    return c.redirect(`/admin/mentoring${query}`, 303);
  };
  return new Hono<AdminEnv>()
    .get('/', (c) => {
      const scope = scopeOf(c);
      const overview = mentoringOverview(db, scope);
      const menteeId = Number(c.req.query('mentee'));
      const mentee = overview.unpaired.find((teacher) => teacher.id === menteeId);
      const body = (
        <>
          <p>{t.intro}</p>
          <Indicators overview={overview} />
          <h2 id="unpaired">{t.unpairedTitle}</h2>
          {overview.unpaired.length === 0 ? (
            <p>{t.unpairedNone}</p>
          ) : (
            <ul class="unpaired">
              {overview.unpaired.map((teacher) => (
                <li data-teacher={teacher.id}>
                  <strong>{teacher.name}</strong>, {teacher.school}, {t.experience(teacher.experienceYears)}
                  {teacher.highDeficits.length > 0 && (
                    <>
                      {' '}
                      <span class="flag">{t.highDeficitFlag(titles(teacher.highDeficits))}</span>
                    </>
                  )}{' '}
                  <a href={`/admin/mentoring?mentee=${teacher.id}#suggestions`}>{t.showSuggestions}</a>
                </li>
              ))}
            </ul>
          )}
          {mentee && <Suggestions c={c} db={db} scope={scope} mentee={mentee} />}
          <h2>{t.pairsTitle}</h2>
          <Pairs c={c} overview={overview} />
          <h2>{t.loadTitle}</h2>
          {overview.load.length === 0 ? (
            <p>{t.pairsNone}</p>
          ) : (
            <table>
              <thead>
                <tr>
                  <th>{t.columns.mentor}</th>
                  <th>{t.columns.school}</th>
                  <th>{t.columns.load}</th>
                </tr>
              </thead>
              <tbody>
                {overview.load.map((row) => (
                  <tr>
                    <td>{row.name}</td>
                    <td>{row.school}</td>
                    <td>{row.pairs}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <Growth rows={menteeGrowth(db, scope)} />
          <h2>{t.monthsTitle}</h2>
          {overview.byMonth.length === 0 ? (
            <p>{t.monthsNone}</p>
          ) : (
            <table class="meetings-by-month">
              <thead>
                <tr>
                  <th>{t.columns.month}</th>
                  <th>{t.columns.meetings}</th>
                  <th>{t.columns.minutes}</th>
                  <th>{t.columns.pairs}</th>
                </tr>
              </thead>
              <tbody>
                {overview.byMonth.map((row) => (
                  <tr data-month={row.month}>
                    <td>{t.month(row.month)}</td>
                    <td>{row.meetings}</td>
                    <td>{row.minutes}</td>
                    <td>{row.pairs}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      );
      return renderPage(c, deps, { title: t.title, section: 'mentoring', body });
    })
    .post('/pairs', async (c) => {
      const form = await readForm(c);
      const menteeId = Number(formText(form, 'mentee'));
      const mentorId = Number(formText(form, 'mentor'));
      const startedOn = readDay(formText(form, 'startedOn') || now().slice(0, 10));
      const endsText = formText(form, 'endsOn');
      const endsOn = endsText ? readDay(endsText) : null;
      if (!startedOn || endsOn === undefined) return back(c, t.badDate, `?mentee=${menteeId}#suggestions`);
      const focus = competencyIds.filter((id) => formList(form, 'focus').includes(id));
      const result = assignMentor(db, scopeOf(c), { menteeId, mentorId, focus, startedOn, endsOn }, staffActor(c.var.staff));
      if (result.kind === 'outOfScope') return forbiddenPage(c);
      if (result.kind !== 'created') return back(c, t.refused[result.kind], `?mentee=${menteeId}#suggestions`);
      writeAudit(db, {
        actor: staffActor(c.var.staff),
        action: 'mentoring.pair',
        target: teacherTarget(menteeId),
        details: { pair: result.pairId, mentor: mentorId, focus, startedOn, endsOn },
      });
      return back(c, t.assigned);
    })
    .post('/pairs/:id{[0-9]+}/end', async (c) => {
      const pairId = Number(c.req.param('id'));
      const place = pairPlace(db, pairId);
      if (!place) return errorPage(c, 404, t.title, t.refused.notFound);
      if (!canPairTeacher(scopeOf(c), place)) return forbiddenPage(c);
      const reason = formText(await readForm(c), 'reason');
      if (reason.length < 3 || reason.length > 500) return back(c, t.reasonRequired);
      const result = endPair(db, scopeOf(c), pairId, reason);
      if (result !== 'ended') return errorPage(c, 404, t.title, t.refused.notFound);
      writeAudit(db, { actor: staffActor(c.var.staff), action: 'mentoring.end', target: `mentoring-pair:${pairId}`, details: { reason } });
      return back(c, t.ended);
    });
}

/** The mentees' growth beside comparable early-career teachers without a mentor (growth-store.ts). */
function Growth({ rows }: { rows: MenteeGrowthRow[] }) {
  const columns = t.growthColumns;
  return (
    <section aria-labelledby="growth-title">
      <h2 id="growth-title">{t.growthTitle}</h2>
      <p class="report-hint">{t.growthMethod}</p>
      {rows.length === 0 ? (
        <p>{t.growthNone}</p>
      ) : (
        <table class="mentee-growth">
          <thead>
            <tr>
              <th>{columns.competency}</th>
              <th>{columns.menteesMeasured}</th>
              <th>{columns.menteesGrowth}</th>
              <th>{columns.comparisonMeasured}</th>
              <th>{columns.comparisonGrowth}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr data-competency={row.competency}>
                <td>{competencyTitles[row.competency]}</td>
                <td>{row.menteesMeasured}</td>
                <td>{t.growthValue(row.menteesGrowth)}</td>
                <td>{row.comparisonMeasured}</td>
                <td>{t.growthValue(row.comparisonGrowth)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function Indicators({ overview }: { overview: MentoringOverview }) {
  const latest = overview.byMonth[0];
  return (
    <dl class="indicators">
      <dt>{t.earlyCareer}</dt>
      <dd data-indicator="earlyCareer">{overview.earlyCareer}</dd>
      <dt>{t.withMentor}</dt>
      <dd data-indicator="withMentor">{overview.withMentor}</dd>
      <dt>{t.mentors}</dt>
      <dd data-indicator="mentors">{overview.mentors}</dd>
      <dt>{t.pairsCount}</dt>
      <dd data-indicator="pairs">{overview.pairs.length}</dd>
      <dt>{t.meetingsPerPair}</dt>
      <dd data-indicator="meetingsPerPair">{latest && overview.pairs.length > 0 ? formatNumber(latest.meetings / overview.pairs.length) : '—'}</dd>
    </dl>
  );
}

function Suggestions({
  c,
  db,
  scope,
  mentee,
}: {
  c: Context<AdminEnv>;
  db: AdminDeps['db'];
  scope: MentoringScope;
  mentee: MentoringOverview['unpaired'][number];
}) {
  const suggestions = suggestMentors(db, scope, mentee.id);
  return (
    <section id="suggestions" aria-labelledby="suggestions-title">
      <h2 id="suggestions-title">{t.suggestionsFor(mentee.name)}</h2>
      {suggestions.length === 0 ? (
        <p>{t.noSuggestions}</p>
      ) : (
        <form method="post" action="/admin/mentoring/pairs" class="card">
          <CsrfField c={c} />
          <input type="hidden" name="mentee" value={String(mentee.id)} />
          <fieldset>
            <legend>{t.columns.mentor}</legend>
            {suggestions.map((s, index) => (
              <label class="choice" data-mentor={s.teacherId}>
                <input type="radio" name="mentor" value={String(s.teacherId)} checked={index === 0} /> <strong>{s.name}</strong>, {s.school}
                <span class="hint">
                  {' '}
                  {[
                    s.sameSchool && t.suggestionReasons.sameSchool,
                    s.sharedSubjects.length > 0 && t.suggestionReasons.sharedSubjects(s.sharedSubjects.join(', ')),
                    s.strengths.length > 0 && t.suggestionReasons.strengths(titles(s.strengths)),
                    t.suggestionReasons.load(s.load),
                  ]
                    .filter(Boolean)
                    .join('; ')}
                </span>
              </label>
            ))}
          </fieldset>
          <fieldset>
            <legend>{t.focus}</legend>
            {competencyIds.map((id) => (
              <label class="choice">
                <input type="checkbox" name="focus" value={id} /> {competencyTitles[id]}
              </label>
            ))}
          </fieldset>
          <label for="startedOn">{t.startedOn}</label>
          <input id="startedOn" name="startedOn" type="date" value={now().slice(0, 10)} required />
          <label for="endsOn">{t.endsOn}</label>
          <input id="endsOn" name="endsOn" type="date" />
          <button type="submit">{t.assign}</button>
        </form>
      )}
    </section>
  );
}

function Pairs({ c, overview }: { c: Context<AdminEnv>; overview: MentoringOverview }) {
  if (overview.pairs.length === 0) return <p>{t.pairsNone}</p>;
  return (
    <table class="pairs">
      <thead>
        <tr>
          <th>{t.columns.mentor}</th>
          <th>{t.columns.mentee}</th>
          <th>{t.columns.school}</th>
          <th>{t.columns.focus}</th>
          <th>{t.columns.period}</th>
          <th>{t.columns.meetings}</th>
          <th>{t.columns.minutes}</th>
          <th>{t.columns.endRequest}</th>
        </tr>
      </thead>
      <tbody>
        {overview.pairs.map((pair) => (
          <tr data-pair={pair.id}>
            <td>{pair.mentor}</td>
            <td>{pair.mentee}</td>
            <td>{pair.school}</td>
            <td>{titles(pair.focus) || '—'}</td>
            <td>{t.since(russianDay(pair.startedOn), pair.endsOn && russianDay(pair.endsOn))}</td>
            <td class="meetings">{pair.meetings}</td>
            <td>{pair.minutes}</td>
            <td>
              {pair.endRequested && (
                <p>
                  {t.endRequestedBy[pair.endRequested.by]}: {pair.endRequested.reason}
                </p>
              )}
              <form method="post" action={`/admin/mentoring/pairs/${pair.id}/end`}>
                <CsrfField c={c} />
                <label for={`reason-${pair.id}`}>{t.endReason}</label>
                <input id={`reason-${pair.id}`} name="reason" maxLength={500} required minLength={3} />
                <button type="submit">{t.endPair}</button>
              </form>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
