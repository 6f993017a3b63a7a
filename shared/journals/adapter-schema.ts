import { anyOf, arrayOf, boolean, type Check, isRecord, object, oneOf, string } from './check.ts';

/*
 * A journal adapter is DATA, not code: URL patterns, CSS selectors and paths
 * into a page global, in a plain object that this schema validates. The server
 * may publish an override of these data (see override.ts) to correct or
 * switch off a broken adapter without a new release; the extension never runs
 * code it did not ship with, so nothing in here is ever evaluated as code.
 * Regexes are compiled with `new RegExp`, selectors go to `querySelector`,
 * paths are walked property by property.
 *
 * The schema lives in shared/ because both sides check the same data: the
 * extension its built-in adapters (one a file, extension/journals/<journal>.ts)
 * and the overrides it receives, the server an override before publishing it.
 */

export type DomField = string | { labelSelector: string; label: string; valueSelector: string };

export interface DomIdentity {
  source: 'dom';
  confidence: Confidence;
  name: DomField;
  school?: DomField;
  role?: DomField;
}

/** One way to read a value: a single path, or several paths whose values are joined by a space (last, first, middle name). */
export type GlobalField = string | string[];

export interface PageGlobalIdentity {
  source: 'pageGlobal';
  confidence: Confidence;
  global: PageGlobal;
  fields: {
    /** Candidates tried in order; the first non-empty value wins. */
    name: GlobalField[];
    school?: GlobalField[];
    role?: GlobalField[];
    /** Paths to flags that, when true, say the logged-in user is not staff (isStudent, isParent). */
    notTeacherFlags?: string[];
  };
}

/**
 * A same-origin, read-only request the journal's own page makes anyway, from a
 * closed list (PROFILE_REQUESTS): sent by the content script with the page's
 * own cookie (the browser adds it; the extension never reads it) and no token
 * header; only the named fields of the answer are kept.
 */
export interface ProfileRequestIdentity {
  source: 'profileRequest';
  confidence: Confidence;
  request: ProfileRequestId;
}

export type JournalIdentity = DomIdentity | PageGlobalIdentity | ProfileRequestIdentity;

/** The sources of an adapter's identity, in the order they are tried (the first that yields a name wins). */
export function identitySources(adapter: Pick<JournalAdapter, 'identity'>): JournalIdentity[] {
  const { identity } = adapter;
  if (!identity) return [];
  return Array.isArray(identity) ? identity : [identity];
}

/**
 * How reliable the identity description is. `confirmed`: checked against the
 * journal's real pages. `unconfirmed`: reconstructed from public open-source
 * clients or guessed; the panel must ask the teacher to confirm the name.
 */
export type Confidence = 'confirmed' | 'unconfirmed';

/** Where the launcher goes: floating in the corner, or next to an element of the journal. */
export type JournalMount = 'floating' | { selector: string; position: 'first' | 'last' | 'before' | 'after' };

export interface JournalAdapter {
  id: string;
  /** The journal's name as teachers know it. */
  title: string;
  /** Match patterns of the journal's pages, for the manifest. */
  hosts: string[];
  /** A page is a teacher page if its path matches one of these… */
  teacherPages: string[];
  /** …and none of these (sign-in, student and parent pages). */
  excludePages?: string[];
  /** An element that only a signed-in page has; checked before anything is injected. */
  requireSelector?: string;
  /** Role texts that mean "not a teacher" (case-insensitive regexes): the launcher is removed. */
  excludeRoles?: string[];
  /**
   * Where the teacher's name is read, one source or several tried in order: the
   * journal's page global, then a same-origin profile request, then the page's
   * markup. Absent: nothing can be read; the launcher floats and the teacher
   * confirms their name.
   */
  identity?: JournalIdentity | JournalIdentity[];
  mount: JournalMount;
  enabled: boolean;
}

// ------------------------------------------------------------------ checks

/** Match pattern, as in the manifest: `https://sgo.e-yakutia.ru/*`, `https://*.eljur.ru/*`. */
export const matchPattern = string({ max: 200, pattern: /^(https?|\*):\/\/(\*|(\*\.)?[a-z0-9.-]+)\/.*$/ });

function compiles(source: string): boolean {
  try {
    new RegExp(source);
    return true;
  } catch {
    return false;
  }
}

/** A regular expression (as a string) tested against the page's path (`url.pathname`). */
export const pathRegex = string({ min: 1, max: 300, test: [compiles, 'not a valid regular expression'] });

/** A CSS selector; an invalid one simply finds nothing (querySelector errors are caught). */
export const selector = string({ min: 1, max: 300 });

/**
 * Property names that hold credentials in the journals we know (Сетевой город's
 * `at`, МЭШ's aupd_token, session ids, cookies). A path through a page global
 * may never touch them: neither a built-in adapter nor an override can make the
 * extension read a token and show or send it as a "name".
 */
