import { z } from 'zod';

/** Every API error has this shape; `message` is a sentence a person can read (in Russian). */
export const apiErrorSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
  }),
});
export type ApiError = z.infer<typeof apiErrorSchema>;
