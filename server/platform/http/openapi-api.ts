import { Hono } from 'hono';
import { buildOpenApiDocument } from './openapi.ts';

/** GET /api/v1/openapi.json: the document, generated once. */
export function openApiDocument() {
  const document = buildOpenApiDocument();
  return new Hono().get('/', (c) => c.json(document));
}
