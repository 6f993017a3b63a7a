/**
 * The vocabulary of methodical events, without zod, so that the panel can
 * use it without carrying the schemas (shared/schemas/event.ts re-exports it).
 */
export const eventKinds = ['seminar', 'masterClass', 'methodicalAssociation', 'consultation', 'competition'] as const;
export type EventKind = (typeof eventKinds)[number];

/** A competition participant's result, from the lowest. */
export const competitionResults = ['participant', 'laureate', 'prizeWinner', 'winner'] as const;
export type CompetitionResult = (typeof competitionResults)[number];

/** The experience bands an event may be meant for (as the aggregates band teachers); `null`: everyone. */
export const eventExperienceBands = ['early', 'y3to10', 'y11to20', 'y21plus'] as const;
export type EventExperienceBand = (typeof eventExperienceBands)[number];

/** How the teacher rated an event, three questions (like a programme's feedback). */
export const eventRatings = ['yes', 'partly', 'no'] as const;
export type EventRating = (typeof eventRatings)[number];
