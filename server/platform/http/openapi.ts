import { z } from 'zod';
import type { Endpoint } from '../../../shared/api/endpoint.ts';
import { endpoints } from '../../../shared/api/endpoints.ts';
import { apiErrorSchema } from '../../../shared/api/errors.ts';
import { version } from '../version.ts';

function jsonSchema(schema: z.ZodType, io: 'input' | 'output') {
  const { $schema: _, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as Record<string, unknown>;
  return rest;
}

/** `/programs/:id` → `/programs/{id}`, with the parameters it names. */
function openApiPath(path: string): { path: string; parameters: object[] } {
  const names = [...path.matchAll(/:(\w+)/g)].map((m) => m[1]!);
  return {
    path: path.replace(/:(\w+)/g, '{$1}'),
    parameters: names.map((name) => ({ name, in: 'path', required: true, schema: { type: 'string' } })),
  };
}

function queryParameters(query: z.ZodType | undefined): object[] {
  if (!query) return [];
  const schema = jsonSchema(query, 'input') as { properties?: Record<string, object>; required?: string[] };
  return Object.entries(schema.properties ?? {}).map(([name, property]) => ({
    name,
    in: 'query',
    required: schema.required?.includes(name) ?? false,
    schema: property,
  }));
}

function operation(endpoint: Endpoint, pathParameters: object[]) {
  const { status, schema, contentType = 'application/json' } = endpoint.response;
  return {
    summary: endpoint.summary,
    ...(endpoint.description && { description: endpoint.description }),
    ...(endpoint.deprecated && { deprecated: true }),
    security: endpoint.auth === 'none' ? [] : [{ [endpoint.auth]: [] }],
    parameters: [...pathParameters, ...queryParameters(endpoint.query)],
    ...(endpoint.body && {
      requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(endpoint.body, 'input') } } },
    }),
    responses: {
      [status]: {
        description: endpoint.summary,
        ...(schema && { content: { [contentType]: { schema: jsonSchema(schema, 'output') } } }),
      },
      default: {
        description: 'Ошибка: код и предложение по-русски',
        content: { 'application/json': { schema: jsonSchema(apiErrorSchema, 'output') } },
      },
    },
  };
}

/** The OpenAPI 3.1 description of the API, generated from the shared contract. */
export function buildOpenApiDocument(list: Endpoint[] = endpoints) {
  const paths: Record<string, Record<string, object>> = {};
  for (const endpoint of list) {
    const { path, parameters } = openApiPath(endpoint.path);
    const operations = paths[path] ?? {};
    operations[endpoint.method] = operation(endpoint, parameters);
    paths[path] = operations;
  }
  return {
    openapi: '3.1.0',
    info: { title: 'ПрофРост API', version },
    components: {
      securitySchemes: {
        teacher: { type: 'http', scheme: 'bearer', description: 'Токен устройства педагога (POST /api/v1/connect)' },
        council: { type: 'http', scheme: 'bearer', description: 'Токен экспертного совета' },
      },
    },
    paths,
  };
}
