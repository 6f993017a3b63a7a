/** @jsxImportSource hono/jsx */
/** @jsxRuntime automatic */
import { type Context, Hono } from 'hono';
import { type CompetencyId, competencyIds, competencyTitles, competencyTitlesInText } from '../../../shared/competencies.ts';
import { isoDateSchema } from '../../../shared/schemas/program.ts';
import { ErrorSummary, FieldError, fullName, russianDay, russianInstant } from '../../platform/admin/components.tsx';
import { type AdminDeps, type AdminEnv, staffActor } from '../../platform/admin/env.ts';
import { type Form, formList, formText, readForm } from '../../platform/admin/forms.ts';
import { CsrfField, errorPage, forbiddenPage, renderPage } from '../../platform/admin/layout.tsx';
import { writeAudit } from '../../platform/database/audit-store.ts';
import { setFlash } from '../../platform/database/session-store.ts';
import { currentPeriod, nextPeriod, periodDates, previousPeriod } from '../aggregates/period.ts';
import { messages } from './messages.ts';
import {
  type Campaign,
  findCampaign,
  insertCampaign,
  insertReminder,
  listCampaigns,
  municipalityList,
  remindersOf,
  schoolOf,
  schoolProgress,
  teachersWhoHaveNot,
} from './store.ts';

const t = messages.campaigns;

type Errors = Partial<Record<string, string>>;

const utcToday = () => new Date().toISOString().slice(0, 10);

/** The municipality a staff member's view is limited to: a methodist's own; the administrator sees the republic. */
const ownMunicipality = (c: Context<AdminEnv>) => (c.var.scope.kind === 'methodist' ? c.var.scope.municipalityId : undefined);

/** A methodist opens a campaign of the republic's read-only and her own municipality's; another municipality's is not hers. */
const mayOpen = (c: Context<AdminEnv>, campaign: Campaign) => {
  const own = ownMunicipality(c);
  return own === undefined || campaign.municipalityId === null || campaign.municipalityId === own;
};

const whereOf = (campaign: Campaign) => campaign.municipality ?? t.republic;
const competenciesOf = (list: readonly CompetencyId[]) => (list.length === 0 ? t.anyCompetency : list.map((id) => competencyTitlesInText[id]).join(', '));

const invalid = (errors: Errors, name: string) => (errors[name] ? { 'aria-invalid': 'true' as const, 'aria-describedby': `${name}-error` } : {});

function Field({ id, label, error, children }: { id: string; label: string; error?: string | undefined; children: unknown }) {
  return (
    <div class="field">
      <label for={id}>{label}</label>
      {children}
      <FieldError id={`${id}-error`} error={error} />
    </div>
  );
}

/** The учебные годы a campaign may be opened for: the running one, the next, the last. */
const periodChoices = () => {
  const now = currentPeriod();
  return [now, nextPeriod(now), previousPeriod(now)];
};

