import { diagnosticsEndpoints } from './diagnostics.ts';
import type { Endpoint } from './endpoint.ts';
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
