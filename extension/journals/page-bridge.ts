import { FORBIDDEN_SEGMENT, type PageGlobalIdentity, pageGlobalIdentity } from '../../shared/journals/adapter-schema.ts';
import { boolean, type Check, object, oneOf, string } from '../../shared/journals/check.ts';
import { normalizeText } from './teacher.ts';

/*
 * The bridge between the content script (isolated world, cannot see the
 * page's JavaScript objects) and a tiny script in the page's own world (MAIN),
 * which can. The content script asks for the fields an adapter describes; the
 * page-world script answers with three strings (name, school, role) and one
 * flag, nothing else. It never reads or passes on the journal's tokens (`at`,
 * aupd_token, cookies): the paths it may walk are validated (FORBIDDEN_SEGMENT),
 * it reads only the globals on a closed list, and only strings leave it.
 *
 * Both messages travel through window.postMessage on the page's own window,
 * so the page can see and forge them: the answer is only what the page itself
 * shows anyway, and the content script checks every answer's shape,
 * accepts it only from this window and origin, and only with the random nonce
 * of its own request.
 */

export const BRIDGE_REQUEST = 'profrost:journal-identity:request:v1';
export const BRIDGE_ANSWER = 'profrost:journal-identity:answer:v1';

const MAX_TEXT = 200;
const nonceText = string({ max: 32, pattern: /^[a-f0-9]{32}$/ });
const answerText = string({ max: MAX_TEXT });

export interface BridgeRequest {
  type: typeof BRIDGE_REQUEST;
  nonce: string;
  identity: PageGlobalIdentity;
}
export const bridgeRequest = object({ type: oneOf(BRIDGE_REQUEST), nonce: nonceText, identity: pageGlobalIdentity });

export interface BridgeAnswer {
  type: typeof BRIDGE_ANSWER;
  nonce: string;
  name: string;
  school: string;
  role: string;
  notTeacher: boolean;
  /** Whether the page has the global at all (a SPA may have it before the user is in it). */
  found: boolean;
}
export const bridgeAnswer = object({
  type: oneOf(BRIDGE_ANSWER),
  nonce: nonceText,
  name: answerText,
  school: answerText,
  role: answerText,
  notTeacher: boolean,
  found: boolean,
});

/** Narrows `data` when `check` finds nothing wrong with it. */
function valid<T>(check: Check, data: unknown): data is T {
  return check(data, '').length === 0;
}

/** What the content script takes from an answer. */
export type BridgeIdentity = Pick<BridgeAnswer, 'name' | 'school' | 'role' | 'notTeacher'>;
/** What the page world reads: the identity, and whether the global is there at all. */
export type PageRead = BridgeIdentity & { found: boolean };

/** Is this a message from our own page (not a frame, not another origin)? */
function fromThisPage(win: Window, event: MessageEvent): boolean {
  return event.source === win && event.origin === win.location.origin;
}

// ---------------------------------------------------------------- page world

function valueAt(root: unknown, path: string): unknown {
  let current = root;
  for (const segment of path.split('.')) {
    if (FORBIDDEN_SEGMENT.test(segment)) return undefined;
    if (current === null || (typeof current !== 'object' && typeof current !== 'function')) return undefined;
    try {
      current = (current as Record<string, unknown>)[segment];
    } catch {
      return undefined; // a throwing getter of the page
    }
  }
  return current;
}

/** Only strings (or lists of strings, such as roles) ever leave the page world; ids and objects do not. */
function asText(value: unknown): string {
  if (typeof value === 'string') return normalizeText(value).slice(0, MAX_TEXT);
  if (Array.isArray(value)) {
    const texts = value.filter((item): item is string => typeof item === 'string').map(normalizeText);
    return texts.filter(Boolean).join(', ').slice(0, MAX_TEXT);
  }
  return '';
}

function firstText(root: unknown, candidates: (string | string[])[] | undefined): string {
  for (const candidate of candidates ?? []) {
    const paths = typeof candidate === 'string' ? [candidate] : candidate;
    const text = normalizeText(paths.map((path) => asText(valueAt(root, path))).join(' ')).slice(0, MAX_TEXT);
    if (text) return text;
  }
  return '';
}

/** Runs in the page world: reads the fields that `identity` names from the page global. */
export function readPageIdentity(win: Window, identity: PageGlobalIdentity): PageRead {
  const root = (win as unknown as Record<string, unknown>)[identity.global];
  const { fields } = identity;
  return {
    name: firstText(root, fields.name),
    school: firstText(root, fields.school),
    role: firstText(root, fields.role),
    notTeacher: (fields.notTeacherFlags ?? []).some((path) => valueAt(root, path) === true),
    found: typeof root === 'object' && root !== null,
  };
}

/**
 * Runs in the page world (the MAIN-world content script): answers valid
 * requests from this very page. Returns a function that stops listening.
 */
export function installPageBridge(win: Window): () => void {
  const onMessage = (event: MessageEvent) => {
    if (!fromThisPage(win, event)) return;
    const request: unknown = event.data;
    if (!valid<BridgeRequest>(bridgeRequest, request)) return;
    const answer: BridgeAnswer = { type: BRIDGE_ANSWER, nonce: request.nonce, ...readPageIdentity(win, request.identity) };
    win.postMessage(answer, win.location.origin);
  };
  win.addEventListener('message', onMessage);
  return () => win.removeEventListener('message', onMessage);
}

// ------------------------------------------------------------- content script

function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

export interface RequestOptions {
  /**
   * Give up after this long. Сетевой город's page starts with a global that
   * holds only its token and fills in the user from an XHR after the load
   * (JOURNALS.md §1a), so a global that is there without a name is waited for.
   */
  timeoutMs?: number;
  /** …but a global that is not there at all (or a page-world script that never answers) only this long. */
  absentMs?: number;
  /** Ask again this often: the page-world script may start later, a SPA may fill its global later. */
  intervalMs?: number;
  signal?: AbortSignal;
}

/**
 * Runs in the content script: asks the page-world script for the identity and
 * resolves with the first answer that has a name, or at the deadline with the
 * last valid answer (or null when none came).
 */
export function requestPageIdentity(
  win: Window,
  identity: PageGlobalIdentity,
  { timeoutMs = 10_000, absentMs = 3000, intervalMs = 250, signal }: RequestOptions = {},
): Promise<BridgeIdentity | null> {
  const nonce = newNonce();
  const request: BridgeRequest = { type: BRIDGE_REQUEST, nonce, identity };
  return new Promise((resolve) => {
    let last: BridgeIdentity | null = null;
    let found = false;
    const finish = () => {
      win.removeEventListener('message', onMessage);
      clearInterval(ask);
      clearTimeout(deadline);
      clearTimeout(absent);
      signal?.removeEventListener('abort', finish);
      resolve(last);
    };
    const onMessage = (event: MessageEvent) => {
      if (!fromThisPage(win, event)) return;
      const answer: unknown = event.data;
      if (!valid<BridgeAnswer>(bridgeAnswer, answer) || answer.nonce !== nonce) return;
      const { name, school, role, notTeacher } = answer;
      last = { name: normalizeText(name), school: normalizeText(school), role: normalizeText(role), notTeacher };
      found ||= answer.found;
      if (last.name || last.notTeacher) finish();
    };
    const send = () => win.postMessage(request, win.location.origin);
    win.addEventListener('message', onMessage);
    const ask = setInterval(send, intervalMs);
    const deadline = setTimeout(finish, timeoutMs);
    const absent = setTimeout(() => found || finish(), Math.min(absentMs, timeoutMs));
    signal?.addEventListener('abort', finish);
    send();
  });
}
