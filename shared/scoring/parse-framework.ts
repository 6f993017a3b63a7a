import { FrameworkInvalidError } from '../errors.ts';
import { type Framework, frameworkSchema } from '../schemas/framework.ts';
import { parseWithIssues } from './zod-issues.ts';

/** Validates a competency framework; throws FrameworkInvalidError listing every problem by path. */
export function parseFramework(input: unknown): Framework {
  const parsed = parseWithIssues(frameworkSchema, input);
  if (!parsed.ok) throw new FrameworkInvalidError(parsed.issues);
  return parsed.data;
}
