import { z } from 'zod';
import { withoutControlCharacters } from './input.ts';

/**
 * One row of the roster (реестр педагогов) that a municipality or the
 * regional operator loads: every cell arrives as text, trimmed, and leaves
 * as the teacher's record. A teacher is identified by full name and school
 * (see server/features/roster/import-roster.ts).
 */

/** A part of a person's name: letters of any alphabet, with spaces, hyphens, apostrophes (Салтыков-Щедрин, Д’Артаньян). */
const namePart = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .regex(/^(\p{L}[\p{L}\s'’.-]*)?$/u, 'только буквы, пробел, дефис и апостроф')
    .transform((value) => value.replace(/\s+/g, ' '));

const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((value) => value.replace(/\s+/g, ' '));

export const rosterColumns = ['lastName', 'firstName', 'middleName', 'municipality', 'school', 'position', 'subjects', 'experienceYears'] as const;
export type RosterColumn = (typeof rosterColumns)[number];

/** Columns a file may leave out: an empty cell means the same. */
export const optionalRosterColumns: readonly RosterColumn[] = ['middleName', 'position', 'subjects', 'experienceYears'];

export const rosterRowSchema = withoutControlCharacters(
  z.object({
    lastName: namePart(100).pipe(z.string().min(1, 'фамилия обязательна')),
    firstName: namePart(100).pipe(z.string().min(1, 'имя обязательно')),
    /** Отчество; empty when the person has none. */
    middleName: namePart(100),
    municipality: text(200).pipe(z.string().min(1, 'муниципалитет обязателен')),
    school: text(300).pipe(z.string().min(1, 'школа обязательна')),
    position: text(200),
    /** As written: «математика, физика». */
    subjects: text(500),
    /** Full years in the profession; empty when not known. */
    experienceYears: z
      .string()
      .trim()
      .regex(/^\d{0,2}$/, 'стаж — целое число лет от 0 до 70')
      .transform((value) => (value === '' ? null : Number(value)))
      .refine((years) => years === null || years <= 70, 'стаж — целое число лет от 0 до 70'),
  }),
);
export type RosterRowInput = z.input<typeof rosterRowSchema>;
export type RosterRow = z.infer<typeof rosterRowSchema>;
