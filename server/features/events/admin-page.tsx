/** @jsxImportSource hono/jsx */
/** @jsxRuntime automatic */
import type { Context } from 'hono';
import { Hono } from 'hono';
import type { z } from 'zod';
import { competitionResults, eventExperienceBands, eventKinds, eventSchema, type MethodicalEvent } from '../../../shared/schemas/event.ts';
import { canSeeTeacher, visibleMunicipalities } from '../../platform/auth/scope.ts';
import { ErrorSummary, FieldError, fullName, russianDay } from '../../platform/admin/components.tsx';
import { type AdminDeps, type AdminEnv, staffActor } from '../../platform/admin/env.ts';
import { type Form, formText, readForm } from '../../platform/admin/forms.ts';
import { CsrfField, errorPage, forbiddenPage, renderPage } from '../../platform/admin/layout.tsx';
import { setFlash } from '../../platform/database/session-store.ts';
import { findTeacherPlace, municipalityNames } from '../roster/store.ts';
import { messages } from './messages.ts';
import {
  eventSignUpList,
  findEvent,
  listEventsForStaff,
  markAttendance,
  type StoredEvent,
  saveEvent,
  setCompetitionResult,
  signUpTeacherMunicipality,
} from './store.ts';

/**
 * Мероприятия: the methodical events and competitions. A regional admin
 * creates and edits any, a methodist those her municipality organises; both
 * see the republic's. On an event's page staff mark who came and a
 * competition's results, each only for the teachers of their scope.
 */

const t = messages.eventPages;
const names = messages.events;
type Errors = Partial<Record<string, string>>;
const fields = ['id', 'kind', 'title', 'topic', 'stage', 'municipality', 'start', 'end', 'place', 'seats', 'audienceSubject', 'audienceExperience'] as const;
type FieldName = (typeof fields)[number];

function canEdit(c: Context<AdminEnv>, municipality: string | null): boolean {
  return c.var.scope.kind === 'admin' || (municipality !== null && municipality === c.var.staff.municipality);
}

function fieldErrors(error: z.ZodError): Errors {
  const errors: Errors = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0]) as FieldName;
    errors[field] ??= t.fieldProblems[field] ?? t.fieldProblems.title;
  }
  return errors;
}

function readEventForm(c: Context<AdminEnv>, form: Form, id: string): { values: Record<string, string>; event?: MethodicalEvent; errors?: Errors } {
  const values: Record<string, string> = { id };
  for (const field of fields) if (field !== 'id') values[field] = formText(form, field);
  values.archived = formText(form, 'archived');
  const municipality = c.var.scope.kind === 'admin' ? values.municipality || null : c.var.staff.municipality;
  const parsed = eventSchema.safeParse({
    ...values,
    municipality,
    seats: /^\d{1,9}$/.test(values.seats ?? '') ? Number(values.seats) : values.seats,
    audienceExperience: values.audienceExperience || null,
    archived: values.archived === '1',
  });
  return parsed.success ? { values, event: parsed.data } : { values, errors: fieldErrors(parsed.error) };
}

function valuesOf(event: StoredEvent): Record<string, string> {
  return {
    id: event.id,
    kind: event.kind,
    title: event.title,
    topic: event.topic,
    stage: event.stage,
    municipality: event.municipality ?? '',
    start: event.start,
    end: event.end,
    place: event.place,
    seats: String(event.seats),
    audienceSubject: event.audienceSubject,
    audienceExperience: event.audienceExperience ?? '',
    archived: event.archived ? '1' : '',
  };
}

const invalid = (errors: Errors, name: string) => (errors[name] ? { 'aria-invalid': 'true' as const, 'aria-describedby': `${name}-error` } : {});

function Field({ id, label, error, hint, children }: { id: string; label: string; error?: string | undefined; hint?: string; children: unknown }) {
  return (
    <div class="field">
      <label for={id}>{label}</label>
      {children}
      {hint && <p class="hint">{hint}</p>}
      <FieldError id={`${id}-error`} error={error} />
    </div>
  );
}

