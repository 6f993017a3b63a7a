import type { Handler } from 'hono';
import type { MyCampaignsResponse } from '../../../shared/api/campaigns.ts';
import type { TeacherEnv } from '../../platform/auth/teacher-auth.ts';
import type { Db } from '../../platform/database/database.ts';
import { teacherCampaigns } from './store.ts';

export interface CampaignApiOptions {
  /** Today's date (YYYY-MM-DD, UTC), for tests. */
  today?: () => string;
}

const utcToday = () => new Date().toISOString().slice(0, 10);

/** The teacher's diagnostic campaigns: `listMyCampaigns`, those open today for her municipality or the republic, with her reminders. */
export function campaignApi(db: Db, { today = utcToday }: CampaignApiOptions = {}): Record<'listMyCampaigns', Handler<TeacherEnv>> {
  return {
    listMyCampaigns: (c) => {
      const { teacherId } = c.get('device');
      const items = teacherCampaigns(db, teacherId, today()).map(({ id, period, opensOn, closesOn, competencies, municipality, taken, reminders }) => ({
        id,
        period,
        opensOn,
        closesOn,
        competencies,
        municipality,
        taken,
        reminders,
      }));
      return c.json({ items } satisfies MyCampaignsResponse);
    },
  };
}
