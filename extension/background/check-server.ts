import { healthResponseSchema } from '../../shared/api/health.ts';
import type { Fetch } from '../sync/api-client.ts';
import type { ServerStatus } from './protocol.ts';

const timeoutMs = 5000;

export async function checkServer(serverUrl: string, fetchImpl: Fetch = (input, init) => fetch(input, init)): Promise<ServerStatus> {
  let response: Response;
  try {
    response = await fetchImpl(`${serverUrl}/api/v1/health`, { signal: AbortSignal.timeout(timeoutMs) });
  } catch {
    return { reachable: false, reason: 'network', serverUrl };
  }
  const body = healthResponseSchema.safeParse(await response.json().catch(() => null));
  if (!response.ok || !body.success) return { reachable: false, reason: 'badAnswer', serverUrl };
  return { reachable: true, version: body.data.version, serverUrl };
}