function EventForm(props: {
  c: Context<AdminEnv>;
  action: string;
  values: Record<string, string>;
  errors: Errors;
  creating: boolean;
  municipalities: string[];
}) {
  const { c, action, values, errors, creating, municipalities } = props;
  const value = (name: string) => values[name] ?? '';
  const f = t.fields;
  const text = (name: FieldName, label: string, required = false) => (
    <Field id={name} label={label} error={errors[name]}>
      <input type="text" id={name} name={name} value={value(name)} required={required} {...invalid(errors, name)} />
    </Field>
  );
  return (
    <form method="post" action={action} class="card event-form">
      <CsrfField c={c} />
      <ErrorSummary errors={errors} order={fields} />
      {creating && (
        <Field id="id" label={f.id} error={errors.id} hint={f.idHint}>
          <input type="text" id="id" name="id" value={value('id')} required {...invalid(errors, 'id')} />
        </Field>
      )}
      <Field id="kind" label={f.kind} error={errors.kind}>
        <select id="kind" name="kind" {...invalid(errors, 'kind')}>
          {eventKinds.map((kind) => (
            <option value={kind} selected={value('kind') === kind}>
              {names.kindNames[kind]}
            </option>
          ))}
        </select>
      </Field>
      {text('title', f.title, true)}
      {text('topic', f.topic)}
      {text('stage', f.stage)}
      <Field id="municipality" label={f.municipality} error={errors.municipality}>
        {c.var.scope.kind === 'admin' ? (
          <select id="municipality" name="municipality">
            <option value="">{f.republic}</option>
            {municipalities.map((name) => (
              <option value={name} selected={value('municipality') === name}>
                {name}
              </option>
            ))}
          </select>
        ) : (
          <input type="text" id="municipality" name="municipality" value={c.var.staff.municipality ?? ''} readonly />
        )}
      </Field>
      <Field id="start" label={f.start} error={errors.start}>
        <input type="date" id="start" name="start" value={value('start')} required {...invalid(errors, 'start')} />
      </Field>
      <Field id="end" label={f.end} error={errors.end}>
        <input type="date" id="end" name="end" value={value('end')} required {...invalid(errors, 'end')} />
      </Field>
      {text('place', f.place, true)}
      <Field id="seats" label={f.seats} error={errors.seats}>
        <input type="number" id="seats" name="seats" min="0" max="10000" value={value('seats')} required {...invalid(errors, 'seats')} />
      </Field>
      {text('audienceSubject', f.audienceSubject)}
      <Field id="audienceExperience" label={f.audienceExperience} error={errors.audienceExperience}>
        <select id="audienceExperience" name="audienceExperience">
          <option value="">{f.anyExperience}</option>
          {eventExperienceBands.map((band) => (
            <option value={band} selected={value('audienceExperience') === band}>
              {t.experienceNames[band]}
            </option>
          ))}
        </select>
      </Field>
      {!creating && (
        <label class="check">
          <input type="checkbox" name="archived" value="1" checked={value('archived') === '1'} /> {f.archived}
        </label>
      )}
      <p>
        <button type="submit">{creating ? t.create : t.save}</button>
      </p>
    </form>
  );
}

const dates = (event: Pick<StoredEvent, 'start' | 'end'>) =>
  event.start === event.end ? russianDay(event.start) : `${russianDay(event.start)} — ${russianDay(event.end)}`;

