import type { MyCampaignsResponse } from '../../shared/api/campaigns.ts';
import type { MyConsultationsResponse } from '../../shared/api/consultations.ts';

/**
 * What awaits the teacher (issues 22, 23): open diagnostic campaigns she has not taken (those with a methodist's
 * reminder among them) and open консультации of her audience she has not answered. The worker keeps it per
 * session and shows it as the toolbar button's badge and the launcher's mark; the panel marks its tabs.
 */
export interface Mark {
  campaigns: number;
  reminders: number;
  consultations: number;
}

export const noMark: Mark = { campaigns: 0, reminders: 0, consultations: 0 };

export function markOf(campaigns: MyCampaignsResponse | undefined, consultations: MyConsultationsResponse | undefined, previous: Mark = noMark): Mark {
  const untaken = campaigns?.items.filter((c) => !c.taken);
  return {
    campaigns: untaken ? untaken.length : previous.campaigns,
    reminders: untaken ? untaken.filter((c) => c.reminders.length > 0).length : previous.reminders,
    consultations: consultations ? consultations.items.filter((c) => c.state === 'open' && c.myAnswer === null).length : previous.consultations,
  };
}

export const awaits = (mark: Mark) => mark.campaigns + mark.consultations > 0;

/** Several teachers connected on one browser: the toolbar and the launcher say whether anything awaits any of them. */
export function combined(marks: readonly Mark[]): Mark {
  return marks.reduce(
    (sum, m) => ({ campaigns: sum.campaigns + m.campaigns, reminders: sum.reminders + m.reminders, consultations: sum.consultations + m.consultations }),
    noMark,
  );
}

export function isMark(value: unknown): value is Mark {
  const m = value as Partial<Mark> | null;
  return typeof m === 'object' && m !== null && typeof m.campaigns === 'number' && typeof m.reminders === 'number' && typeof m.consultations === 'number';
}
