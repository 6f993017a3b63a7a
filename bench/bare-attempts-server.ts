/**
 * The yardstick for the attempts benchmark: a bare node:http handler that
 * does what POST /api/v1/attempts does — token check, the same zod
 * validation, scoring and one-transaction insert, and the same report
 * aggregates and WAL checkpoints in the background, through the same functions —
 * with no framework around it. The ratio to it is what Hono costs us.
 */
import http from 'node:http';
import { attemptRequestSchema } from '../shared/api/diagnostics.ts';
import { framework } from '../shared/content/index.ts';
import { useRussianValidationMessages } from '../shared/schemas/locale.ts';
import { ApiError } from '../server/api/api-error.ts';
import { bearerToken } from '../server/auth/teacher-auth.ts';
import { submitAttempt } from '../server/diagnostics/submit-attempt.ts';
import { startReportRefresher } from '../server/reports/refresher.ts';
import { attemptStore } from '../server/storage/attempts.ts';
import { startCheckpointer } from '../server/storage/checkpointer.ts';
import { openDatabase } from '../server/storage/database.ts';
import { findDeviceByToken } from '../server/storage/devices.ts';

useRussianValidationMessages();
const db = openDatabase(process.env.PROFROST_DATA_DIR!);
startCheckpointer(db);
const deps = { db, attempts: attemptStore(db, { onStored: startReportRefresher(db).stored }), framework };

function reply(response: http.ServerResponse, status: number, body: unknown) {
  response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

const server = http.createServer((request, response) => {
  const chunks: Buffer[] = [];
  request.on('data', (chunk: Buffer) => chunks.push(chunk));
  request.on('end', async () => {
    try {
      const token = bearerToken(request.headers.authorization);
      const device = token ? findDeviceByToken(db, token) : undefined;
      if (!device) return reply(response, 401, { error: { code: 'unauthorized', message: '' } });
      const parsed = attemptRequestSchema.safeParse(JSON.parse(Buffer.concat(chunks).toString('utf8')));
      if (!parsed.success) return reply(response, 400, { error: { code: 'invalid_body', message: parsed.error.message } });
      const { created, attempt } = await submitAttempt(deps, device.teacherId, parsed.data);
      reply(response, created ? 201 : 200, attempt);
    } catch (error) {
      if (error instanceof ApiError) return reply(response, error.status, error.toBody());
      reply(response, 500, { error: { code: 'internal', message: String(error) } });
    }
  });
});
server.listen(Number(process.env.PORT), () => console.log('ПрофРост работает (bare)'));
