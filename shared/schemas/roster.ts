import { z } from 'zod';
import type { QualificationLevel, QualificationStatus } from '../api/me.ts';
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

/** A cell compared as people write it: case, ё/е and runs of spaces do not matter. */
const folded = (value: string) => value.trim().toLowerCase().replace(/ё/g, 'е').replace(/\s+/g, ' ');

/** Квалификационная категория as rosters write it. */
const categoryNames: Record<string, QualificationLevel> = {
  'соответствие занимаемой должности': 'none',
  соответствие: 'none',
  сзд: 'none',
  'без категории': 'none',
  первая: 'first',
  'первая категория': 'first',
  'первая квалификационная категория': 'first',
  высшая: 'highest',
  'высшая категория': 'highest',
  'высшая квалификационная категория': 'highest',
};

/** Статус (приказ № 196) as rosters write it. */
const statusNames: Record<string, QualificationStatus> = {
  'педагог-наставник': 'mentor',
  наставник: 'mentor',
  'педагог-методист': 'methodist',
  методист: 'methodist',
};

const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((value) => value.replace(/\s+/g, ' '));

export const rosterColumns = [
  'lastName',
  'firstName',
  'middleName',
  'municipality',
  'school',
  'position',
  'subjects',
  'experienceYears',
  'category',
  'status',
  'birthYear',
] as const;
export type RosterColumn = (typeof rosterColumns)[number];

/** Columns a file may leave out: an empty cell means the same. */
export const optionalRosterColumns: readonly RosterColumn[] = ['middleName', 'position', 'subjects', 'experienceYears', 'category', 'status', 'birthYear'];

export const rosterRowSchema = withoutControlCharacters(
  z
    .object({
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
      /** Квалификационная категория; empty when not stated. */
      category: z
        .string()
        .transform(folded)
        .refine((value) => value === '' || value in categoryNames, '«соответствие занимаемой должности», «первая», «высшая» или «без категории»')
        .transform((value) => (value === '' ? null : categoryNames[value]!)),
      /** Статус педагога-наставника или педагога-методиста; empty when none. */
      status: z
        .string()
        .transform(folded)
        .refine((value) => value === '' || value in statusNames, '«педагог-наставник» или «педагог-методист»')
        .transform((value) => (value === '' ? null : statusNames[value]!)),
      /** Год рождения, for «до 35 лет»; empty when not given. */
      birthYear: z
        .string()
        .trim()
        .regex(/^(\d{4})?$/, 'год рождения — четыре цифры, например 1998')
        .transform((value) => (value === '' ? null : Number(value)))
        .refine((year) => year === null || (year >= 1930 && year <= new Date().getFullYear() - 16), 'год рождения — четыре цифры, например 1998'),
    })
    .refine((row) => row.status === null || row.category === 'highest', {
      message: 'статус педагога-наставника или педагога-методиста присваивается только при высшей категории',
      path: ['status'],
    }),
);
export type RosterRowInput = z.input<typeof rosterRowSchema>;
export type RosterRow = z.infer<typeof rosterRowSchema>;
