import { MatchPattern } from 'wxt/utils/match-patterns';
import type { DomField, JournalAdapter, JournalMount, PageGlobalIdentity } from '../../shared/journals/adapter-schema.ts';
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

function isNotTeacherRole(adapter: JournalAdapter, role: string): boolean {
  if (!role) return false;
  const lower = role.toLowerCase();
  return NOT_TEACHER_ROLES.some((word) => lower.includes(word)) || matchesAny(adapter.excludeRoles ?? [], role, 'i');
}

/**
 * Which journal's teacher page this is and who is logged in, or null: then the
 * extension shows nothing. Page globals are read only through `readPageGlobal`
 * (the page-world bridge); without it, such an adapter yields an unknown teacher.
 */
export async function detectJournal(
  url: URL,
  document: Document,
  adapters: JournalAdapter[],
  readPageGlobal?: PageGlobalReader,
): Promise<DetectedJournal | null> {
  const adapter = matchJournal(url, document, adapters);
  if (!adapter) return null;
  const identity = adapter.identity;

  let read: (JournalTeacher & { notTeacher: boolean }) | null = null;
  if (identity?.source === 'dom') {
    read = {
      name: readDomField(document, identity.name),
      school: readDomField(document, identity.school),
      role: readDomField(document, identity.role),
      notTeacher: false,
    };
  } else if (identity?.source === 'pageGlobal' && readPageGlobal) {
    read = await readPageGlobal(identity);
  }

  if (read && (read.notTeacher || isNotTeacherRole(adapter, read.role))) return null;
  const teacher = read?.name ? { name: read.name, school: read.school, role: read.role } : null;
  return {
    adapter,
    teacher,
    needsConfirmation: teacher === null || identity?.confidence !== 'confirmed',
    mount: adapter.mount,
  };
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
