import type { z } from 'zod';
import { dottedPath, type ValidationIssue } from '../errors.ts';
import { humanIssue } from '../schemas/human-issues.ts';

// Russian messages for this parse only: the product may or may not have set
// the global zod locale, and a library function must not change it.
const russian = humanIssue;

/** Parses with Russian messages and returns either the data or dotted-path issues. */
export function parseWithIssues<Schema extends z.ZodType>(
  schema: Schema,
  input: unknown,
): { ok: true; data: z.infer<Schema> } | { ok: false; issues: ValidationIssue[] } {
  const parsed = schema.safeParse(input, { error: russian });
  if (parsed.success) return { ok: true, data: parsed.data };
  return {
    ok: false,
    issues: parsed.error.issues.map((issue) => ({ path: dottedPath(issue.path), message: issue.message })),
  };
}
