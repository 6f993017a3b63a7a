/**
 * The server's answers as the extension's background worker checks them,
 * without zod (shared/guards/guard.ts says why). Each guard is written after
 * the zod schema named beside it and gives the same value `schema.safeParse`
 * would; answer-guards.test.ts holds every one to its schema on generated
 * answers and mutations of them, and the lists of words repeated here (the
 * enum values that live in zod modules) to theirs.
 *
 * Imports here are of types only, or of zod-free modules: importing a value
 * from a module that builds zod schemas would bring zod back into the worker
 * (tests/browser/manifest.test.ts checks the built script).
 */
import { activityKinds, areaIds, bandLevels, competencyIds, deficitLevels, laborFunctionIds, programFormats, riskLevels } from '../competencies.ts';
import { competitionResults, eventExperienceBands, eventKinds, eventRatings } from '../events/kinds.ts';
import { array, boolean, type Guard, int, literal, number, object, oneOf, partialRecord, record, strictObject, string, union } from '../guards/guard.ts';
import type { Framework } from '../schemas/framework.ts';
import type { SittingInstrument } from '../schemas/instrument.ts';
import type { MyCampaignsResponse } from './campaigns.ts';
import type { ConnectResponse } from './connect.ts';
import type { MyConsultationsResponse } from './consultations.ts';
import type { InstrumentsResponse } from './diagnostics.ts';
import type { EventsResponse, MyEventSignUpsResponse } from './events.ts';
import type { HealthResponse } from './health.ts';
import type { TeacherRecord } from './me.ts';
import type { MyMentoring } from './mentoring.ts';
import type { ProfileResponse } from './profile.ts';
import type { MyEnrollmentsResponse, ProgramsResponse } from './programs.ts';
import type { MyRecommendationsResponse } from './recommendations.ts';
import type { RouteResponse } from './route.ts';

/** Word lists whose own home is a zod module (named beside each); the test compares them. */
export const vocabularies = {
  /** shared/schemas/program.ts */
  enrollmentStatuses: ['confirmed', 'waitlisted', 'cancelled', 'completed'],
  /** shared/schemas/event.ts */
  eventSignUpStatuses: ['confirmed', 'waitlisted', 'cancelled'],
  /** shared/schemas/instrument.ts */
  instrumentKinds: ['selfAssessment', 'knowledgeTest', 'screening'],
  /** shared/api/route.ts */
  routeItemStatuses: ['suggested', 'accepted', 'postponed', 'done'],
  routeAgreementStates: ['draft', 'submitted', 'agreed'],
  evidenceKinds: ['certificate', 'diploma', 'attestation', 'other'],
  /** shared/api/programs.ts */
  feedbackUsefulness: ['yes', 'partly', 'no'],
  /** shared/api/recommendations.ts */
  attachmentKinds: ['program'],
  /** shared/api/consultations.ts */
  questionKinds: ['single', 'multiple', 'scale', 'comment'],
  consultationStates: ['upcoming', 'open', 'closed'],
} as const;
const v = vocabularies;

/** shared/schemas/consultations.ts `maxOptions`, `maxCommentLength`. */
export const consultationLimits = { maxOptions: 6, maxCommentLength: 500 } as const;

// The building blocks of shared/schemas/.
const id = () => string({ pattern: /^[a-z][a-zA-Z0-9_.-]{0,63}$/ });
const plain = (options: { min?: number; max?: number } = {}) => string({ ...options, plain: true });
const isoDate = () => string({ format: 'isoDate' });
const isoDateTime = () => string({ format: 'isoDateTime' });
const uuid = () => string({ format: 'uuid' });

// ——— GET /api/v1/health (shared/api/health.ts)
export const healthGuard: Guard<HealthResponse> = object({ status: literal('ok'), version: string(), time: isoDateTime() });

// ——— POST /api/v1/connect (shared/api/connect.ts)
export const connectGuard: Guard<ConnectResponse> = object({
  token: string(),
  teacher: object({ id: int(), name: string(), school: string(), municipality: string() }),
});

// ——— GET /api/v1/me (shared/api/me.ts, shared/schemas/program.ts routePreferencesSchema)
const routePreferences = object({
  formats: array(oneOf(programFormats)).default([]),
  from: isoDate().nullable().default(null),
  to: isoDate().nullable().default(null),
  hoursBudget: int(0, 5000).nullable().default(null),
});
const category = strictObject({
  level: oneOf(['none', 'first', 'highest']),
  status: oneOf(['methodist', 'mentor']).nullable().default(null),
}).refine((c) => c.status === null || c.level === 'highest', 'статус только при высшей категории');

