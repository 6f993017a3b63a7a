import { PROFILE_REQUESTS, type ProfileRequestIdentity } from '../../shared/journals/adapter-schema.ts';
import type { BridgeIdentity } from './page-bridge.ts';
import { normalizeText } from './teacher.ts';

const MAX_TEXT = 200;

/**
 * Runs in the content script: sends one of the closed list's same-origin,
 * read-only profile requests (PROFILE_REQUESTS, e.g. БАРС's
 * `POST /api/ProfileService/GetPersonData`) as the journal's own page would,
 * and keeps only the named fields of the answer, as text. No header is added:
 * the browser attaches the page's own cookie, which the extension never reads;
 * the rest of the answer (ids, children, anything else) is dropped here and
 * never stored or sent. Null when the request fails or the answer is not JSON.
 */
export async function requestProfile(
  origin: string,
  identity: ProfileRequestIdentity,
  { fetch: fetchImpl = (input, init) => fetch(input, init), signal }: { fetch?: typeof fetch; signal?: AbortSignal } = {},
): Promise<BridgeIdentity | null> {
  const spec = PROFILE_REQUESTS[identity.request];
  if (!spec) return null;
  try {
    const response = await fetchImpl(new URL(spec.path, origin).href, {
      method: spec.method,
      credentials: 'same-origin',
      // A redirect (to the sign-in page) is no answer; never follow it elsewhere.
      redirect: 'error',
      cache: 'no-store',
      signal,
    });
    if (!response.ok) return null;
    const body: unknown = await response.json();
    if (typeof body !== 'object' || body === null) return null;
    const fields: Partial<Record<'name' | 'school' | 'role', string>> = spec.fields;
    const text = (field: string | undefined) => {
      const value = field === undefined ? undefined : (body as Record<string, unknown>)[field];
      return typeof value === 'string' ? normalizeText(value).slice(0, MAX_TEXT) : '';
    };
    return { name: text(fields.name), school: text(fields.school), role: text(fields.role), notTeacher: false };
  } catch {
    return null;
  }
}
