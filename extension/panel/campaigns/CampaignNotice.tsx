import type { MyCampaign, MyCampaignsResponse } from '../../../shared/api/campaigns.ts';
import { competencyTitlesInText } from '../../../shared/competencies.ts';
import { formatDate, formatDateTime, messages } from '../../messages.ts';
import { useResource } from '../session.ts';

const t = messages.campaigns;

/** Open campaigns she has not taken, with no attempt of hers waiting in the outbox: the «Диагностика» tab's mark. */
export function untakenCount(data: MyCampaignsResponse, attemptWaiting: boolean): number {
  return attemptWaiting ? 0 : data.items.filter((c) => !c.taken).length;
}

function Campaign({ campaign }: { campaign: MyCampaign }) {
  return (
    <li class="card" data-campaign={campaign.id} data-taken={campaign.taken ? '' : undefined}>
      <h4 class="card__title">{t.title}</h4>
      <p>{campaign.taken ? t.taken : t.open(formatDate(campaign.opensOn), formatDate(campaign.closesOn))}</p>
      <p class="card__meta">
        {t.where(campaign.municipality)}
        {campaign.competencies.length > 0 && ` ${t.competencies(campaign.competencies.map((id) => competencyTitlesInText[id]).join(', '))}`}
      </p>
      {!campaign.taken &&
        campaign.reminders.map((reminder) => (
          <p class="note" key={reminder.sentAt}>
            <strong>{t.reminder(formatDateTime(reminder.sentAt))}</strong> {reminder.text}
          </p>
        ))}
    </li>
  );
}

/**
 * The year's diagnostic campaigns open for her (issues 22, 23), above the diagnostics: the days to take it in and
 * the methodist's reminders; nothing when none is open (or the server cannot be asked and nothing is kept).
 */
export function CampaignNotice() {
  const { loaded } = useResource<MyCampaignsResponse>({ name: 'campaigns' });
  if (!loaded || loaded.kind === 'error' || loaded.data.items.length === 0) return null;
  return (
    <section aria-label={t.title}>
      <ul class="cards">
        {loaded.data.items.map((campaign) => (
          <Campaign key={campaign.id} campaign={campaign} />
        ))}
      </ul>
    </section>
  );
}
