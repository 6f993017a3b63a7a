import type { SummaryGrouping, SummaryName } from '../../../shared/api/summaries.ts';
import type { Db } from '../../platform/database/database.ts';
import { deficitsSummary } from './store/deficits.ts';
import { type DemandGrouping, demandSummary } from './store/demand.ts';
import { effectivenessSummary } from './store/effectiveness.ts';
import { growthSummary } from './store/growth.ts';
import { type MentoringGrouping, mentoringSummary } from './store/mentoring.ts';
import { type participationGroupings, participationSummary } from './store/participation.ts';
import { type RouteGrouping, routesSummary } from './store/routes.ts';
import { indicatorsSummary } from './store/indicators.ts';
import { measuresSummary } from './store/measures.ts';
import type { SummaryBase } from './store/base.ts';
import type { Summary } from './summary.ts';

export interface SummaryRequest {
  report: SummaryName;
  period: string;
  by: SummaryGrouping;
  municipalityId?: number;
  minGroup: number;
}

/**
 * The summary by name; `by` must be one of `groupingsOf[report]` (summaryApi checks it).
 * `base`: the kept base to read (the server's connection's, summaries/store/warm.ts); without it the
 * base is computed on `db`.
 */
export function summaryOf(db: Db, { report, ...options }: SummaryRequest, base?: SummaryBase): Summary {
  switch (report) {
    case 'deficits':
      return deficitsSummary(db, options, base);
    case 'growth':
      return growthSummary(db, options, base);
    case 'participation':
      return participationSummary(db, { ...options, by: options.by as (typeof participationGroupings)[number] }, base);
    case 'demand':
      return demandSummary(db, { ...options, by: options.by as DemandGrouping }, base);
    case 'programs':
      return effectivenessSummary(db, options);
    case 'routes':
      return routesSummary(db, { ...options, by: options.by as RouteGrouping }, base);
    case 'indicators':
      return indicatorsSummary(db, options, base);
    case 'mentoring':
      return mentoringSummary(db, { ...options, by: options.by as MentoringGrouping }, base);
    case 'measures':
      return measuresSummary(db, options);
  }
}
