import type { Handler } from 'hono';
import {
  type EnrollmentResponse,
  enrollmentRequestSchema,
  type FeedbackResponse,
  feedbackRequestSchema,
  type MyEnrollmentsResponse,
  type ProgramsQuery,
  type ProgramsResponse,
  programsQuerySchema,
} from '../../../shared/api/programs.ts';
import { ApiError } from '../../platform/http/api-error.ts';
import { readJson, readQuery } from '../../platform/http/validate.ts';
import type { TeacherEnv } from '../../platform/auth/teacher-auth.ts';
import { messages } from './messages.ts';
import type { Db } from '../../platform/database/database.ts';
import { cancelEnrollment, liveEnrollmentsByRun, saveFeedback, signUp, teacherEnrollments } from './enrollment-store.ts';
import { listPrograms, type ProgramPage } from './program-store.ts';
import { findTeacher, municipalityNames } from '../roster/store.ts';

const t = messages.programs;

/** A page of the catalogue as the teacher reads it, with her sign-ups (`mine`, by run) on its runs. */
function programsAnswer({ items, total }: ProgramPage, query: ProgramsQuery, mine: ReturnType<typeof liveEnrollmentsByRun>): ProgramsResponse {
  return {
    items: items.map(({ archived: _, runs, ...program }) => ({
      ...program,
      runs: runs.map((run) => {
        const enrollment = mine.get(run.id);
        return {
          ...run,
          myEnrollment: enrollment ? { id: enrollment.id, status: enrollment.status, waitlistPosition: enrollment.waitlistPosition } : null,
        };
      }),
    })),
    total,
    limit: query.limit,
    offset: query.offset,
  };
}

/** The serialised answer of a kept page (listPrograms) for a teacher with no sign-up among its runs; gone with the page. */
const answersWithoutSignUps = new WeakMap<ProgramPage, string>();

/** The catalogue and the teacher's sign-ups: `listPrograms`, `enrollInRun`, `cancelEnrollment`, `submitFeedback`, `listMyEnrollments`. */
export function catalogueApi(
  db: Db,
): Record<'listPrograms' | 'enrollInRun' | 'cancelEnrollment' | 'submitFeedback' | 'listMyEnrollments', Handler<TeacherEnv>> {
  return {
    listPrograms: (c) => {
      const query = readQuery(c, programsQuerySchema);
      const { teacherId } = c.get('device');
      // Default: the teacher's own municipality (the roster's, so a known one) and the republic-wide programmes; `all`: everything.
      const municipality =
        query.municipality === undefined ? findTeacher(db, teacherId)?.municipality : query.municipality === 'all' ? undefined : query.municipality;
      if (query.municipality !== undefined && municipality !== undefined && !municipalityNames(db).includes(municipality)) {
        throw new ApiError(400, 'invalid_query', t.unknownMunicipality(municipality));
      }
      const page = listPrograms(db, { ...query, municipality });
      const mine = liveEnrollmentsByRun(
        db,
        teacherId,
        page.items.flatMap((program) => program.runs.map((run) => run.id)),
      );
      // Without a sign-up of hers among the page's runs, the answer is the same for every teacher who reads that page:
      // written once while the page is kept (its limit and offset are part of its key), not mapped and serialised each time.
      if (mine.size === 0) {
        let text = answersWithoutSignUps.get(page);
        if (text === undefined) {
          text = JSON.stringify(programsAnswer(page, query, mine));
          answersWithoutSignUps.set(page, text);
        }
        return c.body(text, 200, { 'content-type': 'application/json' });
      }
      return c.json(programsAnswer(page, query, mine));
    },
    enrollInRun: async (c) => {
      const request = await readJson(c, enrollmentRequestSchema);
      const result = signUp(db, { id: request.id, teacherId: c.get('device').teacherId, programId: c.req.param('id')!, runId: request.runId });
      switch (result.kind) {
        case 'created':
          return c.json(result.enrollment satisfies EnrollmentResponse, 201);
        case 'replayed':
          return c.json(result.enrollment satisfies EnrollmentResponse, 200);
        case 'idReused':
          throw new ApiError(409, 'id_reused', t.idReused);
        case 'alreadyEnrolled':
          throw new ApiError(409, 'already_enrolled', t.alreadyEnrolled(t.statusNames[result.enrollment.status]));
        case 'programNotFound':
          throw new ApiError(404, 'program_not_found', t.programNotFound);
        case 'runNotFound':
          throw new ApiError(404, 'run_not_found', t.runNotFound);
        case 'archived':
          throw new ApiError(409, 'program_archived', t.archived);
        case 'runEnded':
          throw new ApiError(409, 'run_ended', t.runEnded);
        case 'otherMunicipality':
          throw new ApiError(403, 'other_municipality', t.otherMunicipality(result.municipality));
      }
    },
    // The teacher's own sign-ups only: the store looks them up by the device's teacher.
    cancelEnrollment: (c) => {
      const result = cancelEnrollment(db, c.get('device').teacherId, c.req.param('id')!);
      if (result.kind === 'notFound') throw new ApiError(404, 'enrollment_not_found', t.enrollmentNotFound);
      if (result.kind === 'completed') throw new ApiError(409, 'enrollment_completed', t.cannotCancelCompleted);
      return c.json(result.enrollment satisfies EnrollmentResponse);
    },
    submitFeedback: async (c) => {
      const feedback = await readJson(c, feedbackRequestSchema);
      const id = c.req.param('id')!;
      const result = saveFeedback(db, c.get('device').teacherId, id, feedback);
      if (result.kind === 'notFound') throw new ApiError(404, 'enrollment_not_found', t.enrollmentNotFound);
      if (result.kind === 'notCompleted') throw new ApiError(409, 'not_completed', t.feedbackNotCompleted);
      return c.json({ enrollmentId: id, feedback: result.feedback, submittedAt: result.submittedAt } satisfies FeedbackResponse);
    },
    // Completed ones included.
    listMyEnrollments: (c) => c.json({ items: teacherEnrollments(db, c.get('device').teacherId) } satisfies MyEnrollmentsResponse),
  };
}
