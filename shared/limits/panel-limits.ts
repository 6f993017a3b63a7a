/**
 * Limits the panel shows beside its fields, without the validation library:
 * the panel page must not carry zod (tests/browser/manifest.test.ts); the
 * schemas in shared/api/ read the same constants.
 */

/** A consultation's 1–5 scale. */
export const scaleOptions = ['1', '2', '3', '4', '5'] as const;

/** A mentoring meeting's length, in minutes. */
export const meetingMinutes = { min: 5, max: 480 } as const;

/** The contact a mentor shows her mentees (a phone, an address, a room). */
export const mentorContactMaxLength = 200;

/** A meeting's note: short, and private to the pair. */
export const meetingNoteMaxLength = 1000;
