import { messages as platform } from '../../platform/messages.ts';

/**
 * The teacher's own record.
 */
export const messages = {
  ...platform,
  // The teacher's own record (server/features/me/api.ts).
  me: {
    nothingToChange: 'Неверные данные: не указано ни одного поля для изменения.',
  },
} as const;