export const teacherRecordGuard: Guard<TeacherRecord> = object({
  id: int(),
  lastName: string(),
  firstName: string(),
  middleName: string(),
  name: string(),
  school: string(),
  municipality: string(),
  position: string(),
  subjects: array(string()),
  category: category.nullable(),
  experienceYears: int(0, 70).nullable(),
  earlyCareer: boolean().nullable(),
  preferences: routePreferences,
});

// ——— GET /api/v1/me/profile (shared/api/profile.ts, shared/scoring/result.ts)
const level = oneOf([...bandLevels, 'insufficientData']);
const standing = object({
  score: number({ min: 0, max: 100 }).nullable(),
  level,
  answered: int(),
  sources: array(
    object({
      instrumentId: string(),
      instrumentVersion: int(),
      attemptId: string().optional(),
      completedAt: string(),
      score: number(),
      answered: int(),
    }),
  ),
});
const growthPoint = object({ instrumentVersion: int(), attemptId: string().optional(), completedAt: string(), score: number().nullable() });
const growthEntry = object({
  instrumentId: string(),
  previous: growthPoint,
  latest: growthPoint,
  delta: number().nullable(),
  notComparable: oneOf(['notMeasuredBefore', 'notMeasuredNow', 'insufficientData']).optional(),
});
const deficit = object({ competency: oneOf(competencyIds), level: oneOf(deficitLevels), score: number({ min: 0, max: 100 }) });

export const profileGuard: Guard<ProfileResponse> = object({
  profile: object({ competencies: record(competencyIds, standing), wellbeing: standing, deficits: array(deficit) }),
  growth: object({ competencies: record(competencyIds, array(growthEntry)), wellbeing: array(growthEntry) }),
  weakIndicators: partialRecord(
    competencyIds,
    array(object({ id: string(), title: string(), score: number(), level: oneOf(['highDeficit', 'moderateDeficit']) })),
  ).default({}),
});

// ——— GET /api/v1/instruments, /api/v1/instruments/:id (shared/api/diagnostics.ts, shared/schemas/instrument.ts)
export const instrumentsGuard: Guard<InstrumentsResponse> = object({
  instruments: array(
    object({
      id: id(),
      version: int(),
      kind: oneOf(v.instrumentKinds),
      title: string(),
      description: string(),
      items: int(),
      lastCompletedAt: string({ format: 'isoDateTimeOffset' }).nullable(),
    }),
  ),
});

const band = object({ level: oneOf(bandLevels), upTo: number({ min: 0, max: 100 }), inclusive: boolean() });
/** shared/schemas/instrument.ts `defaultDeficitBands`. */
export const defaultDeficitBands = [
  { level: 'highDeficit', upTo: 60, inclusive: false },
  { level: 'moderateDeficit', upTo: 80, inclusive: true },
  { level: 'noDeficit', upTo: 100, inclusive: true },
] as const;
const bands = array(band, { min: 2 }).refine((all) => {
  if (all.some((b, i) => i > 0 && b.upTo <= all[i - 1]!.upTo)) return false;
  const last = all.at(-1)!;
  if (last.upTo !== 100 || !last.inclusive) return false;
  const within = (levels: readonly string[]) => all.every((b) => levels.includes(b.level));
  return within(deficitLevels) || within(riskLevels);
}, 'уровни возрастают до 100 включительно, все — дефициты или все — риски');

const itemBase = {
  id: id(),
  text: string({ min: 3 }),
  measures: array(object({ indicator: id(), weight: number({ positive: true, max: 10 }).default(1) }), { min: 1 }),
};
const option = object({ id: id(), text: string({ min: 1 }) });
const sittingItem = union([
  object({ ...itemBase, kind: literal('likert'), reverse: boolean().default(false) }),
  object({ ...itemBase, kind: literal('single'), options: array(option, { min: 2 }) }),
  object({ ...itemBase, kind: literal('multiple'), options: array(option, { min: 2 }) }),
]);

/** The instrument as a teacher's device gets it (sittingInstrumentSchema): no answer keys. */
export const sittingInstrumentGuard: Guard<SittingInstrument> = object({
  id: id(),
  version: int(1),
  kind: oneOf(v.instrumentKinds),
  title: string({ min: 3 }),
  description: string(),
  scale: array(string({ min: 1 }), { length: 5 }).optional(),
  bands: bands.default(defaultDeficitBands.map((b) => ({ ...b }))),
  minAnsweredShare: number({ min: 0, max: 1 }).default(0.5),
  items: array(sittingItem, { min: 1 }),
});

