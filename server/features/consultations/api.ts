import type { Handler } from 'hono';
import { answerProblem, consultationAnswerRequestSchema, type MyConsultationsResponse, type TeacherConsultation } from '../../../shared/api/consultations.ts';
import { formatDay } from '../../../shared/format/russian.ts';
import type { TeacherEnv } from '../../platform/auth/teacher-auth.ts';
import type { Db } from '../../platform/database/database.ts';
import { ApiError } from '../../platform/http/api-error.ts';
import { readJson } from '../../platform/http/validate.ts';
import { inAudience, stateOn } from './audience.ts';
import { messages } from './messages.ts';
import { answerOwner, audienceMember, findAnswer, findConsultation, openedConsultations, writeAnswer } from './store.ts';

const t = messages.consultations;

export interface ConsultationApiOptions {
  /** K: the panel tells the teacher that comments reach the council only where this many answered. */
  minGroup: number;
  /** Today's date (YYYY-MM-DD, UTC), for tests. */
  today?: () => string;
}

const utcToday = () => new Date().toISOString().slice(0, 10);

/**
 * The teacher's консультации: `listMyConsultations` (those of her audience that have opened, with her answer
 * and the council's conclusion) and `answerConsultation` (one answer per teacher, replaced by a newer version
 * until the consultation closes; the same version sent again, or an older one arriving late, changes nothing).
 */
export function consultationApi(
  db: Db,
  { minGroup, today = utcToday }: ConsultationApiOptions,
): Record<'listMyConsultations' | 'answerConsultation', Handler<TeacherEnv>> {
  return {
    listMyConsultations: (c) => {
      const { teacherId } = c.get('device');
      const member = audienceMember(db, teacherId);
      const day = today();
      const items: TeacherConsultation[] = member
        ? openedConsultations(db, day)
            .filter((consultation) => inAudience(consultation.audience, member))
            .map((consultation) => {
              const answer = findAnswer(db, consultation.id, teacherId);
              return {
                id: consultation.id,
                title: consultation.title,
                text: consultation.text,
                questions: consultation.questions,
                opensOn: consultation.opensOn,
                closesOn: consultation.closesOn,
                state: stateOn(consultation, day),
                myAnswer: answer
                  ? { answers: answer.answers as NonNullable<TeacherConsultation['myAnswer']>['answers'], version: answer.version, updatedAt: answer.updatedAt }
                  : null,
                conclusion: consultation.conclusion,
              };
            })
        : [];
      return c.json({ minGroup, items } satisfies MyConsultationsResponse);
    },
    answerConsultation: async (c) => {
      const request = await readJson(c, consultationAnswerRequestSchema);
      const { teacherId } = c.get('device');
      const id = Number(c.req.param('id'));
      const consultation = Number.isSafeInteger(id) ? findConsultation(db, id) : undefined;
      if (!consultation) throw new ApiError(404, 'consultation_not_found', t.notFound);
      const member = audienceMember(db, teacherId);
      if (!member || !inAudience(consultation.audience, member)) throw new ApiError(403, 'not_in_audience', t.notForYou);
      const state = stateOn(consultation, today());
      if (state === 'upcoming') throw new ApiError(409, 'consultation_not_open', t.notOpenYet(formatDay(consultation.opensOn)));
      if (state === 'closed') throw new ApiError(409, 'consultation_closed', t.closed(formatDay(consultation.closesOn)));
      const problem = answerProblem(consultation.questions, request.answers);
      if (problem) throw new ApiError(400, 'invalid_answer', t.badAnswer(problem));
      const saved = db
        .transaction(() => {
          const owner = answerOwner(db, request.id);
          if (owner && (owner.consultationId !== consultation.id || owner.teacherId !== teacherId)) return 'idReused' as const;
          const stored = findAnswer(db, consultation.id, teacherId);
          // The same version again (a resend), or an older one that arrived late: the stored answer stands.
          if (stored && stored.version >= request.version) return { version: stored.version, updatedAt: stored.updatedAt };
          return writeAnswer(db, { ...request, consultationId: consultation.id, teacherId, questions: consultation.questions });
        })
        .immediate();
      if (saved === 'idReused') throw new ApiError(409, 'id_reused', t.idReused);
      return c.json(saved, 200);
    },
  };
}
