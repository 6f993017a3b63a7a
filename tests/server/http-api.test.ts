import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { instrumentById } from '../../shared/content/index.ts';
import { startTestServer, type TestServer } from '../helpers/test-server.ts';

const instrument = instrumentById('selfAssessment')!;
const extension = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop';

/**
 * The API over HTTP through @hono/node-server, where headers and bodies are
 * read from the Node request directly and CORS headers are added to the
 * finished response (server/platform/http/node-request.ts, server/platform/http/guards.ts).
 */
describe('the API over HTTP', () => {
  let server: TestServer;
  let token: string;
  beforeAll(async () => {
    server = await startTestServer();
    const connected = await fetch(`${server.url}/api/v1/connect`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code: server.demo!.teachers[0]!.code, device: 'ноутбук' }),
    });
    token = ((await connected.json()) as { token: string }).token;
  });
  afterAll(() => server.dispose());

  const sitting = () =>
    JSON.stringify({
      id: randomUUID(),
      instrumentId: instrument.id,
      instrumentVersion: instrument.version,
      answers: { [instrument.items[0]!.id]: 3 },
      completedAt: new Date().toISOString(),
    });
  const submit = (origin: string, auth = `Bearer ${token}`) =>
    fetch(`${server.url}/api/v1/attempts`, {
      method: 'POST',
      headers: { origin, 'content-type': 'application/json', authorization: auth },
      body: sitting(),
    });
  const post = (body: string | ReadableStream<Uint8Array>, headers: Record<string, string> = { 'content-type': 'application/json' }) =>
    fetch(`${server.url}/api/v1/attempts`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, ...headers },
      body,
      duplex: 'half',
    } as RequestInit);
  const errorCode = async (response: Response) => ((await response.json()) as { error: { code: string } }).error.code;

  it('reads a JSON body whether its length is declared or it comes in chunks, with or without a BOM', async () => {
    expect((await post(sitting())).status).toBe(201);
    expect((await post(`\uFEFF${sitting()}`)).status).toBe(201);
    const chunked = new ReadableStream({
      start(controller) {
        const text = new TextEncoder().encode(sitting());
        controller.enqueue(text.slice(0, 40));
        controller.enqueue(text.slice(40));
        controller.close();
      },
    });
    expect((await post(chunked)).status).toBe(201);
  });

  it('refuses a body that is not JSON, is not said to be JSON, or is too large, with the usual errors', async () => {
    const notJson = await post('{"id": ');
    expect([notJson.status, await errorCode(notJson)]).toEqual([400, 'invalid_json']);
    const unlabelled = await post(sitting(), { 'content-type': 'text/plain' });
    expect([unlabelled.status, await errorCode(unlabelled)]).toEqual([415, 'unsupported_media_type']);
    const huge = await post(JSON.stringify({ padding: 'я'.repeat(200_000) }));
    expect([huge.status, await errorCode(huge)]).toEqual([413, 'too_large']);
    const anonymous = await fetch(`${server.url}/api/v1/attempts`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: sitting() });
    expect([anonymous.status, await errorCode(anonymous)]).toEqual([401, 'unauthorized']);
  });

  it('lets the extension read answers, errors included, with the security headers and the body intact', async () => {
    const created = await submit(extension);
    expect(created.status).toBe(201);
    expect(created.headers.get('access-control-allow-origin')).toBe(extension);
    expect(created.headers.get('vary')).toBe('Origin');
    expect(created.headers.get('x-content-type-options')).toBe('nosniff');
    expect(created.headers.get('content-type')).toMatch(/application\/json/);
    expect(((await created.json()) as { result: { instrumentId: string } }).result.instrumentId).toBe(instrument.id);

    const refused = await submit(extension, 'Bearer nonsense');
    expect(refused.status).toBe(401);
    expect(refused.headers.get('access-control-allow-origin')).toBe(extension);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('unauthorized');
  });

  it('gives a web page no access', async () => {
    const response = await submit('https://journal.example.ru');
    expect(response.status).toBe(201);
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    expect(response.headers.get('vary')).toBe('Origin');
  });

  it('answers the preflight of an extension and only of an extension', async () => {
    const preflight = (origin: string) =>
      fetch(`${server.url}/api/v1/attempts`, {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type' },
      });
    const allowed = await preflight(extension);
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get('access-control-allow-origin')).toBe(extension);
    expect(allowed.headers.get('access-control-allow-methods')).toContain('POST');
    expect(allowed.headers.get('access-control-allow-headers')).toBe('Authorization,Content-Type');
    expect(allowed.headers.get('access-control-max-age')).toBe('600');
    expect((await preflight('https://journal.example.ru')).headers.get('access-control-allow-origin')).toBeNull();
  });
});
