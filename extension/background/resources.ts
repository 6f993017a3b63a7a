import {
  eventsGuard,
  instrumentsGuard,
  myCampaignsGuard,
  myConsultationsGuard,
  myEnrollmentsGuard,
  myEventSignUpsGuard,
  myMentoringGuard,
  myRecommendationsGuard,
  profileGuard,
  programsGuard,
  routeGuard,
  sittingInstrumentGuard,
  teacherRecordGuard,
} from '../../shared/api/answer-guards.ts';
import type { Guard } from '../../shared/guards/guard.ts';
import { type Route, routes } from '../../shared/api/routes.ts';
import type { OptionalWhenEmpty } from '../../shared/api/request-path.ts';
import { type ApiRequest, endpointRequest, type EndpointInput } from '../sync/api-client.ts';
import type { Resource } from './protocol.ts';

export interface ResourceSource {
  request: Omit<ApiRequest, 'token'>;
  cacheName: string;
  /** The check the answer must pass: the zod-free guard written after the endpoint's own schema. */
  guard: Guard<unknown>;
}

/** A resource is read with a GET. */
type ReadRoute = Route & {
  method: 'get';
  name:
    | 'getMe'
    | 'getCompetencyProfile'
    | 'listInstruments'
    | 'getInstrument'
    | 'getRoute'
    | 'listMyEnrollments'
    | 'listPrograms'
    | 'getMyMentoring'
    | 'listMyRecommendations'
    | 'listEvents'
    | 'listMyEventSignUps'
    | 'listMyConsultations'
    | 'listMyCampaigns';
};

/**
 * Each read's answer check: a zod-free guard (shared/api/answer-guards.ts),
 * so that the worker carries no zod and builds no schema when it starts.
 * resources.test.ts holds each to the answer schema endpoints.ts declares
 * for that endpoint.
 */
export const answerGuards = {
  getMe: teacherRecordGuard,
  getCompetencyProfile: profileGuard,
  listInstruments: instrumentsGuard,
  getInstrument: sittingInstrumentGuard,
  getRoute: routeGuard,
  listMyEnrollments: myEnrollmentsGuard,
  listPrograms: programsGuard,
  getMyMentoring: myMentoringGuard,
  listMyRecommendations: myRecommendationsGuard,
  listEvents: eventsGuard,
  listMyEventSignUps: myEventSignUpsGuard,
  listMyConsultations: myConsultationsGuard,
  listMyCampaigns: myCampaignsGuard,
} as const satisfies Record<ReadRoute['name'], Guard<unknown>>;

function source<R extends ReadRoute>(route: R, cacheName: string, ...[input]: OptionalWhenEmpty<EndpointInput<R>>): ResourceSource {
  return { request: endpointRequest(route as ReadRoute, input as EndpointInput<ReadRoute>), cacheName, guard: answerGuards[route.name] };
}

/**
 * Where each resource comes from and the check its answer must pass.
 * The worker checks answers before it caches them: a server of another
 * version must not leave half-understood data on the device.
 */
export function resourceSource(resource: Resource): ResourceSource {
  switch (resource.name) {
    case 'me':
      return source(routes.getMe, 'me');
    case 'profile':
      return source(routes.getCompetencyProfile, 'profile');
    case 'instruments':
      return source(routes.listInstruments, 'instruments');
    case 'instrument':
      return source(routes.getInstrument, `instrument:${resource.id}`, { params: { id: resource.id } });
    case 'route':
      return source(routes.getRoute, 'route');
    case 'myEnrollments':
      return source(routes.listMyEnrollments, 'myEnrollments');
    case 'recommendations':
      return source(routes.listMyRecommendations, 'recommendations');
    case 'consultations':
      return source(routes.listMyConsultations, 'consultations');
    case 'campaigns':
      return source(routes.listMyCampaigns, 'campaigns');
    case 'programs': {
      // The panel's catalogue search, sorted so that the same search is one cache entry.
      const query = new URLSearchParams(resource.query);
      query.sort();
      return source(routes.listPrograms, `programs:${query}`, { query });
    }
    case 'mentoring':
      return source(routes.getMyMentoring, 'mentoring');
    case 'events':
      return resource.kind
        ? source(routes.listEvents, `events:${resource.kind}`, { query: { kind: resource.kind } })
        : source(routes.listEvents, 'events', { query: {} });
    case 'myEventSignUps':
      return source(routes.listMyEventSignUps, 'myEventSignUps');
  }
}
