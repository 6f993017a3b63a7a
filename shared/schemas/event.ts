import { z } from 'zod';
import { idSchema } from './framework.ts';
import { plainText } from './input.ts';
import { type CompetitionResult, eventExperienceBands, type EventKind, eventKinds } from '../events/kinds.ts';
import { isoDateSchema } from './program.ts';

/**
 * Methodical events (методические мероприятия) and competitions of
 * professional skill (конкурсы профессионального мастерства): seed 003,
 * tasks 9, 10 and 13; seed 004. Organised by a municipality or by the
 * republic (`municipality: null`), with dates, a place or a link, seats and
 * an audience. Their names on screens are `eventKindTitles`.
 */
export { competitionResults, type CompetitionResult, eventExperienceBands, type EventExperienceBand, eventKinds, type EventKind } from '../events/kinds.ts';

export const eventKindTitles: Record<EventKind, string> = {
  seminar: 'семинар',
  masterClass: 'мастер-класс',
  methodicalAssociation: 'заседание МО',
  consultation: 'консультация',
  competition: 'конкурс профессионального мастерства',
};

export const competitionResultTitles: Record<CompetitionResult, string> = {
  participant: 'участник',
  laureate: 'лауреат',
  prizeWinner: 'призёр',
  winner: 'победитель',
};

export const eventSchema = z
  .object({
    id: idSchema,
    kind: z.enum(eventKinds),
    title: plainText().min(3).max(300),
    /** What it is about, e.g. «аттестация» for a consultation; may be empty. */
    topic: plainText().max(300).default(''),
    /** A competition's stage («муниципальный этап»); empty for other kinds. */
    stage: plainText().max(200).default(''),
    /** The organiser: a municipality, or null for the republic (then every teacher of the republic may come). */
    municipality: plainText().min(1).nullable().default(null),
    start: isoDateSchema,
    end: isoDateSchema,
    /** An address or a link to the online room. */
    place: plainText().min(2).max(500),
    seats: z.number().int().min(0).max(10_000),
    /** The subject it is for, matched case-insensitively within the teacher's subjects; empty: every subject. */
    audienceSubject: plainText().max(200).default(''),
    audienceExperience: z.enum(eventExperienceBands).nullable().default(null),
    archived: z.boolean().default(false),
  })
  .refine((event) => event.end >= event.start, { message: 'мероприятие не может закончиться раньше, чем началось', path: ['end'] });
export type MethodicalEvent = z.infer<typeof eventSchema>;
export type MethodicalEventInput = z.input<typeof eventSchema>;

export const eventSignUpStatuses = ['confirmed', 'waitlisted', 'cancelled'] as const;
export type EventSignUpStatus = (typeof eventSignUpStatuses)[number];
