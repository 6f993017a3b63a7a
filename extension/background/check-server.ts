import { healthResponseSchema } from '../../shared/api/health.ts';
import type { ServerStatus } from './protocol.ts';

const timeoutMs = 5000;

export async function checkServer(serverUrl: string): Promise<ServerStatus> {
  let response: Response;
  try {
    response = await fetch(`${serverUrl}/api/v1/health`, { signal: AbortSignal.timeout(timeoutMs) });
  } catch {
    return { reachable: false, reason: 'network', serverUrl };
  }
  const body = healthResponseSchema.safeParse(await response.json().catch(() => null));
  if (!response.ok || !body.success) return { reachable: false, reason: 'badAnswer', serverUrl };
  return { reachable: true, version: body.data.version, serverUrl };
}
