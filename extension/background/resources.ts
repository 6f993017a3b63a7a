import type { z } from 'zod';
import { api, type Endpoint } from '../../shared/api/endpoints.ts';
import type { OptionalWhenEmpty } from '../../shared/api/request-path.ts';
import { type ApiRequest, endpointRequest, type EndpointInput } from '../sync/api-client.ts';
import type { Resource } from './protocol.ts';

export interface ResourceSource {
  request: Omit<ApiRequest, 'token'>;
  cacheName: string;
  /** The shared schema the answer must fit: the endpoint's own. */
  schema: z.ZodType;
}

/** A resource is read with a GET whose answer has a schema. */
type ReadEndpoint = Endpoint & { method: 'get'; response: { schema: z.ZodType } };

function source<E extends ReadEndpoint>(endpoint: E, cacheName: string, ...[input]: OptionalWhenEmpty<EndpointInput<E>>): ResourceSource {
  return { request: endpointRequest(endpoint as ReadEndpoint, input as EndpointInput<ReadEndpoint>), cacheName, schema: endpoint.response.schema };
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
      return source(api.getMe, 'me');
    case 'profile':
      return source(api.getCompetencyProfile, 'profile');
    case 'instruments':
      return source(api.listInstruments, 'instruments');
    case 'instrument':
      return source(api.getInstrument, `instrument:${resource.id}`, { params: { id: resource.id } });
    case 'route':
      return source(api.getRoute, 'route');
    case 'myEnrollments':
      return source(api.listMyEnrollments, 'myEnrollments');
    case 'recommendations':
      return source(api.listMyRecommendations, 'recommendations');
    case 'consultations':
      return source(api.listMyConsultations, 'consultations');
    case 'programs': {
      // The panel's catalogue search, sorted so that the same search is one cache entry.
      const query = new URLSearchParams(resource.query);
      query.sort();
      return source(api.listPrograms, `programs:${query}`, { query });
    }
    case 'mentoring':
      return source(api.getMyMentoring, 'mentoring');
    case 'events':
      return resource.kind
        ? source(api.listEvents, `events:${resource.kind}`, { query: { kind: resource.kind } })
        : source(api.listEvents, 'events', { query: {} });
    case 'myEventSignUps':
      return source(api.listMyEventSignUps, 'myEventSignUps');
  }
}