// ——— GET /api/v1/programs, /api/v1/me/enrollments (shared/api/programs.ts, shared/schemas/program.ts)
const catalogueRun = object({
  id: id(),
  start: isoDate(),
  end: isoDate(),
  seats: int(0),
  seatsTaken: int(0),
  waitlisted: int(0),
  myEnrollment: object({ id: uuid(), status: oneOf(v.enrollmentStatuses), waitlistPosition: int(1).nullable() }).nullable(),
});
const catalogueProgram = object({
  id: id(),
  title: plain({ min: 3, max: 300 }),
  provider: plain({ min: 2, max: 300 }),
  hours: int(1, 2000),
  format: oneOf(programFormats),
  competencies: array(oneOf(competencyIds), { min: 1 }),
  indicators: array(id(), { max: 40 }).default([]),
  municipality: plain({ min: 1 }).nullable().default(null),
  registryUrl: string({ format: 'httpUrl' }).nullable().default(null),
  runs: array(catalogueRun),
});
export const programsGuard: Guard<ProgramsResponse> = object({ items: array(catalogueProgram), total: int(0), limit: int(), offset: int() });

const programFeedback = strictObject({
  useful: oneOf(v.feedbackUsefulness),
  changedInLessons: string({ trim: true, max: 2000, plain: true }),
  wouldRecommend: boolean(),
});
export const myEnrollmentsGuard: Guard<MyEnrollmentsResponse> = object({
  items: array(
    object({
      id: uuid(),
      programId: id(),
      runId: id(),
      status: oneOf(v.enrollmentStatuses),
      waitlistPosition: int(1).nullable().default(null),
      programTitle: string(),
      provider: string(),
      format: oneOf(programFormats),
      hours: int(),
      competencies: array(oneOf(competencyIds)),
      start: isoDate(),
      end: isoDate(),
      feedback: programFeedback.nullable(),
      updatedAt: string(),
    }),
  ),
});

// ——— GET /api/v1/me/route (shared/api/route.ts)
const routeCourse = object({
  title: string(),
  provider: string(),
  hours: int(),
  format: oneOf(programFormats),
  start: isoDate().nullable(),
  end: isoDate().nullable(),
  seats: int().nullable(),
  seatsLeft: int().nullable(),
  enrollment: object({ id: uuid(), runId: id(), status: oneOf(v.enrollmentStatuses), waitlistPosition: int().nullable() }).nullable(),
});
const evidence = strictObject({
  kind: oneOf(v.evidenceKinds),
  number: string({ trim: true, min: 1, max: 100 }),
  provider: string({ trim: true, min: 2, max: 300 }),
  hours: int(1, 2000),
  date: isoDate(),
  confirmedAt: isoDateTime().nullable(),
});
const routeItem = object({
  id: id(),
  competency: oneOf(areaIds),
  kind: oneOf(activityKinds),
  programId: id().nullable(),
  runId: id().nullable(),
  reason: string(),
  description: string(),
  indicators: array(object({ id: id(), title: string() })),
  status: oneOf(v.routeItemStatuses),
  plannedDate: isoDate().nullable(),
  plannedMonth: string({ pattern: /^\d{4}-(0[1-9]|1[0-2])$/ }).nullable(),
  private: boolean(),
  retired: object({ at: isoDateTime(), reason: string() }).nullable(),
  course: routeCourse.nullable(),
  evidence: evidence.nullable(),
  comment: object({ text: string(), at: isoDateTime() }).nullable(),
  updatedAt: isoDateTime(),
});
export const routeGuard: Guard<RouteResponse> = object({
  diagnosed: boolean(),
  version: int(0),
  builtAt: isoDateTime().nullable(),
  agreement: object({ state: oneOf(v.routeAgreementStates), agreedAt: isoDateTime().nullable(), agreedVersion: int().nullable() }),
  items: array(routeItem),
});

// ——— GET /api/v1/me/mentoring (shared/api/mentoring.ts)
const pairView = object({
  pairId: int(),
  partner: object({ name: string(), school: string(), contact: string() }),
  focus: array(oneOf(competencyIds)),
  startedOn: string(),
  endsOn: string().nullable(),
  endRequested: object({ by: oneOf(['mentor', 'mentee']), reason: string() }).nullable(),
  meetings: array(object({ id: string(), pairId: int(), heldOn: string(), minutes: int(), competency: oneOf(competencyIds), note: string() })),
});
export const myMentoringGuard: Guard<MyMentoring> = object({
  asMentee: pairView.nullable(),
  asMentor: array(pairView),
  offer: object({ volunteer: boolean(), contact: string() }),
});

