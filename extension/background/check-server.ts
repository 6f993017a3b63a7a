import { healthGuard } from '../../shared/api/answer-guards.ts';
import { routes } from '../../shared/api/routes.ts';
import { callEndpoint, type Fetch } from '../sync/api-client.ts';
import type { ServerStatus } from './protocol.ts';

const timeoutMs = 5000;

export async function checkServer(serverUrl: string, fetchImpl: Fetch = (input, init) => fetch(input, init)): Promise<ServerStatus> {
  const outcome = await callEndpoint(serverUrl, routes.health, { timeoutMs }, fetchImpl);
  if (outcome.kind === 'network') return { reachable: false, reason: 'network', serverUrl };
  const health = outcome.kind === 'ok' ? healthGuard.check(outcome.body) : null;
  if (!health?.ok) return { reachable: false, reason: 'badAnswer', serverUrl };
  return { reachable: true, version: health.value.version, serverUrl };
}
