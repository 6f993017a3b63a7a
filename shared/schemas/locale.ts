import { z } from 'zod';

/** Zod's own messages (type mismatches, bounds) in Russian, on both sides. */
export function useRussianValidationMessages(): void {
  z.config(z.locales.ru());
}
