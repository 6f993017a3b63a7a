import type { Handler } from 'hono';
import type { InstrumentsResponse } from '../../../shared/api/diagnostics.ts';
import { ApiError } from '../../platform/http/api-error.ts';
import { type AttemptDeps, submitAttempt } from './submit-attempt.ts';
import { readJsonText } from '../../platform/http/validate.ts';
import type { TeacherEnv } from '../../platform/auth/teacher-auth.ts';
import { messages } from './messages.ts';
import type { AttemptStore } from './attempt-store.ts';
import type { Db } from '../../platform/database/database.ts';
import { currentInstruments, findInstrument } from './instrument-store.ts';
import { withoutAnswerKeys } from '../../../shared/schemas/instrument.ts';

const t = messages.diagnostics;

/** The diagnostics: `listInstruments`, `getInstrument` (without its answer keys), and `submitAttempt` (see submitAttempt). */
export function diagnosticsApi(
  db: Db,
  attempts: AttemptStore,
  deps: AttemptDeps,
): Record<'listInstruments' | 'getInstrument' | 'submitAttempt', Handler<TeacherEnv>> {
  return {
    listInstruments: (c) => {
      const done = attempts.lastCompleted(c.get('device').teacherId);
      return c.json({
        instruments: currentInstruments(db).map((instrument) => ({
          id: instrument.id,
          version: instrument.version,
          kind: instrument.kind,
          title: instrument.title,
          description: instrument.description,
          items: instrument.items.length,
          lastCompletedAt: done.get(instrument.id) ?? null,
        })),
      } satisfies InstrumentsResponse);
    },
    getInstrument: (c) => {
      const instrument = findInstrument(db, c.req.param('id')!);
      if (!instrument) throw new ApiError(404, 'instrument_not_found', t.instrumentNotFound);
      return c.json(withoutAnswerKeys(instrument));
    },
    submitAttempt: async (c) => {
      const text = await readJsonText(c);
      const { created, answerJson } = await submitAttempt(deps, c.get('device').teacherId, text);
      return c.body(answerJson, created ? 201 : 200, { 'content-type': 'application/json' });
    },
  };
}
