import { diagnosticsEndpoints } from './diagnostics.ts';
import { consultationEndpoints } from './consultations.ts';
import type { Endpoint } from './endpoint.ts';
import { profileEndpoints } from './profile.ts';
import { connectRequestSchema, connectResponseSchema } from './connect.ts';
import { healthResponseSchema } from './health.ts';
import { journalOverridesResponseSchema } from './journal-overrides.ts';
import { journalReportEndpoints } from './journal-reports.ts';
import { meEndpoints } from './me.ts';
import { mentoringEndpoints } from './mentoring.ts';
import { programEndpoints } from './programs.ts';
import { summaryEndpoints } from './summaries.ts';
import { routeEndpoints } from './route.ts';
import { recommendationEndpoints } from './recommendations.ts';
import { eventEndpoints } from './events.ts';
import { campaignEndpoints } from './campaigns.ts';
import type { RouteName, routes } from './routes.ts';

export type { Endpoint } from './endpoint.ts';

/**
 * The API's contract, each endpoint by name (method, path, who may call it,
 * and the schemas of what goes in and comes out: the server validates with
 * them and mounts each at its path, the OpenAPI document is generated from
 * them, and the extension's client builds its requests from them): code names the endpoint it calls
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
    description: 'Публикуется командой profrost journals publish. Без токена: личных данных нет. Ответ кэшируется 5 минут и несёт ETag (304 на If-None-Match).',
    auth: 'none',
    response: { status: 200, schema: journalOverridesResponseSchema },
  },
  ...diagnosticsEndpoints,
  ...profileEndpoints,
  ...programEndpoints,
  ...routeEndpoints,
  ...meEndpoints,
  ...summaryEndpoints,
  ...journalReportEndpoints,
  ...mentoringEndpoints,
  ...recommendationEndpoints,
  ...eventEndpoints,
  ...consultationEndpoints,
  ...campaignEndpoints,
} as const satisfies Record<string, Endpoint>;

export type EndpointName = keyof typeof api;

/** The same endpoints as a list, in the order above (the OpenAPI document lists them so). */
export const endpoints: Endpoint[] = Object.values(api);

/**
 * Every endpoint has its entry in the zod-free table the extension's worker
 * calls through (routes.ts), with the same method, path and auth, and that
 * table names no endpoint that is not here: a new endpoint that is missing
 * there, or a path changed on one side only, does not compile.
 */
type RouteOf<Name extends string, E extends Endpoint> = { name: Name; method: E['method']; path: E['path']; auth: E['auth'] };
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
export type RoutesAgree = { [K in EndpointName]: Same<(typeof routes)[K], RouteOf<K, (typeof api)[K]>> } & { [K in Exclude<RouteName, EndpointName>]: false };
const routesAgree: { [K in EndpointName | RouteName]: true } = {} as RoutesAgree;
void routesAgree;