// ——— GET /api/v1/me/recommendations (shared/api/recommendations.ts)
export const myRecommendationsGuard: Guard<MyRecommendationsResponse> = object({
  recommendations: array(
    object({
      id: number({ int: true, positive: true }),
      title: string(),
      text: string(),
      from: string(),
      sentAt: isoDateTime(),
      competency: oneOf(competencyIds).nullable(),
      attachments: array(object({ kind: oneOf(v.attachmentKinds), id: id(), title: string() })),
      seen: boolean(),
      accepted: boolean(),
    }),
  ),
});

// ——— GET /api/v1/events, /api/v1/me/event-sign-ups (shared/api/events.ts)
const eventFeedback = strictObject({ satisfied: oneOf(eventRatings), useful: oneOf(eventRatings), comment: string({ trim: true, max: 2000, plain: true }) });
const eventSignUpFields = {
  id: uuid(),
  eventId: id(),
  status: oneOf(v.eventSignUpStatuses),
  waitlistPosition: int(1).nullable(),
  attended: boolean(),
  result: oneOf(competitionResults).nullable(),
  feedback: eventFeedback.nullable(),
};
export const eventsGuard: Guard<EventsResponse> = object({
  items: array(
    object({
      id: id(),
      kind: oneOf(eventKinds),
      title: string(),
      topic: string(),
      stage: string(),
      municipality: string().nullable(),
      start: isoDate(),
      end: isoDate(),
      place: string(),
      seats: int(0),
      seatsTaken: int(0),
      waitlisted: int(0),
      audienceSubject: string(),
      audienceExperience: oneOf(eventExperienceBands).nullable(),
      mySignUp: object(eventSignUpFields).nullable(),
    }),
  ),
});
export const myEventSignUpsGuard: Guard<MyEventSignUpsResponse> = object({
  items: array(object({ ...eventSignUpFields, kind: oneOf(eventKinds), title: string(), start: isoDate(), end: isoDate(), place: string() })),
});

// ——— GET /api/v1/me/consultations (shared/api/consultations.ts)
const { maxOptions, maxCommentLength } = consultationLimits;
const optionNumber = () => int(0, maxOptions - 1);
const questionAnswer = union([optionNumber(), array(optionNumber(), { max: maxOptions }), string({ trim: true, max: maxCommentLength })]);
export const myConsultationsGuard: Guard<MyConsultationsResponse> = object({
  minGroup: int(),
  items: array(
    object({
      id: int(),
      title: string(),
      text: string(),
      questions: array(
        object({
          kind: oneOf(v.questionKinds),
          text: string({ trim: true, min: 1, max: 500 }),
          options: array(string({ trim: true, min: 1, max: 200 }), { max: maxOptions }),
        }),
      ),
      opensOn: isoDate(),
      closesOn: isoDate(),
      state: oneOf(v.consultationStates),
      myAnswer: object({ answers: array(questionAnswer), version: int(), updatedAt: string() }).nullable(),
      conclusion: string().nullable(),
    }),
  ),
});

// ——— GET /api/v1/me/campaigns (shared/api/campaigns.ts)
export const myCampaignsGuard: Guard<MyCampaignsResponse> = object({
  items: array(
    object({
      id: int(),
      period: string(),
      opensOn: isoDate(),
      closesOn: isoDate(),
      competencies: array(oneOf(competencyIds)),
      municipality: string().nullable(),
      taken: boolean(),
      reminders: array(object({ sentAt: string(), text: string() })),
    }),
  ),
});

// ——— The shipped competency framework (shared/schemas/framework.ts), for the on-device score preview.
export const frameworkGuard: Guard<Framework> = object({
  areas: array(object({ id: oneOf(areaIds), title: string({ min: 3 }), description: string() })),
  indicators: array(object({ id: id(), area: oneOf(areaIds), title: string({ min: 3 }), laborFunctions: array(oneOf(laborFunctionIds)) }), { min: 1 }),
}).refine(
  (framework) =>
    new Set(framework.indicators.map((indicator) => indicator.id)).size === framework.indicators.length &&
    framework.indicators.every((indicator) => indicator.area === 'wellbeing' || indicator.laborFunctions.length > 0) &&
    areaIds.every((area) => framework.areas.some((a) => a.id === area)),
  'индикаторы не повторяются, у каждого индикатора компетенции есть трудовая функция, все области описаны',
);
