/** @jsxImportSource hono/jsx */
/** @jsxRuntime automatic */
import { findTeacherPlace } from '../roster/store.ts';
import { Hono } from 'hono';
import { areaTitles, type CompetencyId, competencyIds } from '../../../shared/competencies.ts';
import type { Standing } from '../../../shared/profile/current-profile.ts';
import type { DeficitLevel } from '../../../shared/competencies.ts';
import { canSeeTeacher } from '../../platform/auth/scope.ts';
import { messages } from './messages.ts';
import { settleReports } from '../aggregates/settle.ts';
import { Pager, fullName, pageNumber, pagePosition, russianDay, russianInstant } from '../../platform/admin/components.tsx';
import { type AdminDeps, type AdminEnv, staffActor } from '../../platform/admin/env.ts';
import { teacherTarget, writeAudit } from '../../platform/database/audit-store.ts';
import { CsrfField, errorPage, forbiddenPage, renderPage } from '../../platform/admin/layout.tsx';
import { type TeacherDetail, type TeacherFilter, filterChoices, listTeachers, teacherDetail } from './directory-store.ts';
import { type ConsentRecord, consentsOf } from '../connection/consent-store.ts';
import { isSubject, subjectIds } from '../subjects/subjects.ts';
import { subjectTitles } from '../subjects/messages.ts';
import { isSchoolFlag, schoolFlags } from '../schools/store.ts';
import { flagTitles } from '../schools/messages.ts';
import { listAssociations } from '../associations/store.ts';

/**
 * Педагоги: the teachers of the staff member's scope with their levels and
 * route progress, and a teacher's profile over time. Competencies only; the
 * wellbeing screening is never shown to staff per teacher.
 */

const t = messages.adminPages;
const tt = t.teachers;
const competencyNames = messages.programs.competencyNames;

function LevelBadge({ standing }: { standing: Pick<Standing<DeficitLevel>, 'level'> | undefined }) {
  const level = standing?.level ?? 'insufficientData';
  return <span class={`level level-${level}`}>{t.levelNames[level]}</span>;
}

function positiveInt(value: string | undefined): number | undefined {
  return value && /^[1-9]\d{0,9}$/.test(value) ? Number(value) : undefined;
}

function isCompetency(value: string | undefined): value is CompetencyId {
  return (competencyIds as readonly string[]).includes(value ?? '');
}

/** A query value when it is one of a closed list's. */
function pick<T extends string>(value: string | undefined, is: (value: unknown) => value is T): T | undefined {
  return is(value) ? value : undefined;
}

function formatDelta(delta: number | null): string {
  if (delta === null) return tt.noGrowth;
  return delta > 0 ? `+${delta}` : String(delta);
}

