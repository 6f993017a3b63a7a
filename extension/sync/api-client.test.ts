import { describe, expect, it } from 'vitest';
import { routes } from '../../shared/api/routes.ts';
import { callEndpoint, endpointRequest, type Fetch } from './api-client.ts';

const serverUrl = 'https://profrost.example';

/** A fetch that records what it was asked and answers with `response`. */
function recordingFetch(response: () => Response = () => Response.json({})) {
  const calls: { url: string; init: RequestInit }[] = [];
  const fetchImpl: Fetch = async (url, init) => {
    calls.push({ url, init });
    return response();
  };
  return { calls, fetchImpl };
}

describe('endpointRequest', () => {
  it('takes the method and path from the contract and the body as given', () => {
    const body = { id: '5f0c6f2e-8a1b-4c3d-9e4f-0a1b2c3d4e5f', runId: 'run-1' };
    expect(endpointRequest(routes.enrollInRun, { params: { id: 'pk-1' }, body })).toStrictEqual({
      method: 'POST',
      path: '/api/v1/programs/pk-1/enrollments',
      body,
    });
    expect(endpointRequest(routes.listPrograms, { query: { q: 'речь', limit: '20' } })).toStrictEqual({
      method: 'GET',
      path: '/api/v1/programs?q=%D1%80%D0%B5%D1%87%D1%8C&limit=20',
    });
    expect(endpointRequest(routes.eraseMyData)).toStrictEqual({ method: 'DELETE', path: '/api/v1/me' });
  });
});

describe('callEndpoint', () => {
  it("sends the endpoint's method and path with the body as JSON and the token", async () => {
    const { calls, fetchImpl } = recordingFetch(() => Response.json({ id: 'x' }, { status: 201 }));
    const update = { status: 'done' as const };
    const outcome = await callEndpoint(serverUrl, routes.updateRouteItem, { params: { id: 'item-1' }, body: update, token: 'tok' }, fetchImpl);
    expect(outcome).toEqual({ kind: 'ok', status: 201, body: { id: 'x' } });
    expect(calls).toHaveLength(1);
    expect(calls[0]!.url).toBe(`${serverUrl}/api/v1/me/route/items/item-1`);
    expect(calls[0]!.init.method).toBe('PUT');
    expect(calls[0]!.init.headers).toEqual({ accept: 'application/json', 'content-type': 'application/json', authorization: 'Bearer tok' });
    expect(calls[0]!.init.body).toBe(JSON.stringify(update));
  });

  it('sends a GET without a body or a token, in the cache mode asked for', async () => {
    const { calls, fetchImpl } = recordingFetch();
    await callEndpoint(serverUrl, routes.getJournalOverrides, { cache: 'no-cache' }, fetchImpl);
    expect(calls[0]!.url).toBe(`${serverUrl}/api/v1/journal-overrides`);
    expect(calls[0]!.init).toMatchObject({ method: 'GET', headers: { accept: 'application/json' }, body: undefined, cache: 'no-cache' });
  });

  it("returns the server's refusal as a value", async () => {
    const refusal = { error: { code: 'not_found', message: 'Запись не найдена' } };
    const { fetchImpl } = recordingFetch(() => Response.json(refusal, { status: 404 }));
    expect(await callEndpoint(serverUrl, routes.cancelEnrollment, { params: { id: 'e-1' }, token: 'tok' }, fetchImpl)).toEqual({
      kind: 'http',
      status: 404,
      code: 'not_found',
      message: 'Запись не найдена',
    });
  });

  it('gives up after the time asked for, as if the server were down', async () => {
    const neverAnswers: Fetch = (_url, init) => new Promise((_resolve, reject) => init.signal?.addEventListener('abort', () => reject(init.signal?.reason)));
    const started = Date.now();
    expect(await callEndpoint(serverUrl, routes.health, { timeoutMs: 50 }, neverAnswers)).toEqual({ kind: 'network' });
    expect(Date.now() - started).toBeLessThan(5000);
  });
});
