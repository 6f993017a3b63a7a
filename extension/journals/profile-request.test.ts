import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requestProfile } from './profile-request.ts';

/*
 * БАРС's GetPersonData against a real HTTP server standing in for the
 * journal: what is sent (method, path, headers) and what is kept of the answer.
 * The same-origin cookie is the browser's business; tests/browser/journals.test.ts
 * sends it from a real journal page.
 */
let server: http.Server;
let origin: string;
const seen: { method?: string; url?: string; headers: http.IncomingHttpHeaders }[] = [];
let answer: { status: number; body: string } = { status: 200, body: '{}' };

beforeAll(async () => {
  server = http.createServer((request, response) => {
    seen.push({ method: request.method, url: request.url, headers: request.headers });
    response.writeHead(answer.status, { 'content-type': 'application/json' }).end(answer.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

const bars = { source: 'profileRequest', confidence: 'unconfirmed', request: 'barsPersonData' } as const;

describe('requestProfile (БАРС GetPersonData)', () => {
  it('posts to the journal’s own path with no token header and keeps only user_fullname', async () => {
    seen.length = 0;
    answer = {
      status: 200,
      body: JSON.stringify({
        user_fullname: ' Кызласова  Ольга Николаевна ',
        auth_user_profile_id: 99,
        children_persons: [{ fullname: 'Ребёнок' }],
        sessionid: 'SECRET',
      }),
    };
    const read = await requestProfile(origin, bars);
    expect(read).toEqual({ name: 'Кызласова Ольга Николаевна', school: '', role: '', notTeacher: false });
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ method: 'POST', url: '/api/ProfileService/GetPersonData' });
    expect(Object.keys(seen[0]!.headers).filter((name) => /token|auth|session|^at$/i.test(name))).toEqual([]);
  });

  it('yields nothing for a refusal, a non-JSON answer or a missing field', async () => {
    answer = { status: 401, body: '{"user_fullname":"Кто-то"}' };
    expect(await requestProfile(origin, bars)).toBeNull();
    answer = { status: 200, body: '<html>вход</html>' };
    expect(await requestProfile(origin, bars)).toBeNull();
    answer = { status: 200, body: '{"user_fullname": 42}' };
    expect((await requestProfile(origin, bars))?.name).toBe('');
  });
});
