import { z } from 'zod';
import { withoutControlCharacters } from '../schemas/input.ts';
import { routePreferencesSchema } from '../schemas/program.ts';
import type { Endpoint } from './endpoint.ts';

/**
 * Квалификационная категория: `none` — без категории (аттестован на
 * соответствие занимаемой должности), `first` — первая, `highest` — высшая.
 */
export const qualificationLevels = ['none', 'first', 'highest'] as const;
export type QualificationLevel = (typeof qualificationLevels)[number];

/** Статусы приказа Минпросвещения № 196 (2023): педагог-методист, педагог-наставник. */
export const qualificationStatuses = ['methodist', 'mentor'] as const;
export type QualificationStatus = (typeof qualificationStatuses)[number];

/**
 * The teacher's category and, on top of it, an optional status. The
 * statuses are given only to teachers of the highest category, so a status
 * with another level is refused. `null` for the whole object: not stated.
 */
export const categorySchema = z
  .strictObject({
    level: z.enum(qualificationLevels),
    status: z.enum(qualificationStatuses).nullable().default(null),
  })
  .refine((category) => category.status === null || category.level === 'highest', {
    message: 'статус педагога-методиста или педагога-наставника присваивается только при высшей категории',
    path: ['status'],
  });
export type Category = z.infer<typeof categorySchema>;

/** Years in the profession, as the roster and the teacher state them. */
export const experienceYearsSchema = z.number().int().min(0).max(70);

/**
 * Молодой педагог: first three years in the job and under 35. The roster
 * carries no birth date, so only the first half can be checked: a teacher
 * with less than 3 full years of experience counts as early-career; `null`
 * when the experience is not known.
 */
export const earlyCareerYears = 3;
export function isEarlyCareer(experienceYears: number | null): boolean | null {
  return experienceYears === null ? null : experienceYears < earlyCareerYears;
}

/** A subject as the teacher names it; a comma would split it in the roster's list, so none. */
const subjectSchema = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .regex(/^[^,;]*$/, 'название предмета без запятых и точек с запятой');

/** Preferences as the teacher sends them: no unknown keys, and a period that does not end before it starts. */
const preferencesUpdateSchema = z.strictObject(routePreferencesSchema.shape).refine((p) => p.from === null || p.to === null || p.from <= p.to, {
  message: 'период не может закончиться раньше, чем начался',
  path: ['to'],
});

/** `GET /api/v1/me`: the teacher's own record. */
export const teacherRecordSchema = z.object({
  id: z.number().int(),
  lastName: z.string(),
  firstName: z.string(),
  middleName: z.string(),
  /** Фамилия Имя Отчество, as one line. */
  name: z.string(),
  school: z.string(),
  municipality: z.string(),
  position: z.string(),
  subjects: z.array(z.string()),
  category: categorySchema.nullable(),
  experienceYears: experienceYearsSchema.nullable(),
  earlyCareer: z.boolean().nullable(),
  preferences: routePreferencesSchema,
});
export type TeacherRecord = z.infer<typeof teacherRecordSchema>;

/**
 * `PATCH /api/v1/me`: only the fields sent change. Names, school and
 * municipality come from the roster and are not the teacher's to edit.
 * `category` and `preferences` are replaced whole; `null` clears
 * category and experience.
 */
export const teacherRecordUpdateSchema = withoutControlCharacters(
  z.strictObject({
    position: z.string().trim().min(1).max(200).optional(),
    subjects: z.array(subjectSchema).max(20).optional(),
    category: categorySchema.nullable().optional(),
    experienceYears: experienceYearsSchema.nullable().optional(),
    preferences: preferencesUpdateSchema.optional(),
  }),
);
export type TeacherRecordUpdate = z.infer<typeof teacherRecordUpdateSchema>;

