import type { Handler, MiddlewareHandler } from 'hono';
import { groupingsOf, type SummaryName, summaryNames, summaryQuerySchema } from '../../../shared/api/summaries.ts';
import { ApiError } from '../../platform/http/api-error.ts';
import { readQuery } from '../../platform/http/validate.ts';
import type { CouncilEnv } from '../../platform/auth/council-auth.ts';
import { settleReports } from '../aggregates/settle.ts';
import { settleRoutes } from '../route/settle.ts';
import { messages } from './messages.ts';
import { csvChunks, jsonChunks } from './csv.ts';
import { currentPeriod } from '../aggregates/period.ts';
import { streamFromReader } from './store/stream.ts';
import { readySummaryBase } from './store/warm.ts';
import { summaryOf } from './summaries.ts';
import type { Db } from '../../platform/database/database.ts';

/** The summaries' endpoints by name: `deficitsSummaryCsv`, `deficitsSummaryJson`, … (shared/api/summaries.ts). */
type SummaryEndpointName = `${SummaryName}Summary${'Csv' | 'Json'}`;

/**
 * The council's summaries, `GET /api/v1/reports/NAME.csv` and `NAME.json`,
 * over the whole republic. Each streams from its own read-only connection,
 * after the aggregates have taken the attempts still waiting (settle.ts), and
 * reads the suppressed base kept on the server's connection (computed on the
 * warming thread if it is not kept yet, store/warm.ts), never computing it
 * again on the reader's connection.
 */
export function summaryApi(db: Db, { minGroup }: { minGroup: number }): Record<SummaryEndpointName, [MiddlewareHandler, Handler<CouncilEnv>]> {
  const reports = settleReports(db);
  const routes = settleRoutes(db);
  // The ИОМ summary and «Показатели» read the routes too: those new attempts noted are rebuilt first.
  const settleFor =
    (report: SummaryName): MiddlewareHandler =>
    (c, next) =>
      report === 'routes' || report === 'indicators'
        ? reports(c, async () => {
            await routes(c, next);
          })
        : reports(c, next);
  const requestOf = (report: SummaryName, query: { period?: string | undefined; by?: string | undefined }) => {
    const allowed = groupingsOf[report];
    const by = query.by ?? allowed[0]!;
    if (!allowed.includes(by as (typeof allowed)[number])) {
      throw new ApiError(400, 'invalid_query', messages.reports.badGrouping(`${report}`, allowed.join('|')));
    }
    return { report, period: query.period ?? currentPeriod(), by: by as (typeof allowed)[number], minGroup };
  };
  const csv =
    (report: SummaryName): Handler<CouncilEnv> =>
    async (c) => {
      const query = readQuery(c, summaryQuerySchema);
      const request = requestOf(report, query);
      const base = await readySummaryBase(db, request);
      const excel = query.excel === '1';
      const file = `${report}-${request.by}-${request.period}.csv`;
      return c.body(
        streamFromReader(db, (reader) => csvChunks(summaryOf(reader, request, base), { excel })),
        200,
        {
          'content-type': `text/csv; charset=utf-8; header=present`,
          'content-disposition': `attachment; filename="${file}"`,
          'cache-control': 'no-store',
        },
      );
    };
  const json =
    (report: SummaryName): Handler<CouncilEnv> =>
    async (c) => {
      const query = readQuery(c, summaryQuerySchema.omit({ excel: true }));
      const request = requestOf(report, query);
      const base = await readySummaryBase(db, request);
      const head = { report, period: request.period, by: request.by, minGroup };
      return c.body(
        streamFromReader(db, (reader) => jsonChunks(summaryOf(reader, request, base), head)),
        200,
        {
          'content-type': 'application/json; charset=utf-8',
          'cache-control': 'no-store',
        },
      );
    };
  return Object.fromEntries(
    summaryNames.flatMap((report) => [
      [`${report}SummaryCsv`, [settleFor(report), csv(report)]],
      [`${report}SummaryJson`, [settleFor(report), json(report)]],
    ]),
  ) as Record<SummaryEndpointName, [MiddlewareHandler, Handler<CouncilEnv>]>;
}
