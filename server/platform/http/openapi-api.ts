import { Hono } from 'hono';
import { openApiDocument } from './openapi.ts';

/** The OpenAPI document of the contract, served beside it (it describes the endpoints, so it is not one of them). */
export function openApiRoutes() {
  const document = openApiDocument();
  return new Hono().get('/', (c) => c.json(document));
}
