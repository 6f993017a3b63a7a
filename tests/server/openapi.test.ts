import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { endpoints } from '../../shared/api/endpoints.ts';
import { bodyOf, createTestApp, type TestApp } from '../helpers/test-app.ts';

describe('the OpenAPI description', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.dispose());

  it('lists exactly the API routes the server serves', () => {
    const served = new Set(
      t.app.routes
        .filter((route) => route.path.startsWith('/api/v1/') && route.method !== 'ALL' && !route.path.endsWith('/openapi.json'))
        .map((route) => `${route.method.toLowerCase()} ${route.path.replace(/\/$/, '')}`),
    );
    const described = new Set(endpoints.map((endpoint) => `${endpoint.method} ${endpoint.path}`));
    expect([...served].sort()).toEqual([...described].sort());
  });

  it('is served as OpenAPI 3.1 with the request schemas generated from the shared ones', async () => {
    const response = await t.app.request('/api/v1/openapi.json');
    expect(response.status).toBe(200);
    const document = await bodyOf(response);
    expect(document.openapi).toBe('3.1.0');
    const enroll = document.paths['/api/v1/enroll'].post;
    expect(enroll.requestBody.content['application/json'].schema.required).toEqual(['code', 'device']);
    expect(enroll.responses['201'].content['application/json'].schema.properties).toHaveProperty('token');
  });
});
