import { z } from 'zod';
import { humanIssue } from './human-issues.ts';

/** Zod's own messages (type mismatches, bounds) as the short Russian fragments of human-issues.ts, on both sides. */
export function useRussianValidationMessages(): void {
  z.config({ localeError: humanIssue });
}
