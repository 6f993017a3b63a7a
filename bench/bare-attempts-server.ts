/**
 * The yardstick for the attempts benchmark: a bare node:http handler that
 * does what POST /api/v1/attempts does — token check, the same zod
 * validation and scoring on the same scoring thread, the same one-transaction
 * insert, and the same report aggregates, ИОМ rebuilds and WAL checkpoints
 * in the background, through the same functions —
 * with no framework around it. The ratio to it is what Hono costs us.
 */
import http from 'node:http';
import { useRussianValidationMessages } from '../shared/schemas/locale.ts';
import { ApiError } from '../server/platform/http/api-error.ts';
import { bearerToken } from '../server/platform/auth/teacher-auth.ts';
import { startScoringWorker } from '../server/features/diagnostics/scoring-worker.ts';
import { submitAttempt } from '../server/features/diagnostics/submit-attempt.ts';
import { startReportRefresher } from '../server/features/aggregates/refresher.ts';
import { startRouteRefresher } from '../server/features/route/refresher.ts';
import { attemptStore } from '../server/features/diagnostics/attempt-store.ts';
import { startCheckpointer } from '../server/platform/database/checkpointer.ts';
import { openDatabase } from '../server/platform/database/database.ts';
import { findDeviceByToken } from '../server/platform/database/device-store.ts';

useRussianValidationMessages();
const db = openDatabase(process.env.PROFROST_DATA_DIR!);
startCheckpointer(db);
const scoring = startScoringWorker(db);
const reports = startReportRefresher(db);
const routes = startRouteRefresher(db);
const onStored = () => {
  reports.stored();
  routes.noted();
};
const deps = { attempts: attemptStore(db, { onStored }), prepare: scoring.prepare };

function reply(response: http.ServerResponse, status: number, json: string) {
  response.writeHead(status, { 'content-type': 'application/json' }).end(json);
}

const server = http.createServer((request, response) => {
  const chunks: Buffer[] = [];
  request.on('data', (chunk: Buffer) => chunks.push(chunk));
  request.on('end', async () => {
    try {
      const token = bearerToken(request.headers.authorization);
      const device = token ? findDeviceByToken(db, token) : undefined;
      if (!device) return reply(response, 401, '{"error":{"code":"unauthorized","message":""}}');
      const { created, answerJson } = await submitAttempt(deps, device.teacherId, Buffer.concat(chunks).toString('utf8'));
      reply(response, created ? 201 : 200, answerJson);
    } catch (error) {
      if (error instanceof ApiError) return reply(response, error.status, JSON.stringify(error.toBody()));
      reply(response, 500, JSON.stringify({ error: { code: 'internal', message: String(error) } }));
    }
  });
});
// As the real server does (serve.ts): listening once the scoring thread can take submissions.
await scoring.ready;
server.listen(Number(process.env.PORT), () => console.log('ПрофРост работает (bare)'));
