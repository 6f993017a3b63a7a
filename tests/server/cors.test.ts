import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { instrumentById } from '../../shared/content/index.ts';
import { startTestServer, type TestServer } from '../helpers/test-server.ts';

const instrument = instrumentById('selfAssessment')!;
const extension = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop';

/** Over HTTP through @hono/node-server, where the headers are added to the finished response. */
describe('CORS on the API', () => {
  let server: TestServer;
  let token: string;
  beforeAll(async () => {
    server = await startTestServer();
    const enrolled = await fetch(`${server.url}/api/v1/enroll`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code: server.demo!.teachers[0]!.code, device: 'ноутбук' }),
    });
    token = ((await enrolled.json()) as { token: string }).token;
  });
  afterAll(() => server.dispose());

  const submit = (origin: string, auth = `Bearer ${token}`) =>
    fetch(`${server.url}/api/v1/attempts`, {
      method: 'POST',
      headers: { origin, 'content-type': 'application/json', authorization: auth },
      body: JSON.stringify({
        id: randomUUID(),
        instrumentId: instrument.id,
        instrumentVersion: instrument.version,
        answers: { [instrument.items[0]!.id]: 3 },
        completedAt: new Date().toISOString(),
      }),
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
