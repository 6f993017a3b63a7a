import { z } from 'zod';

/**
 * `GET /api/v1/journal-overrides`: corrections and kill switches for the
 * extension's built-in journal adapters. Each entry is checked field by field,
 * with the same checks (shared/journals/override.ts), by the extension and by
 * the server before publishing; here only the envelope is described.
 */
export const journalOverridesResponseSchema = z.object({
  version: z.literal(1),
  adapters: z.array(z.looseObject({ id: z.string() })).max(100),
});
export type JournalOverridesResponse = z.infer<typeof journalOverridesResponseSchema>;
