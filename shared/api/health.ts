import { z } from 'zod';

/** `GET /api/v1/health`: the server answers and its database is readable. */
export const healthResponseSchema = z.object({
  status: z.literal('ok'),
  version: z.string(),
  /** Server time, so a client can notice a wrong clock. */
  time: z.iso.datetime(),
});
export type HealthResponse = z.infer<typeof healthResponseSchema>;
