import type { JournalReportRequest, SkeletonNodeWire } from '../../../shared/api/journal-reports.ts';
import { FORBIDDEN_SEGMENT, PAGE_GLOBALS } from '../../../shared/journals/adapter-schema.ts';

/**
 * A first draft of an adapter override from a report's skeleton, for the
 * administrator to correct and publish with `profrost journals publish` (which
 * checks it as it checks any document): the reported path as a teacher page,
 * and a guess at where the name is, a page global's key or an element, always
 * `unconfirmed`, so that the teacher still confirms the name. Null for a page
 * no built-in adapter claimed (`unknown`): an override cannot add a journal.
 */
export function draftOverride(report: Pick<JournalReportRequest, 'journal' | 'skeleton'>): { version: 1; adapters: Record<string, unknown>[] } | null {
  if (report.journal === 'unknown') return null;
  const entry: Record<string, unknown> = { id: report.journal, teacherPages: [pathPattern(report.skeleton.path)] };
  const identity = globalIdentity(report.skeleton.globals) ?? domIdentity(report.skeleton.dom);
  if (identity) entry.identity = identity;
  return { version: 1, adapters: [entry] };
}

/** `/app/school/journal/:id` → `^/app/school/journal/\d+/?$`. */
export function pathPattern(path: string): string {
  const escaped = path
    .replace(/\/+$/, '')
    .split(/(:id|:text)/)
    .map((part) => (part === ':id' ? '\\d+' : part === ':text' ? '[^/]+' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return `^${escaped}/?$`;
}

const nameKey = /(^|[._])(full_?name|user_?name|fio|name)$/i;

function globalIdentity(globals: JournalReportRequest['skeleton']['globals']) {
  for (const global of globals) {
    if (!(PAGE_GLOBALS as readonly string[]).includes(global.name)) continue;
    const path = global.keys
      .map((key) => key.replace(/\[\]/g, '.0'))
      .find((key) => nameKey.test(key) && key.split('.').every((segment) => !FORBIDDEN_SEGMENT.test(segment)) && /user|person|profile/i.test(key));
    if (path) return { source: 'pageGlobal', confidence: 'unconfirmed', global: global.name, fields: { name: [path] } };
  }
  return null;
}

const nameElement = /user.?name|name.?user|fio|full.?name|username|profile.?name/i;

function domIdentity(root: SkeletonNodeWire) {
  const stack = [root];
  while (stack.length) {
    const node = stack.shift()!;
    if (node.text) {
      if (node.id && !node.id.includes(':') && nameElement.test(node.id)) return { source: 'dom', confidence: 'unconfirmed', name: `#${node.id}` };
      const named = node.classes?.find((name) => !name.includes(':') && nameElement.test(name));
      if (named) return { source: 'dom', confidence: 'unconfirmed', name: `.${named}` };
    }
    stack.push(...(node.children ?? []));
  }
  return null;
}
