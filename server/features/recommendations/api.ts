import type { Handler } from 'hono';
import { type MyRecommendation, type MyRecommendationsResponse, recommendationAnswerSchema } from '../../../shared/api/recommendations.ts';
import type { TeacherEnv } from '../../platform/auth/teacher-auth.ts';
import type { Db } from '../../platform/database/database.ts';
import { teacherTarget, writeAudit } from '../../platform/database/audit-store.ts';
import { ApiError } from '../../platform/http/api-error.ts';
import { readJson } from '../../platform/http/validate.ts';
import { messages } from './messages.ts';
import { answerRecommendation, teacherRecommendations } from './store.ts';

/** The teacher's side of addressed recommendations: read them, and answer (seen, added to the ИОМ). */
export function recommendationApi(db: Db): Record<'listMyRecommendations' | 'answerRecommendation', Handler<TeacherEnv>> {
  return {
    listMyRecommendations: (c) => {
      const { teacherId } = c.get('device');
      return c.json({ recommendations: teacherRecommendations(db, teacherId) } satisfies MyRecommendationsResponse);
    },
    answerRecommendation: async (c) => {
      const { answer } = await readJson(c, recommendationAnswerSchema);
      const { teacherId } = c.get('device');
      const id = c.req.param('id') ?? '';
      const answered = /^[1-9]\d{0,9}$/.test(id) ? answerRecommendation(db, teacherId, Number(id), answer) : undefined;
      if (!answered) throw new ApiError(404, 'recommendation_not_found', messages.recommendations.notAddressed);
      if (answer === 'accepted') {
        writeAudit(db, {
          actor: teacherTarget(teacherId),
          action: 'recommendation.accept',
          target: teacherTarget(teacherId),
          details: { recommendation: answered.id },
        });
      }
      return c.json(answered satisfies MyRecommendation);
    },
  };
}
