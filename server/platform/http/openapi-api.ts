import { Hono } from 'hono';
import { openApiDocument } from './openapi.ts';

export function openApiRoutes() {
  const document = openApiDocument();
  return new Hono().get('/', (c) => c.json(document));
}
