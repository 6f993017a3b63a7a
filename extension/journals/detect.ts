import { MatchPattern } from 'wxt/utils/match-patterns';
import {
  type DomField,
  identitySources,
  type JournalAdapter,
  type JournalMount,
  type PageGlobalIdentity,
  type ProfileRequestIdentity,
} from '../../shared/journals/adapter-schema.ts';
import type { BridgeIdentity } from './page-bridge.ts';
import { type JournalTeacher, NOT_TEACHER_ROLES, normalizeText } from './teacher.ts';

/** What the content script learns about the page it runs in. */
export interface DetectedJournal {
  adapter: JournalAdapter;
  /** What the page says about the logged-in teacher; null when nothing could be read. */
  teacher: JournalTeacher | null;
  /**
   * True when the name is not known for certain: the adapter's description of
   * the journal is unconfirmed, absent, or nothing could be read. The panel
   * must then ask the teacher to confirm (or type) their name, never guess.
   */
  needsConfirmation: boolean;
  mount: JournalMount;
}

/** Reads a page global through the page-world bridge (see page-bridge.ts); null if no answer. */
export type PageGlobalReader = (identity: PageGlobalIdentity) => Promise<BridgeIdentity | null>;
/** Sends one of the closed list's same-origin profile requests (profile-request.ts); null if it yields nothing. */
export type ProfileRequestReader = (identity: ProfileRequestIdentity) => Promise<BridgeIdentity | null>;

/** How the content script reads what is not in the DOM; a missing reader skips that source. */
export interface IdentityReaders {
  pageGlobal?: PageGlobalReader;
  profileRequest?: ProfileRequestReader;
}

function safeRegex(source: string, flags = ''): RegExp | null {
  try {
    return new RegExp(source, flags);
  } catch {
    return null;
  }
}

function matchesAny(sources: string[], text: string, flags = ''): boolean {
  return sources.some((source) => safeRegex(source, flags)?.test(text) ?? false);
}

/** Is `url` matched by one of these match patterns (`https://*.eljur.ru/*`)? An invalid pattern matches nothing. */
export function matchesAnyPattern(patterns: string[], url: URL): boolean {
  return patterns.some((pattern) => {
    try {
      // A string, not the URL: MatchPattern tests other arguments with `instanceof Location`, which throws in a service worker.
      return new MatchPattern(pattern).includes(url.href);
    } catch {
      return false;
    }
  });
}

export function hostMatches(adapter: JournalAdapter, url: URL): boolean {
  return matchesAnyPattern(adapter.hosts, url);
}

function hasElement(document: Document, selector: string): boolean {
  try {
    return document.querySelector(selector) !== null;
  } catch {
    return false;
  }
}

/** Enabled, on one of its hosts, a teacher page by its path, and (if asked) with the signed-in marker. */
export function isTeacherPage(adapter: JournalAdapter, url: URL, document: Document): boolean {
  return (
    adapter.enabled &&
    hostMatches(adapter, url) &&
    matchesAny(adapter.teacherPages, url.pathname) &&
    !matchesAny(adapter.excludePages ?? [], url.pathname) &&
    (adapter.requireSelector === undefined || hasElement(document, adapter.requireSelector))
  );
}

export function matchJournal(url: URL, document: Document, adapters: JournalAdapter[]): JournalAdapter | null {
  return adapters.find((adapter) => isTeacherPage(adapter, url, document)) ?? null;
}

export function readDomField(document: Document, field: DomField | undefined): string {
  if (field === undefined) return '';
  try {
    if (typeof field === 'string') return normalizeText(document.querySelector(field)?.textContent);
    const wanted = normalizeText(field.label).replace(/:$/, '').toLowerCase();
    for (const label of document.querySelectorAll(field.labelSelector)) {
      if (normalizeText(label.textContent).replace(/:$/, '').toLowerCase() !== wanted) continue;
      let value: Element | null = label.nextElementSibling;
      while (value && !value.matches(field.valueSelector)) value = value.nextElementSibling;
      value ??= label.parentElement?.querySelector(field.valueSelector) ?? null;
      if (!value) continue;
      const formValue = 'value' in value && typeof value.value === 'string' ? value.value : null;
      return normalizeText(formValue ?? value.textContent);
    }
  } catch {
    // an invalid selector (e.g. from a faulty override) finds nothing
  }
  return '';
}

/**
 * Whether the roles the journal gives (one text, several roles joined by
 * commas: Сетевой город's `["Teacher", "Parent"]`) say the user is not
 * staff: every one of them is a pupil's or a parent's. A teacher who is also
 * a parent is a teacher.
 */
export function isNotTeacherRole(adapter: Pick<JournalAdapter, 'excludeRoles'>, role: string): boolean {
  const roles = role
    .split(',')
    .map((one) => one.trim())
    .filter(Boolean);
  if (roles.length === 0) return false;
  const notStaff = (one: string) => {
    const lower = one.toLowerCase();
    return NOT_TEACHER_ROLES.some((word) => lower.includes(word)) || matchesAny(adapter.excludeRoles ?? [], one, 'i');
  };
  return roles.every(notStaff);
}

/**
 * Which journal's teacher page this is and who is logged in, or null: then the
 * extension shows nothing. The adapter's identity sources are tried in their
 * order (page global, profile request, markup); the first that yields a name
 * wins, and any that says "not a teacher" ends it. Page globals are read only
 * through `readers.pageGlobal` (the page-world bridge), profile requests only
 * through `readers.profileRequest`; without them those sources are skipped.
 */
export async function detectJournal(url: URL, document: Document, adapters: JournalAdapter[], readers: IdentityReaders = {}): Promise<DetectedJournal | null> {
  const adapter = matchJournal(url, document, adapters);
  if (!adapter) return null;

  let teacher: JournalTeacher | null = null;
  let confirmed = false;
  for (const identity of identitySources(adapter)) {
    let read: (JournalTeacher & { notTeacher: boolean }) | null = null;
    if (identity.source === 'dom') {
      read = {
        name: readDomField(document, identity.name),
        school: readDomField(document, identity.school),
        role: readDomField(document, identity.role),
        notTeacher: false,
      };
    } else if (identity.source === 'pageGlobal') {
      read = (await readers.pageGlobal?.(identity)) ?? null;
    } else {
      read = (await readers.profileRequest?.(identity)) ?? null;
    }
    if (read && (read.notTeacher || isNotTeacherRole(adapter, read.role))) return null;
    if (read?.name) {
      teacher = { name: read.name, school: read.school, role: read.role };
      confirmed = identity.confidence === 'confirmed';
      break;
    }
  }
  return { adapter, teacher, needsConfirmation: teacher === null || !confirmed, mount: adapter.mount };
}

/**
 * Where the launcher's host element goes. A mount next to an element falls back
 * to floating (the end of <body>) when the element is missing or the selector is invalid.
 */
export function resolveMount(document: Document, mount: JournalMount): { anchor: Element | 'body'; append: 'first' | 'last' | 'before' | 'after' } {
  if (mount === 'floating') return { anchor: 'body', append: 'last' };
  try {
    const anchor = document.querySelector(mount.selector);
    if (anchor) return { anchor, append: mount.position };
  } catch {
    // fall through: floating
  }
  return { anchor: 'body', append: 'last' };
}