export const FORBIDDEN_SEGMENT = /^(at|__proto__|prototype|constructor)$|token|cookie|session|passw|secret|auth|jwt|key|sid$/i;

/** `user.name`, `userContext.currentContextPerson.school.name`, `roles.0` */
export const globalPath = string({
  max: 160,
  pattern: /^[A-Za-z_$][\w$]*(\.([A-Za-z_$][\w$]*|\d{1,3}))*$/,
  test: [(path) => path.split('.').every((segment) => !FORBIDDEN_SEGMENT.test(segment)), 'the path touches a credential'],
});

const globalFieldCandidates = arrayOf(anyOf(globalPath, arrayOf(globalPath, { min: 1, max: 4 })), { min: 1, max: 4 });

/**
 * The page globals the extension may read. A closed list: an override cannot
 * point the page-world bridge at anything else (localStorage, document.cookie…).
 */
export const PAGE_GLOBALS = ['appContext', '__USER__START__PAGE__INITIAL__STATE__', 'sentryData'] as const;
export type PageGlobal = (typeof PAGE_GLOBALS)[number];

const confidence = oneOf('confirmed', 'unconfirmed');

/**
 * A DOM field: a selector whose text is the value, or a labelled form row —
 * the label element (matching `labelSelector`) whose text is `label`, and the
 * value in the first following sibling (or the row) that matches `valueSelector`.
 */
const domField = anyOf(selector, object({ labelSelector: selector, label: string({ min: 1, max: 100 }), valueSelector: selector }));

const domIdentity = object({ source: oneOf('dom'), confidence, name: domField }, { school: domField, role: domField });

export const pageGlobalIdentity = object({
  source: oneOf('pageGlobal'),
  confidence,
  global: oneOf(...PAGE_GLOBALS),
  fields: object(
    { name: globalFieldCandidates },
    { school: globalFieldCandidates, role: globalFieldCandidates, notTeacherFlags: arrayOf(globalPath, { max: 4 }) },
  ),
});

/**
 * The same-origin requests the extension may send from a journal's page: a
 * closed list, each with its method, path and the answer's fields it keeps.
 * None carries a token header (the browser adds the page's own cookie, which
 * the extension never sees); an override can pick one, never name another.
 * БАРС: open-source clients read `user_fullname` from it (JOURNALS.md §5).
 */
export const PROFILE_REQUESTS = {
  barsPersonData: { method: 'POST', path: '/api/ProfileService/GetPersonData', fields: { name: 'user_fullname' } },
} as const satisfies Record<string, { method: 'GET' | 'POST'; path: string; fields: { name: string; school?: string; role?: string } }>;
export type ProfileRequestId = keyof typeof PROFILE_REQUESTS;

const profileRequestIdentity = object({ source: oneOf('profileRequest'), confidence, request: oneOf(...Object.keys(PROFILE_REQUESTS)) });

/** Told apart by `source`, so that the problems reported are those of the kind meant. */
const oneIdentity: Check = (value, path) => {
  if (isRecord(value) && value.source === 'pageGlobal') return pageGlobalIdentity(value, path);
  if (isRecord(value) && value.source === 'profileRequest') return profileRequestIdentity(value, path);
  return domIdentity(value, path);
};
/** One source, or up to three tried in order. */
export const identity: Check = (value, path) => (Array.isArray(value) ? arrayOf(oneIdentity, { min: 1, max: 3 })(value, path) : oneIdentity(value, path));

export const mount = anyOf(oneOf('floating'), object({ selector, position: oneOf('first', 'last', 'before', 'after') }));

export const adapterFields = {
  id: string({ max: 64, pattern: /^[a-z0-9][a-z0-9.-]{0,63}$/ }),
  title: string({ min: 1, max: 120 }),
  hosts: arrayOf(matchPattern, { min: 1, max: 50 }),
  teacherPages: arrayOf(pathRegex, { min: 1, max: 20 }),
  excludePages: arrayOf(pathRegex, { max: 20 }),
  requireSelector: selector,
  excludeRoles: arrayOf(pathRegex, { max: 10 }),
  identity,
  mount,
  enabled: boolean,
};

/*
 * Each field is checked on its own: no rule relates two fields. The override
 * check relies on it (shared/journals/override.ts): it is what lets the server,
 * which knows of a built-in adapter only its id and hosts, refuse exactly the
 * overrides the extension would.
 */
const { id, title, hosts, teacherPages, mount: mountField, enabled, ...optionalFields } = adapterFields;
export const adapter = object({ id, title, hosts, teacherPages, mount: mountField, enabled }, optionalFields);

/** Why `value` is not a valid adapter (empty when it is). */
export function adapterProblems(value: unknown): string[] {
  return adapter(value, '');
}
