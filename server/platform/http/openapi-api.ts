import { Hono } from 'hono';
import { buildOpenApiDocument } from './openapi.ts';

/** The OpenAPI document of the contract, served beside it (it describes the endpoints, so it is not one of them). */
export function openApiDocument() {
  const document = buildOpenApiDocument();
  return new Hono().get('/', (c) => c.json(document));
}
