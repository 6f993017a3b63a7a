import type { z } from 'zod';
import { api } from '../../shared/api/endpoints.ts';
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
  name: 'getMe' | 'getCompetencyProfile' | 'listInstruments' | 'getInstrument' | 'getRoute' | 'listMyEnrollments' | 'listPrograms';
};

function source<R extends ReadRoute>(route: R, cacheName: string, ...[input]: OptionalWhenEmpty<EndpointInput<R>>): ResourceSource {
  return { request: endpointRequest(route as ReadRoute, input as EndpointInput<ReadRoute>), cacheName, schema: api[route.name].response.schema };
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
    case 'programs': {
      // The panel's catalogue search, sorted so that the same search is one cache entry.
      const query = new URLSearchParams(resource.query);
      query.sort();
      return source(routes.listPrograms, `programs:${query}`, { query });
    }
  }
}