function NewCampaignForm({
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
  const own = ownMunicipality(c);
  const chosen = formList(form, 'competencies');
  return (
    <form method="post" action="/admin/campaigns" class="stacked">
      <CsrfField c={c} />
      <ErrorSummary errors={errors} order={['period', 'opensOn', 'closesOn', 'where', 'competencies']} />
      <Field id="period" label={t.fieldPeriod} error={errors.period}>
        <select id="period" name="period" {...invalid(errors, 'period')}>
          {periodChoices().map((period) => (
            <option value={period} selected={value('period') === period}>
              {period}
            </option>
          ))}
        </select>
      </Field>
      <Field id="opensOn" label={t.fieldOpens} error={errors.opensOn}>
        <input type="date" id="opensOn" name="opensOn" value={value('opensOn')} required {...invalid(errors, 'opensOn')} />
      </Field>
      <Field id="closesOn" label={t.fieldCloses} error={errors.closesOn}>
        <input type="date" id="closesOn" name="closesOn" value={value('closesOn')} required {...invalid(errors, 'closesOn')} />
      </Field>
      <Field id="where" label={t.fieldWhere} error={errors.where}>
        <select id="where" name="where" {...invalid(errors, 'where')}>
          {own === undefined && (
            <option value="" selected={value('where') === ''}>
              {t.republic}
            </option>
          )}
          {municipalities
            .filter((m) => own === undefined || m.id === own)
            .map((m) => (
              <option value={String(m.id)} selected={value('where') === String(m.id)}>
                {m.name}
              </option>
            ))}
        </select>
      </Field>
      <fieldset id="competencies">
        <legend>{t.fieldCompetencies}</legend>
        {competencyIds.map((id) => (
          <div>
            <input type="checkbox" id={`competency-${id}`} name="competencies" value={id} checked={chosen.includes(id)} />{' '}
            <label for={`competency-${id}`}>{competencyTitles[id]}</label>
          </div>
        ))}
        <FieldError id="competencies-error" error={errors.competencies} />
      </fieldset>
      <p>
        <button type="submit">{t.open}</button>
      </p>
    </form>
  );
}

/** The form's campaign, or what is wrong with it, field by field; a methodist's is always her municipality's. */
function parseCampaign(
  c: Context<AdminEnv>,
  form: Form,
  municipalities: { id: number; name: string }[],
): { campaign: { period: string; municipalityId: number | null; opensOn: string; closesOn: string; competencies: CompetencyId[] } } | { errors: Errors } {
  const errors: Errors = {};
  const period = formText(form, 'period');
  if (!periodChoices().includes(period)) errors.period = t.badPeriod;
  const opens = isoDateSchema.safeParse(formText(form, 'opensOn'));
  const closes = isoDateSchema.safeParse(formText(form, 'closesOn'));
  if (!opens.success) errors.opensOn = t.badOpens;
  if (!closes.success) errors.closesOn = t.badCloses;
  if (opens.success && closes.success) {
    if (closes.data < opens.data) errors.closesOn = t.badDates;
    else if (!errors.period) {
      const { start, end } = periodDates(period);
      if (opens.data < start || closes.data > end) errors.opensOn = t.outsidePeriod(period);
    }
  }
  const own = ownMunicipality(c);
  const where = formText(form, 'where');
  let municipalityId: number | null = null;
  if (where !== '' || own !== undefined) {
    const m = municipalities.find((x) => String(x.id) === where);
    if (!m || (own !== undefined && m.id !== own)) errors.where = t.badWhere;
    else municipalityId = m.id;
  }
  const competencies = formList(form, 'competencies');
  if (competencies.some((id) => !(competencyIds as readonly string[]).includes(id))) errors.competencies = t.badCompetency;
  if (Object.keys(errors).length > 0 || !opens.success || !closes.success) return { errors };
  return {
    campaign: {
      period,
      municipalityId,
      opensOn: opens.data,
      closesOn: closes.data,
      competencies: competencyIds.filter((id) => competencies.includes(id)),
    },
  };
}

/**
 * «Диагностика: кампании»: the yearly diagnostic window (seed 001). The administrator opens one for the republic
 * or a municipality, a methodist for her municipality; a campaign's page counts who has taken the diagnostic per
 * school, names those who have not (a methodist: her municipality's teachers; the administrator: a chosen
 * school's), and sends them a reminder that appears in their panel. The council has no access (council/access.ts).
 */
export function campaignsPage(deps: AdminDeps & { today?: () => string }) {
  const { db } = deps;
  const today = deps.today ?? utcToday;

  const listPage = (c: Context<AdminEnv>, form: Form = {}, errors: Errors = {}) => {
    const own = ownMunicipality(c);
    const campaigns = listCampaigns(db, own);
    const body = (
      <>
        <p class="hint">{t.lead}</p>
        {campaigns.length === 0 ? (
          <p>{t.none}</p>
        ) : (
          <table class="campaigns">
            <thead>
              <tr>
                <th>{t.columns.period}</th>
                <th>{t.columns.where}</th>
                <th>{t.columns.dates}</th>
                <th>{t.columns.competencies}</th>
                <th class="num">{t.columns.progress}</th>
              </tr>
            </thead>
            <tbody>
              {campaigns.map((campaign) => {
                const schools = schoolProgress(db, campaign.id, own);
                const all = schools.reduce((sum, s) => sum + s.teachers, 0);
                const taken = schools.reduce((sum, s) => sum + s.taken, 0);
                return (
                  <tr>
                    <td>
                      <a href={`/admin/campaigns/${campaign.id}`}>{campaign.period}</a>
                    </td>
                    <td>{whereOf(campaign)}</td>
                    <td>{t.dates(russianDay(campaign.opensOn), russianDay(campaign.closesOn))}</td>
                    <td>{competenciesOf(campaign.competencies)}</td>
                    <td class="num">{t.progress(taken, all)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
        <h2>{t.newTitle}</h2>
        <NewCampaignForm c={c} form={form} errors={errors} municipalities={municipalityList(db)} />
      </>
    );
    return renderPage(c, deps, { title: t.title, section: 'campaigns', body, status: Object.keys(errors).length > 0 ? 400 : 200 });
  };

  const campaignPage = (c: Context<AdminEnv>, campaign: Campaign, errors: Errors = {}, form: Form = {}) => {
    const own = ownMunicipality(c);
    const schools = schoolProgress(db, campaign.id, own);
    const schoolParam = Number(c.req.query('school'));
    const chosenSchool = schools.find((s) => s.schoolId === schoolParam);
    // Names: a methodist's whole municipality; the administrator's one school at a time.
    const names = own !== undefined || chosenSchool ? teachersWhoHaveNot(db, campaign.id, { municipalityId: own, schoolId: chosenSchool?.schoolId }) : null;
    const open = campaign.opensOn <= today() && today() <= campaign.closesOn;
    const reminders = remindersOf(db, campaign.id, own);
    const behind = schools.filter((s) => s.teachers > s.taken);
    const bySchool = new Map<string, typeof names>();
    for (const teacher of names ?? []) bySchool.set(teacher.school, [...(bySchool.get(teacher.school) ?? []), teacher]);
    const body = (
      <>
        <p>{t.summary(russianDay(campaign.opensOn), russianDay(campaign.closesOn), competenciesOf(campaign.competencies))}</p>
        <h2>{t.bySchool}</h2>
        <table class="campaign-schools">
          <thead>
            <tr>
              <th>{t.school}</th>
              {own === undefined && <th>{t.municipality}</th>}
              <th class="num">{t.teachers}</th>
              <th class="num">{t.taken}</th>
              <th class="num">{t.notTaken}</th>
            </tr>
          </thead>
          <tbody>
            {schools.map((s) => (
              <tr>
                <td>
                  <a href={`/admin/campaigns/${campaign.id}?school=${s.schoolId}#who`}>{s.school}</a>
                </td>
                {own === undefined && <td>{s.municipality}</td>}
                <td class="num">{s.teachers}</td>
                <td class="num">{s.taken}</td>
                <td class="num">{s.teachers - s.taken}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <h2 id="who">{chosenSchool ? t.namesOf(chosenSchool.school) : t.whoHasNot}</h2>
        {names === null ? (
          <p>{t.chooseSchool}</p>
        ) : names.length === 0 ? (
          <p>{t.everyoneTook}</p>
        ) : (
          [...bySchool].map(([school, teachers]) => (
            <section class="who-has-not" aria-label={school}>
              <h3>{school}</h3>
              <ul>
                {(teachers ?? []).map((teacher) => (
                  <li>
                    <a href={`/admin/teachers/${teacher.teacherId}`}>{fullName(teacher)}</a>
                  </li>
                ))}
              </ul>
            </section>
          ))
        )}
        <h2>{t.remindTitle}</h2>
        {open ? (
          <form method="post" action={`/admin/campaigns/${campaign.id}/reminders`} class="stacked">
            <CsrfField c={c} />
            <ErrorSummary errors={errors} order={['school', 'text']} />
            <p class="hint">{t.remindHint}</p>
            <Field id="school" label={t.fieldRemindWhom} error={errors.school}>
              <select id="school" name="school" {...invalid(errors, 'school')}>
                <option value="">{t.remindAll}</option>
                {behind.map((s) => (
                  <option value={String(s.schoolId)} selected={formText(form, 'school') === String(s.schoolId)}>
                    {t.remindSchool(s.school, s.teachers - s.taken)}
                  </option>
                ))}
              </select>
            </Field>
            <Field id="text" label={t.fieldText} error={errors.text}>
              <textarea id="text" name="text" rows={3} maxlength={500} {...invalid(errors, 'text')}>
                {formText(form, 'text') || t.defaultText(russianDay(campaign.closesOn))}
              </textarea>
            </Field>
            <p>
              <button type="submit">{t.send}</button>
            </p>
          </form>
        ) : (
          <p>{t.closed}</p>
        )}
        <h2>{t.remindersTitle}</h2>
        {reminders.length === 0 ? (
          <p>{t.noReminders}</p>
        ) : (
          <ul class="reminders">
            {reminders.map((r) => (
              <li>
                {t.reminderLine(russianInstant(r.sentAt), r.school ?? t.allSchools, r.recipients)}
                <br />
                {r.text}
              </li>
            ))}
          </ul>
        )}
      </>
    );
    return renderPage(c, deps, {
      title: t.campaignTitle(campaign.period, whereOf(campaign)),
      section: 'campaigns',
      body,
      status: Object.keys(errors).length > 0 ? 400 : 200,
    });
  };

  const campaignOf = (c: Context<AdminEnv>) => findCampaign(db, Number(c.req.param('id')));

  return new Hono<AdminEnv>()
    .get('/', (c) => listPage(c))
    .post('/', async (c) => {
      const form = await readForm(c);
      const parsed = parseCampaign(c, form, municipalityList(db));
      if ('errors' in parsed) return listPage(c, form, parsed.errors);
      const id = insertCampaign(db, { ...parsed.campaign, createdBy: c.var.staff.id });
      writeAudit(db, { actor: staffActor(c.var.staff), action: 'campaign.open', target: `campaign:${id}`, details: parsed.campaign });
      setFlash(db, c.var.session.idHash, t.opened);
      return c.redirect(`/admin/campaigns/${id}`, 303);
    })
    .get('/:id{[0-9]+}', (c) => {
      const campaign = campaignOf(c);
      if (!campaign) return errorPage(c, 404, t.notFoundTitle, t.notFound);
      if (!mayOpen(c, campaign)) return forbiddenPage(c);
      return campaignPage(c, campaign);
    })
    .post('/:id{[0-9]+}/reminders', async (c) => {
      const campaign = campaignOf(c);
      if (!campaign) return errorPage(c, 404, t.notFoundTitle, t.notFound);
      if (!mayOpen(c, campaign)) return forbiddenPage(c);
      const form = await readForm(c);
      const errors: Errors = {};
      const own = ownMunicipality(c);
      const schoolField = formText(form, 'school');
      const school = schoolField === '' ? undefined : schoolOf(db, Number(schoolField));
      if (schoolField !== '') {
        // A school of another municipality is refused as if it did not exist: the form never offers one.
        const inCampaign = school && (campaign.municipalityId === null || school.municipalityId === campaign.municipalityId);
        if (!school || !inCampaign || (own !== undefined && school.municipalityId !== own)) errors.school = t.badSchool;
      }
      const text = formText(form, 'text').trim();
      if (text.length === 0 || text.length > 500) errors.text = t.badText;
      if (!(campaign.opensOn <= today() && today() <= campaign.closesOn)) errors.school = t.closed;
      if (Object.keys(errors).length > 0) return campaignPage(c, campaign, errors, form);
      const recipients = teachersWhoHaveNot(db, campaign.id, { municipalityId: own, schoolId: school?.id });
      if (recipients.length === 0) return campaignPage(c, campaign, { school: t.nobodyToRemind }, form);
      insertReminder(db, {
        campaignId: campaign.id,
        schoolId: school?.id ?? null,
        text,
        sentBy: c.var.staff.id,
        teacherIds: recipients.map((r) => r.teacherId),
      });
      writeAudit(db, {
        actor: staffActor(c.var.staff),
        action: 'campaign.remind',
        target: `campaign:${campaign.id}`,
        details: { school: school?.id ?? null, teachers: recipients.length },
      });
      setFlash(db, c.var.session.idHash, t.sent(recipients.length));
      return c.redirect(`/admin/campaigns/${campaign.id}`, 303);
    });
}