/** `GET /api/v1/me/export`: everything the server stores about the teacher (152-ФЗ, ст. 14). */
export const teacherDataExportSchema = z.object({
  exportedAt: z.iso.datetime(),
  teacher: teacherRecordSchema.extend({ createdAt: z.string() }),
  devices: z.array(z.object({ id: z.number().int(), label: z.string(), createdAt: z.string(), revokedAt: z.string().nullable() })),
  connectionCodes: z.array(z.object({ createdAt: z.string(), expiresAt: z.string(), usedAt: z.string().nullable() })),
  attempts: z.array(
    z.object({
      id: z.string(),
      instrumentId: z.string(),
      instrumentVersion: z.number().int(),
      completedAt: z.string(),
      receivedAt: z.string(),
      answers: z.unknown(),
      result: z.unknown(),
      scores: z.array(z.object({ area: z.string(), score: z.number().nullable(), level: z.string() })),
    }),
  ),
  enrollments: z.array(
    z.object({
      id: z.string(),
      programId: z.string(),
      runId: z.string(),
      status: z.string(),
      feedback: z.unknown(),
      createdAt: z.string(),
      updatedAt: z.string(),
    }),
  ),
  routeItems: z.array(
    z.object({
      id: z.string(),
      competency: z.string(),
      kind: z.string(),
      programId: z.string().nullable(),
      runId: z.string().nullable(),
      reason: z.string(),
      status: z.string(),
      plannedDate: z.string().nullable(),
      createdAt: z.string(),
      updatedAt: z.string(),
    }),
  ),
  /** The consents the teacher gave on connecting: the text's edition, the device's time, the server's, the device. */
  consents: z.array(
    z.object({
      version: z.string(),
      acceptedAt: z.string(),
      receivedAt: z.string(),
      deviceId: z.number().int().nullable(),
      deviceLabel: z.string(),
      withdrawnAt: z.string().nullable(),
    }),
  ),
  /** What staff and the CLI did to this teacher's account (codes reissued, devices revoked), and who of the staff opened it. */
  auditLog: z.array(z.object({ at: z.string(), actor: z.string(), action: z.string(), details: z.unknown() })),
  /** Her sign-ups for methodical events and competitions: the event, the place, attendance, a competition's result, her rating. */
  eventSignUps: z.array(
    z.object({
      id: z.string(),
      eventId: z.string(),
      eventTitle: z.string(),
      kind: z.string(),
      start: z.string(),
      status: z.string(),
      attendedAt: z.string().nullable(),
      result: z.string().nullable(),
      feedback: z.unknown(),
      routeItemId: z.string().nullable(),
      createdAt: z.string(),
      updatedAt: z.string(),
    }),
  ),
});
export type TeacherDataExport = z.infer<typeof teacherDataExportSchema>;

export const meEndpoints = {
  getMe: {
    method: 'get',
    path: '/api/v1/me',
    summary: 'Сведения о педагоге: ФИО, школа, должность, предметы, категория, стаж, предпочтения',
    auth: 'teacher',
    response: { status: 200, schema: teacherRecordSchema },
  },
  updateMe: {
    method: 'patch',
    path: '/api/v1/me',
    summary: 'Изменить должность, предметы, категорию, стаж или предпочтения',
    auth: 'teacher',
    body: teacherRecordUpdateSchema,
    response: { status: 200, schema: teacherRecordSchema },
  },
  exportMyData: {
    method: 'get',
    path: '/api/v1/me/export',
    summary: 'Выгрузка всех данных, которые сервер хранит о педагоге',
    auth: 'teacher',
    response: { status: 200, schema: teacherDataExportSchema },
  },
  eraseMyData: {
    method: 'delete',
    path: '/api/v1/me',
    summary: 'Удалить персональные данные педагога (152-ФЗ); токены устройств перестают действовать',
    auth: 'teacher',
    response: { status: 204, schema: null },
  },
  withdrawConsent: {
    method: 'delete',
    path: '/api/v1/me/consent',
    summary: 'Отозвать согласие на обработку персональных данных',
    description:
      'Отзыв согласия отмечается в записи о согласии и в журнале действий, после чего сервер удаляет данные педагога так же, как DELETE /api/v1/me; токены устройств перестают действовать.',
    auth: 'teacher',
    response: { status: 204, schema: null },
  },
} as const satisfies Record<string, Endpoint>;
