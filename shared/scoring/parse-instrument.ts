import { InstrumentInvalidError } from '../errors.ts';
import { instrumentFrameworkIssues } from './framework-issues.ts';
import type { Framework } from '../schemas/framework.ts';
import { type Instrument, instrumentSchema } from '../schemas/instrument.ts';
import { parseWithIssues } from './zod-issues.ts';

/**
 * Validates an instrument and checks it against the framework it will be
 * scored with. Throws InstrumentInvalidError with every problem by path, so an
 * upload page can show them all at once rather than one per attempt.
 */
export function parseInstrument(input: unknown, framework: Framework): Instrument {
  const parsed = parseWithIssues(instrumentSchema, input);
  if (!parsed.ok) throw new InstrumentInvalidError(parsed.issues);
  const issues = instrumentFrameworkIssues(parsed.data, framework);
  if (issues.length > 0) throw new InstrumentInvalidError(issues);
  return parsed.data;
}

// The checks against the framework live in a zod-free module, so that the extension's worker can score without zod.
export { indicatorAreas, instrumentFrameworkIssues } from './framework-issues.ts';
