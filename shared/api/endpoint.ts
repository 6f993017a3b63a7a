import type { z } from 'zod';

/**
 * One endpoint of the API's contract (endpoints.ts lists them all). In a
 * module of its own so that the files that describe the endpoints of one part
 * of the API need not import the list that collects them.
 */
export interface Endpoint {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** Hono-style path: `/api/v1/programs/:id/enrollments`; a parameter is a whole segment. */
  path: string;
  summary: string;
  /** Longer text for the OpenAPI description, e.g. the columns of a CSV. */
  description?: string;
  /** Still answered, for clients not yet updated, but not to be called by new code: OpenAPI marks it so. */
  deprecated?: boolean;
  auth: 'none' | 'teacher' | 'council';
  query?: z.ZodType;
  body?: z.ZodType;
  /** The success status and its body; `null` for an empty body. */
  response: { status: number; schema: z.ZodType | null; contentType?: string };
}
