import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { endpoints } from '../../shared/api/endpoints.ts';
import { bodyOf, createTestApp, type TestApp } from '../helpers/test-app.ts';

describe('the OpenAPI description', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.dispose());

  it('lists exactly the API endpoints the server serves', () => {
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
    const connect = document.paths['/api/v1/connect'].post;
    expect(connect.requestBody.content['application/json'].schema.required).toEqual(['code', 'device']);
    expect(connect.responses['201'].content['application/json'].schema.properties).toHaveProperty('token');
  });

  it('marks the old path of the connection deprecated, and no other operation', async () => {
    const document = await bodyOf(await t.app.request('/api/v1/openapi.json'));
    const operations = Object.entries(document.paths as Record<string, Record<string, { deprecated?: boolean; requestBody?: unknown }>>).flatMap(
      ([path, methods]) => Object.entries(methods).map(([method, operation]) => ({ methodPath: `${method} ${path}`, operation })),
    );
    expect(operations.filter(({ operation }) => operation.deprecated).map(({ methodPath }) => methodPath)).toEqual(['post /api/v1/enroll']);
    expect(operations.filter(({ operation }) => 'deprecated' in operation)).toHaveLength(1);
    // The old path takes and gives what the new one does.
    const { deprecated: _, summary: __, responses: oldResponses, ...oldPath } = document.paths['/api/v1/enroll'].post;
    const { summary: ___, responses: newResponses, ...newPath } = document.paths['/api/v1/connect'].post;
    expect(oldPath).toEqual(newPath);
    expect(oldResponses['201'].content).toEqual(newResponses['201'].content);
  });
});