export function eventsPage(deps: AdminDeps) {
  const { db } = deps;

  const listPage = (c: Context<AdminEnv>, state: { values?: Record<string, string>; errors?: Errors } = {}, status: 200 | 400 = 200) => {
    const events = listEventsForStaff(db, visibleMunicipalities(c.var.scope));
    const body = (
      <>
        <p>{t.intro}</p>
        {events.length === 0 ? (
          <p>{t.empty}</p>
        ) : (
          <table class="events">
            <thead>
              <tr>
                <th>{t.columns.dates}</th>
                <th>{t.columns.kind}</th>
                <th>{t.columns.title}</th>
                <th>{t.columns.organiser}</th>
                <th class="num">{t.columns.seats}</th>
                <th class="num">{t.columns.waitlisted}</th>
                <th class="num">{t.columns.attended}</th>
              </tr>
            </thead>
            <tbody>
              {events.map((event) => (
                <tr>
                  <td>{dates(event)}</td>
                  <td>{names.kindNames[event.kind]}</td>
                  <td>
                    <a href={`/admin/events/${encodeURIComponent(event.id)}`}>{event.title}</a>
                    {event.stage && ` (${event.stage})`}
                  </td>
                  <td>{event.municipality ?? t.fields.republic}</td>
                  <td class="num">
                    {event.seatsTaken} / {event.seats}
                  </td>
                  <td class="num">{event.waitlisted}</td>
                  <td class="num">{event.attended}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <p class="actions">
          <a href="/admin/events-import">{messages.eventImport.link}</a>
        </p>
        <h2>{t.newTitle}</h2>
        <EventForm
          c={c}
          action="/admin/events"
          values={state.values ?? { kind: 'methodicalAssociation', seats: '30' }}
          errors={state.errors ?? {}}
          creating
          municipalities={municipalityNames(db)}
        />
      </>
    );
    return renderPage(c, deps, { title: t.title, section: 'events', body, status });
  };

  const eventPage = (c: Context<AdminEnv>, event: StoredEvent, state: { values?: Record<string, string>; errors?: Errors } = {}, status: 200 | 400 = 200) => {
    const path = `/admin/events/${encodeURIComponent(event.id)}`;
    const rows = eventSignUpList(db, event.id, visibleMunicipalities(c.var.scope));
    const editable = canEdit(c, event.municipality);
    const body = (
      <>
        <p>
          <a href="/admin/events">{t.back}</a>
        </p>
        <p>
          {names.kindNames[event.kind]}
          {event.stage && `, ${event.stage}`}
          {event.topic && ` · ${event.topic}`} · {dates(event)} · {event.place} · {event.municipality ?? t.fields.republic}
        </p>
        <h2>{t.signUps}</h2>
        {c.var.scope.kind === 'methodist' && <p class="hint">{t.onlyMine}</p>}
        {rows.length === 0 ? (
          <p>{t.noSignUps}</p>
        ) : (
          <table class="event-sign-ups">
            <thead>
              <tr>
                <th>{t.teacher}</th>
                <th>{t.school}</th>
                <th>{t.status}</th>
                <th>{t.attendance}</th>
                {event.kind === 'competition' && <th>{t.result}</th>}
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => {
                const name = row.erased ? t.erased : fullName(row);
                return (
                  <tr>
                    <td>{row.erased ? name : <a href={`/admin/teachers/${row.teacherId}`}>{name}</a>}</td>
                    <td>{row.school}</td>
                    <td>{names.statusNames[row.status]}</td>
                    <td>
                      {row.attended ? <strong>{t.present}</strong> : null}
                      {row.status === 'confirmed' && (
                        <form method="post" action={`${path}/sign-ups/${row.id}/attendance`} class="inline">
                          <CsrfField c={c} />
                          <input type="hidden" name="present" value={row.attended ? '0' : '1'} />
                          <button type="submit" class="secondary" aria-label={`${row.attended ? t.markAbsent : t.markPresent}: ${name}`}>
                            {row.attended ? t.markAbsent : t.markPresent}
                          </button>
                        </form>
                      )}
                    </td>
                    {event.kind === 'competition' && (
                      <td>
                        {row.attended ? (
                          <form method="post" action={`${path}/sign-ups/${row.id}/result`} class="inline">
                            <CsrfField c={c} />
                            <select name="result" aria-label={`${t.result}: ${name}`}>
                              <option value="">{t.noResult}</option>
                              {competitionResults.map((result) => (
                                <option value={result} selected={row.result === result}>
                                  {names.resultNames[result]}
                                </option>
                              ))}
                            </select>{' '}
                            <button type="submit" class="secondary">
                              {t.saveResult}
                            </button>
                          </form>
                        ) : null}
                      </td>
                    )}
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
        {editable ? (
          <EventForm
            c={c}
            action={path}
            values={state.values ?? valuesOf(event)}
            errors={state.errors ?? {}}
            creating={false}
            municipalities={municipalityNames(db)}
          />
        ) : (
          <p class="hint">{t.republicReadOnly}</p>
        )}
      </>
    );
    return renderPage(c, deps, { title: event.title, section: 'events', body, status });
  };

  /** The sign-up of the address, if it is of this event and of a teacher this person may see. */
  const loadSignUp = (c: Context<AdminEnv>): { event: StoredEvent; signUpId: string; name: string } | Response => {
    const event = findEvent(db, c.req.param('id') ?? '');
    if (!event) return errorPage(c, 404, messages.adminPages.notFoundTitle, t.notFound);
    const signUpId = c.req.param('signUpId') ?? '';
    const place = signUpTeacherMunicipality(db, signUpId);
    if (!place || place.eventId !== event.id) return errorPage(c, 404, messages.adminPages.notFoundTitle, t.signUpNotFound);
    const row = eventSignUpList(db, event.id, 'all').find((r) => r.id === signUpId)!;
    const teacher = findTeacherPlace(db, row.teacherId);
    if (!teacher || !canSeeTeacher(c.var.scope, teacher)) return forbiddenPage(c);
    return { event, signUpId, name: fullName(row) };
  };

  return new Hono<AdminEnv>()
    .get('/', (c) => listPage(c))
    .post('/', async (c) => {
      const form = await readForm(c);
      const id = formText(form, 'id');
      const read = readEventForm(c, form, id);
      if (!read.event) return listPage(c, { values: read.values, errors: read.errors ?? {} }, 400);
      if (findEvent(db, id)) return listPage(c, { values: read.values, errors: { id: t.idTaken } }, 400);
      if (!canEdit(c, read.event.municipality)) return forbiddenPage(c);
      const saved = saveEvent(db, read.event, staffActor(c.var.staff));
      if (saved.kind !== 'saved') return listPage(c, { values: read.values, errors: { municipality: t.unknownMunicipality } }, 400);
      setFlash(db, c.var.session.idHash, t.created(read.event.title));
      return c.redirect(`/admin/events/${encodeURIComponent(id)}`, 303);
    })
    .get('/:id', (c) => {
      const event = findEvent(db, c.req.param('id'));
      if (!event) return errorPage(c, 404, messages.adminPages.notFoundTitle, t.notFound);
      return eventPage(c, event);
    })
    .post('/:id', async (c) => {
      const event = findEvent(db, c.req.param('id'));
      if (!event) return errorPage(c, 404, messages.adminPages.notFoundTitle, t.notFound);
      if (!canEdit(c, event.municipality)) return forbiddenPage(c);
      const read = readEventForm(c, await readForm(c), event.id);
      if (!read.event) return eventPage(c, event, { values: read.values, errors: read.errors ?? {} }, 400);
      if (!canEdit(c, read.event.municipality)) return forbiddenPage(c);
      const saved = saveEvent(db, read.event, staffActor(c.var.staff));
      if (saved.kind === 'seatsBelowTaken') return eventPage(c, event, { values: read.values, errors: { seats: t.seatsBelowTaken(saved.taken) } }, 400);
      if (saved.kind === 'unknownMunicipality') return eventPage(c, event, { values: read.values, errors: { municipality: t.unknownMunicipality } }, 400);
      setFlash(db, c.var.session.idHash, t.updated(read.event.title));
      return c.redirect(`/admin/events/${encodeURIComponent(event.id)}`, 303);
    })
    .post('/:id/sign-ups/:signUpId/attendance', async (c) => {
      const loaded = loadSignUp(c);
      if (loaded instanceof Response) return loaded;
      const present = formText(await readForm(c), 'present') === '1';
      const result = markAttendance(db, loaded.signUpId, present, staffActor(c.var.staff));
      const flash =
        result.kind === 'marked'
          ? present
            ? t.markedPresent(loaded.name)
            : t.markedAbsent(loaded.name)
          : result.kind === 'notConfirmed'
            ? t.notConfirmed
            : result.kind === 'notStarted'
              ? t.notStarted
              : t.signUpNotFound;
      setFlash(db, c.var.session.idHash, flash);
      return c.redirect(`/admin/events/${encodeURIComponent(loaded.event.id)}`, 303);
    })
    .post('/:id/sign-ups/:signUpId/result', async (c) => {
      const loaded = loadSignUp(c);
      if (loaded instanceof Response) return loaded;
      const chosen = formText(await readForm(c), 'result');
      const value = competitionResults.find((result) => result === chosen) ?? null;
      if (chosen !== '' && value === null) return errorPage(c, 400, messages.adminPages.notFoundTitle, t.notCompetition);
      const outcome = setCompetitionResult(db, loaded.signUpId, value, staffActor(c.var.staff));
      const flash =
        outcome.kind === 'saved'
          ? t.resultSaved(loaded.name)
          : outcome.kind === 'notAttended'
            ? t.notAttended
            : outcome.kind === 'notCompetition'
              ? t.notCompetition
              : t.signUpNotFound;
      setFlash(db, c.var.session.idHash, flash);
      return c.redirect(`/admin/events/${encodeURIComponent(loaded.event.id)}`, 303);
    });
}
