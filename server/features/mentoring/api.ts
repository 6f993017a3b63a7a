import type { Handler } from 'hono';
import { type Meeting, type MyMentoring, endRequestSchema, meetingRequestSchema, mentorOfferSchema } from '../../../shared/api/mentoring.ts';
import type { TeacherEnv } from '../../platform/auth/teacher-auth.ts';
import type { Db } from '../../platform/database/database.ts';
import { ApiError } from '../../platform/http/api-error.ts';
import { readJson } from '../../platform/http/validate.ts';
import { messages } from './messages.ts';
import { logMeeting, myMentoring, requestPairEnd, setMentorOffer } from './store.ts';

const t = messages.mentoring;

/** Наставничество as the teacher sees it: `getMyMentoring`, `logMentoringMeeting`, `updateMentorOffer`, `requestPairEnd`. */
export function mentoringApi(db: Db): Record<'getMyMentoring' | 'logMentoringMeeting' | 'updateMentorOffer' | 'requestPairEnd', Handler<TeacherEnv>> {
  return {
    getMyMentoring: (c) => c.json(myMentoring(db, c.get('device').teacherId) satisfies MyMentoring),
    logMentoringMeeting: async (c) => {
      const request = await readJson(c, meetingRequestSchema);
      const result = logMeeting(db, c.get('device').teacherId, request);
      switch (result.kind) {
        case 'created':
          return c.json(result.meeting satisfies Meeting, 201);
        case 'replayed':
          return c.json(result.meeting satisfies Meeting, 200);
        case 'idReused':
          throw new ApiError(409, 'id_reused', t.idReused);
        case 'pairNotFound':
          throw new ApiError(404, 'pair_not_found', t.pairNotFound);
        case 'pairEnded':
          throw new ApiError(409, 'pair_ended', t.pairEnded);
        case 'inFuture':
          throw new ApiError(400, 'invalid_body', t.inFuture);
        case 'beforeStart':
          throw new ApiError(400, 'invalid_body', t.beforeStart);
      }
    },
    updateMentorOffer: async (c) => {
      const offer = await readJson(c, mentorOfferSchema);
      return c.json(setMentorOffer(db, c.get('device').teacherId, offer));
    },
    requestPairEnd: async (c) => {
      const { reason } = await readJson(c, endRequestSchema);
      const view = requestPairEnd(db, c.get('device').teacherId, Number(c.req.param('id')), reason);
      if (!view) throw new ApiError(404, 'pair_not_found', t.endRequestNotFound);
      return c.json(view);
    },
  };
}