function Profile({ detail }: { detail: TeacherDetail }) {
  return (
    <section>
      <h2>{tt.profileTitle}</h2>
      <table>
        <thead>
          <tr>
            <th>{tt.competency}</th>
            <th>{tt.level}</th>
            <th class="num">{tt.score}</th>
            <th>{tt.growth}</th>
          </tr>
        </thead>
        <tbody>
          {competencyIds.map((id) => {
            const standing = detail.standings[id];
            return (
              <tr>
                <td>{competencyNames[id]}</td>
                <td>
                  <LevelBadge standing={standing} />
                </td>
                <td class="num">{standing.score ?? '—'}</td>
                <td>
                  {detail.growth[id].length === 0
                    ? tt.noGrowth
                    : detail.growth[id].map((entry) => (
                        <div>
                          {formatDelta(entry.delta)}{' '}
                          <span class="hint">
                            {tt.growthSource(
                              detail.instrumentTitles[entry.instrumentId] ?? entry.instrumentId,
                              russianDay(entry.previous.completedAt),
                              russianDay(entry.latest.completedAt),
                            )}
                          </span>
                        </div>
                      ))}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>

      <h2>{tt.historyTitle}</h2>
      <p class="hint">{tt.historyNote}</p>
      {detail.history.length === 0 ? (
        <p>{tt.noDiagnostics}</p>
      ) : (
        <table class="history">
          <thead>
            <tr>
              <th>{tt.date}</th>
              <th>{tt.instrument}</th>
              {competencyIds.map((id) => (
                <th class="num">{competencyNames[id]}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {detail.history.map((row) => (
              <tr>
                <td>{russianDay(row.completedAt)}</td>
                <td>{row.instrumentTitle}</td>
                {competencyIds.map((id) => (
                  <td class="num">{id in row.scores ? (row.scores[id] ?? t.levelNames.insufficientData) : ''}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** Which edition of the consent text the teacher accepted, when and on which device: what the operator shows when asked. */
function Consents({ consents }: { consents: ConsentRecord[] }) {
  return (
    <section>
      <h2>{tt.consentTitle}</h2>
      {consents.length === 0 ? (
        <p>{tt.consentNone}</p>
      ) : (
        <table class="consents">
          <thead>
            <tr>
              <th>{tt.consentVersion}</th>
              <th>{tt.consentAcceptedAt}</th>
              <th>{tt.consentReceivedAt}</th>
              <th>{tt.consentDevice}</th>
              <th>{tt.consentState}</th>
            </tr>
          </thead>
          <tbody>
            {consents.map((consent) => (
              <tr>
                <td>{russianDay(consent.version)}</td>
                <td>{russianInstant(new Date(consent.acceptedAt).toISOString())}</td>
                <td>{russianInstant(consent.receivedAt)}</td>
                <td>{consent.deviceLabel || '—'}</td>
                <td>{consent.withdrawnAt ? tt.consentWithdrawn(russianInstant(consent.withdrawnAt)) : tt.consentLive}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function Route({ detail }: { detail: TeacherDetail }) {
  return (
    <section>
      <h2>{tt.routeTitle}</h2>
      <p>
        <a href={`/admin/teachers/${detail.teacher.id}/route`}>{tt.routeOpen}</a>
      </p>
      {detail.route.length === 0 ? (
        <p>{tt.routeEmpty}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th>{tt.competency}</th>
              <th>{tt.activity}</th>
              <th>{tt.program}</th>
              <th>{tt.status}</th>
            </tr>
          </thead>
          <tbody>
            {detail.route.map((item) => (
              <tr>
                <td>{areaTitles[item.competency]}</td>
                <td>{t.activityNames[item.kind]}</td>
                <td>{item.programId ? <a href={`/admin/programs/${encodeURIComponent(item.programId)}`}>{item.programId}</a> : item.reason}</td>
                <td>{t.routeStatusNames[item.status]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h2>{tt.enrollmentsTitle}</h2>
      {detail.enrollments.length === 0 ? (
        <p>{tt.enrollmentsEmpty}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th>{tt.program}</th>
              <th>{tt.run}</th>
              <th>{tt.status}</th>
            </tr>
          </thead>
          <tbody>
            {detail.enrollments.map((e) => (
              <tr>
                <td>
                  <a href={`/admin/programs/${encodeURIComponent(e.programId)}`}>{e.programTitle}</a>
                </td>
                <td>
                  {e.runId}: {russianDay(e.start)}–{russianDay(e.end)}
                </td>
                <td>{messages.programs.statusNames[e.status]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

export function teachersPage(deps: AdminDeps) {
  const { db } = deps;
  return (
    new Hono<AdminEnv>()
      // The deficit filter reads the teachers' standings kept with the report aggregates: first those of the attempts still waiting.
      .use(settleReports(db))
      .get('/', (c) => {
        const scope = c.var.scope;
        const filter: TeacherFilter = {
          q: c.req.query('q')?.trim() || undefined,
          municipalityId: positiveInt(c.req.query('municipality')),
          schoolId: positiveInt(c.req.query('school')),
          deficit: isCompetency(c.req.query('deficit')) ? (c.req.query('deficit') as CompetencyId) : undefined,
          subject: pick(c.req.query('subject'), isSubject),
          schoolFlag: pick(c.req.query('schoolFlag'), isSchoolFlag),
          associationId: positiveInt(c.req.query('association')),
        };
        // A republic has some 2,000 schools: the school list offers those of one municipality (chosen, or the methodist's).
        const places = filterChoices(db, scope, filter);
        // МО as schools: those of one municipality (the one chosen, or the methodist's), with the chosen one whatever it is.
        const associations = listAssociations(db, scope, { municipalityId: filter.municipalityId }).filter(
          (a) => scope.kind === 'methodist' || filter.municipalityId !== undefined || a.id === filter.associationId,
        );
        const page = pageNumber(c);
        const { items, total } = listTeachers(db, scope, filter, pagePosition(c));
        const body = (
          <>
            <form method="get" action="/admin/teachers" class="filters" role="search">
              <div>
                <label for="q">{tt.search}</label>
                <input type="search" id="q" name="q" value={filter.q ?? ''} />
              </div>
              {places.municipalities.length > 1 && (
                <div>
                  <label for="municipality">{tt.municipality}</label>
                  <select id="municipality" name="municipality">
                    <option value="">{tt.anyMunicipality}</option>
                    {places.municipalities.map((m) => (
                      <option value={String(m.id)} selected={m.id === filter.municipalityId}>
                        {m.name}
                      </option>
                    ))}
                  </select>
                </div>
              )}
              <div>
                <label for="school">{tt.school}</label>
                <select id="school" name="school">
                  <option value="">
                    {places.municipalities.length > 1 && filter.municipalityId === undefined ? tt.anySchoolChooseMunicipality : tt.anySchool}
                  </option>
                  {places.schools.map((s) => (
                    <option value={String(s.id)} selected={s.id === filter.schoolId}>
                      {s.name}
                    </option>
                  ))}
                </select>
              </div>
              <div>
                <label for="deficit">{tt.deficit}</label>
                <select id="deficit" name="deficit">
                  <option value="">{tt.anyDeficit}</option>
                  {competencyIds.map((id) => (
                    <option value={id} selected={id === filter.deficit}>
                      {competencyNames[id]}
                    </option>
                  ))}
                </select>
              </div>
              <div>
                <label for="subject">{tt.subject}</label>
                <select id="subject" name="subject">
                  <option value="">{tt.anySubject}</option>
                  {subjectIds.map((id) => (
                    <option value={id} selected={id === filter.subject}>
                      {subjectTitles[id]}
                    </option>
                  ))}
                </select>
              </div>
              <div>
                <label for="schoolFlag">{tt.schoolFlag}</label>
                <select id="schoolFlag" name="schoolFlag">
                  <option value="">{tt.anySchoolFlag}</option>
                  {schoolFlags.map((id) => (
                    <option value={id} selected={id === filter.schoolFlag}>
                      {flagTitles[id]}
                    </option>
                  ))}
                </select>
              </div>
              {associations.length > 0 && (
                <div>
                  <label for="association">{tt.association}</label>
                  <select id="association" name="association">
                    <option value="">{tt.anyAssociation}</option>
                    {associations.map((a) => (
                      <option value={String(a.id)} selected={a.id === filter.associationId}>
                        {a.name}
                      </option>
                    ))}
                  </select>
                </div>
              )}
              <div>
                <button type="submit">{t.filter}</button> <a href="/admin/teachers">{t.resetFilter}</a>
              </div>
            </form>
            {items.length === 0 ? (
              <p>{t.nothingFound}</p>
            ) : (
              <table class="teachers">
                <thead>
                  <tr>
                    <th>{tt.name}</th>
                    <th>{tt.school}</th>
                    {competencyIds.map((id) => (
                      <th>{competencyNames[id]}</th>
                    ))}
                    <th>{tt.route}</th>
                    <th>{tt.connected}</th>
                  </tr>
                </thead>
                <tbody>
                  {items.map((row) => (
                    <tr>
                      <td>
                        <a href={`/admin/teachers/${row.id}`}>{fullName(row)}</a>
                      </td>
                      <td>
                        {row.school}
                        {scope.kind === 'admin' && <div class="hint">{row.municipality}</div>}
                      </td>
                      {competencyIds.map((id) => (
                        <td>
                          <LevelBadge standing={row.standings?.[id]} />
                        </td>
                      ))}
                      <td>{tt.routeProgress(row.routeDone, row.routeTotal)}</td>
                      <td>{row.connected ? tt.connectedYes : tt.connectedNo}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            <Pager c={c} page={page} total={total} keys={items.length ? { first: items[0]!.id, last: items.at(-1)!.id } : undefined} />
          </>
        );
        return renderPage(c, deps, { title: tt.title, section: 'teachers', body });
      })
      .get('/:id{[0-9]+}', (c) => {
        const id = Number(c.req.param('id'));
        const place = findTeacherPlace(db, id);
        if (!place || place.erasedAt) return errorPage(c, 404, t.notFoundTitle, t.notFound);
        if (!canSeeTeacher(c.var.scope, place)) return forbiddenPage(c);
        // A read of personal data leaves a trace: who opened whose profile and ИОМ, and when.
        writeAudit(db, { actor: staffActor(c.var.staff), action: 'teacher.view', target: teacherTarget(id), details: { parts: ['profile', 'route'] } });
        const detail = teacherDetail(db, id)!;
        const teacher = detail.teacher;
        const body = (
          <>
            <p>
              {teacher.school}, {teacher.municipality}
            </p>
            <table class="facts">
              <tbody>
                <tr>
                  <th>{tt.position}</th>
                  <td>{teacher.position || '—'}</td>
                </tr>
                <tr>
                  <th>{tt.subjects}</th>
                  <td>{teacher.subjects.join(', ') || '—'}</td>
                </tr>
                <tr>
                  <th>{tt.experience}</th>
                  <td>
                    {teacher.experienceYears === null ? '—' : tt.years(teacher.experienceYears)}
                    {teacher.earlyCareer && `, ${tt.earlyCareer}`}
                  </td>
                </tr>
              </tbody>
              <Consents consents={consentsOf(db, id)} />
            </table>
            <Profile detail={detail} />
            <Route detail={detail} />
            <section>
              <h2>{tt.accessTitle}</h2>
              <p>{tt.devices(detail.activeDevices)}</p>
              <p>{tt.codeState(detail.codeExpiresAt && russianDay(detail.codeExpiresAt))}</p>
              <div class="actions">
                <form method="post" action={`/admin/roster/teachers/${id}/code`} class="inline">
                  <CsrfField c={c} />
                  <button type="submit">{tt.reissue}</button>
                </form>
                {detail.activeDevices > 0 && (
                  <form method="post" action={`/admin/roster/teachers/${id}/revoke`} class="inline">
                    <CsrfField c={c} />
                    <button type="submit" class="danger" data-confirm={tt.revokeConfirm}>
                      {tt.revoke}
                    </button>
                  </form>
                )}
              </div>
            </section>
          </>
        );
        return renderPage(c, deps, { title: teacher.name, section: 'teachers', body });
      })
  );
}
