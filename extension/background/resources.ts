import type { z } from 'zod';
import { instrumentResponseSchema, instrumentsResponseSchema } from '../../shared/api/diagnostics.ts';
import { teacherRecordSchema } from '../../shared/api/me.ts';
import { profileResponseSchema } from '../../shared/api/profile.ts';
import { myEnrollmentsResponseSchema, programsResponseSchema } from '../../shared/api/programs.ts';
import { routeResponseSchema } from '../../shared/api/route.ts';
import { myMentoringSchema } from '../../shared/api/mentoring.ts';
import { myRecommendationsResponseSchema } from '../../shared/api/recommendations.ts';
import { eventsResponseSchema, myEventSignUpsResponseSchema } from '../../shared/api/events.ts';
import { myConsultationsResponseSchema } from '../../shared/api/consultations.ts';
import { myCampaignsResponseSchema } from '../../shared/api/campaigns.ts';
import { type Route, routes } from '../../shared/api/routes.ts';
import type { OptionalWhenEmpty } from '../../shared/api/request-path.ts';
import { type ApiRequest, endpointRequest, type EndpointInput } from '../sync/api-client.ts';
import type { Resource } from './protocol.ts';

export interface ResourceSource {
  request: Omit<ApiRequest, 'token'>;
  cacheName: string;
  /** The shared schema the answer must fit: the endpoint's own. */
  schema: z.ZodType;
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
 * Each read's answer schema, imported one by one rather than through the
 * contract (endpoints.ts), so that the worker does not build every other
 * endpoint's schemas when it starts; endpoints.ts declares the same ones (a
 * test, resources.test.ts, checks).
 */
export const answerSchemas = {
  getMe: teacherRecordSchema,
  getCompetencyProfile: profileResponseSchema,
  listInstruments: instrumentsResponseSchema,
  getInstrument: instrumentResponseSchema,
  getRoute: routeResponseSchema,
  listMyEnrollments: myEnrollmentsResponseSchema,
  listPrograms: programsResponseSchema,
  getMyMentoring: myMentoringSchema,
  listMyRecommendations: myRecommendationsResponseSchema,
  listEvents: eventsResponseSchema,
  listMyEventSignUps: myEventSignUpsResponseSchema,
  listMyConsultations: myConsultationsResponseSchema,
  listMyCampaigns: myCampaignsResponseSchema,
} as const satisfies Record<ReadRoute['name'], z.ZodType>;

function source<R extends ReadRoute>(route: R, cacheName: string, ...[input]: OptionalWhenEmpty<EndpointInput<R>>): ResourceSource {
  return { request: endpointRequest(route as ReadRoute, input as EndpointInput<ReadRoute>), cacheName, schema: answerSchemas[route.name] };
}

/**
 * Where each resource comes from and the shared schema its answer must fit.
 * The worker checks answers before it caches them: a server of another
 * version must not leave half-understood data on the device. (zod runs here,
 * in the worker, never in the content script.)
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
