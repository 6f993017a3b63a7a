import type { z } from 'zod';
import { diagnosticsEndpoints } from './diagnostics.ts';
import { profileEndpoints } from './profile.ts';
import { connectRequestSchema, connectResponseSchema } from './connect.ts';
import { healthResponseSchema } from './health.ts';
import { journalOverridesResponseSchema } from './journal-overrides.ts';
import { meEndpoints } from './me.ts';
import { programEndpoints } from './programs.ts';
import { summaryEndpoints } from './summaries.ts';
import { routeEndpoints } from './route.ts';

/**
 * One endpoint of the API: method, path, who may call it, and the schemas of
 * what goes in and comes out. The server validates with these schemas, the
 * OpenAPI document is generated from them, and a test checks that the server
 * serves exactly these endpoints.
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

/**
 * The API's contract, each endpoint by name: code names the endpoint it calls
 * (`api.submitAttempt`) and never spells its path. Declared `as const`, so
 * that every path keeps its literal type and its `:id` parameters can be
 * checked when a request is built (see request-path.ts).
 */
export const api = {
  health: {
    method: 'get',
    path: '/api/v1/health',
    summary: 'Сервер отвечает, база данных доступна',
    auth: 'none',
    response: { status: 200, schema: healthResponseSchema },
  },
  connectDevice: {
    method: 'post',
    path: '/api/v1/connect',
    summary: 'Обменять одноразовый код подключения на токен устройства',
    auth: 'none',
    body: connectRequestSchema,
    response: { status: 201, schema: connectResponseSchema },
  },
  // The old path, which extensions released before /connect still call: answered the same way for one
  // release after /connect came, then removed.
  connectDeviceAtOldPath: {
    method: 'post',
    path: '/api/v1/enroll',
    summary: 'То же, что POST /api/v1/connect: прежний адрес для расширений, ещё не обновлённых',
    deprecated: true,
    auth: 'none',
    body: connectRequestSchema,
    response: { status: 201, schema: connectResponseSchema },
  },
  getJournalOverrides: {
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
  ...summaryEndpoints,
} as const satisfies Record<string, Endpoint>;

export type EndpointName = keyof typeof api;

/** The same endpoints as a list, in the order above (the OpenAPI document lists them so). */
export const endpoints: Endpoint[] = Object.values(api);
