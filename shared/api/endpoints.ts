import type { z } from 'zod';
import { diagnosticsEndpoints } from './diagnostics.ts';
import { profileEndpoints } from './profile.ts';
import { enrollRequestSchema, enrollResponseSchema } from './enroll.ts';
import { healthResponseSchema } from './health.ts';
import { journalOverridesResponseSchema } from './journal-overrides.ts';
import { meEndpoints } from './me.ts';
import { programEndpoints } from './programs.ts';
import { reportEndpoints } from './reports.ts';
import { routeEndpoints } from './route.ts';

/**
 * The API's contract in one list: method, path, who may call it, and the
 * schemas of what goes in and comes out. The server validates with these
 * schemas, the OpenAPI document is generated from them, and a test checks
 * that the server serves exactly these routes.
 */
export interface Endpoint {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** Hono-style path: `/api/v1/programs/:id/enrollments`. */
  path: string;
  summary: string;
  /** Longer text for the OpenAPI description, e.g. the columns of a CSV. */
  description?: string;
  auth: 'none' | 'teacher' | 'council';
  query?: z.ZodType;
  body?: z.ZodType;
  /** The success status and its body; `null` for an empty body. */
  response: { status: number; schema: z.ZodType | null; contentType?: string };
}

export const endpoints: Endpoint[] = [
  {
    method: 'get',
    path: '/api/v1/health',
    summary: 'Сервер отвечает, база данных доступна',
    auth: 'none',
    response: { status: 200, schema: healthResponseSchema },
  },
  {
    method: 'post',
    path: '/api/v1/enroll',
    summary: 'Обменять одноразовый код подключения на токен устройства',
    auth: 'none',
    body: enrollRequestSchema,
    response: { status: 201, schema: enrollResponseSchema },
  },
  {
    method: 'get',
    path: '/api/v1/journal-overrides',
    summary: 'Поправки и выключатели адаптеров электронных журналов для расширения',
    description:
      'Публикуется командой profrost journals publish. Без токена: личных данных нет. Ответ кэшируется 5 минут и несёт ETag (304 на If-None-Match).',
    auth: 'none',
    response: { status: 200, schema: journalOverridesResponseSchema },
  },
  ...diagnosticsEndpoints,
  ...profileEndpoints,
  ...programEndpoints,
  ...routeEndpoints,
  ...meEndpoints,
  ...reportEndpoints,
];
