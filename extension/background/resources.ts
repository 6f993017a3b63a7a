import type { z } from 'zod';
import { instrumentResponseSchema, instrumentsResponseSchema } from '../../shared/api/diagnostics.ts';
import { profileSchema } from '../../shared/api/me.ts';
import { profileResponseSchema } from '../../shared/api/profile.ts';
import { myEnrollmentsResponseSchema, programsResponseSchema } from '../../shared/api/programs.ts';
import { routeResponseSchema } from '../../shared/api/route.ts';
import type { Resource } from './protocol.ts';

/**
 * Where each resource comes from and the shared schema its answer must fit.
 * The worker checks answers before it caches them: a server of another
 * version must not leave half-understood data on the device. (zod runs here,
 * in the worker, never in the content script.)
 */
export function resourceSource(resource: Resource): { path: string; cacheName: string; schema: z.ZodType } {
  switch (resource.name) {
    case 'me':
      return { path: '/api/v1/me', cacheName: 'me', schema: profileSchema };
    case 'profile':
      return { path: '/api/v1/me/profile', cacheName: 'profile', schema: profileResponseSchema };
    case 'instruments':
      return { path: '/api/v1/instruments', cacheName: 'instruments', schema: instrumentsResponseSchema };
    case 'instrument':
      return { path: `/api/v1/instruments/${encodeURIComponent(resource.id)}`, cacheName: `instrument:${resource.id}`, schema: instrumentResponseSchema };
    case 'route':
      return { path: '/api/v1/me/route', cacheName: 'route', schema: routeResponseSchema };
    case 'myEnrollments':
      return { path: '/api/v1/me/enrollments', cacheName: 'myEnrollments', schema: myEnrollmentsResponseSchema };
    case 'programs': {
      const query = new URLSearchParams(resource.query);
      query.sort();
      return { path: `/api/v1/programs?${query}`, cacheName: `programs:${query}`, schema: programsResponseSchema };
    }
  }
}
