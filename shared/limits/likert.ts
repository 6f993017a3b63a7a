/** The Likert scale of self-assessment items: 1 to 5 (shared/schemas/instrument.ts). Zod-free, for the scoring the extension's worker runs. */
export const likertMin = 1;
export const likertMax = 5;
