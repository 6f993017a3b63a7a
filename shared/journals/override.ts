import { adapterFields, type JournalAdapter } from './adapter-schema.ts';
import { anything, arrayOf, nullable, object, oneOf } from './check.ts';
import type { KnownJournal } from './known-journals.ts';

/*
 * A server-published correction of a built-in adapter. It can change the
 * adapter's data (page patterns, selectors, global paths, mount, confidence)
 * and switch it off (`enabled: false`, the kill switch); it cannot add an
 * adapter, add a host the extension was not built for, or carry code: every
 * field is validated by the same checks as the built-in data, and unknown
 * fields make the whole override invalid. The extension ignores an invalid
 * override (extension/journals/override.ts applies the valid ones); the server
 * publishes a document only if every entry of it is valid.
 *
 * Both run the checks below, and all they need of a built-in adapter is its id
 * and hosts (a KnownJournal, shared/journals/known-journals.ts): the adapter
 * schema checks each field on its own, so an override whose fields pass those
 * same checks, applied to a valid built-in adapter, yields a valid adapter.
 * The server, which has no adapters, thereby refuses exactly what the
 * extension would.
 */

const { id, enabled, title, hosts, teacherPages, excludePages, requireSelector, excludeRoles, identity, mount } = adapterFields;

export const adapterOverride = object(
  { id },
  {
    enabled,
    title,
    /** Only a subset of the built-in hosts: switch the adapter off in one region. */
    hosts,
    teacherPages,
    excludePages,
    /** null removes the built-in requirement. */
    requireSelector: nullable(requireSelector),
    excludeRoles,
    /** null: "the markup changed, we do not know it": the teacher confirms the name. */
    identity: nullable(identity),
    mount,
  },
);

/** Data fields an override may set; null removes the built-in value. */
export type AdapterOverride = { id: string } & {
  [K in Exclude<keyof JournalAdapter, 'id'>]?: JournalAdapter[K] | null;
};

/** What the server publishes and the extension caches. */
export const overrideDocument = object({ version: oneOf(1), adapters: arrayOf(anything, { max: 100 }) });

/** Why `override` may not be applied to the built-in adapter `builtIn` (empty when it may). */
export function adapterOverrideProblems(builtIn: KnownJournal, override: unknown): string[] {
  const problems = adapterOverride(override, '');
  if (problems.length > 0) return problems;
  const fields = override as AdapterOverride;
  if (fields.id !== builtIn.id) return [`id: the override is for "${fields.id}", not "${builtIn.id}"`];
  const newHosts = (fields.hosts ?? []).filter((host) => !builtIn.hosts.includes(host));
  if (newHosts.length > 0) return [`hosts: not among the built-in hosts: ${newHosts.join(', ')}`];
  return [];
}

/** What is wrong with one entry of a document, for whoever publishes it. */
export interface EntryProblems {
  /** Position in `adapters`, from 0. */
  index: number;
  id: string | null;
  problems: string[];
}

/**
 * The publisher's check (the server's `profrost journals publish`): the whole
 * document must be valid and every entry must apply to a built-in adapter,
 * because the extension silently skips what would not. Returns the document's
 * own problems, or the problems entry by entry; both empty means valid.
 */
export function documentProblems(builtIns: KnownJournal[], document: unknown): { document: string[]; entries: EntryProblems[] } {
  const problems = overrideDocument(document, '');
  if (problems.length > 0) return { document: problems, entries: [] };
  const { adapters } = document as { adapters: unknown[] };
  const entries = adapters.flatMap((entry, index): EntryProblems[] => {
    const rawId = typeof entry === 'object' && entry !== null ? (entry as { id?: unknown }).id : undefined;
    const id = typeof rawId === 'string' ? rawId : null;
    const builtIn = builtIns.find((adapter) => adapter.id === id);
    if (!builtIn) {
      const shape = adapterOverride(entry, '');
      return [{ index, id, problems: shape.length > 0 ? shape : [`id: no built-in adapter "${id}"`] }];
    }
    // Entries apply one after another (applyOverrides); one per adapter keeps what is published what is checked.
    if (adapters.findIndex((other) => (other as { id?: unknown } | null)?.id === id) < index) {
      return [{ index, id, problems: [`id: a second entry for "${id}"`] }];
    }
    const entryProblems = adapterOverrideProblems(builtIn, entry);
    return entryProblems.length === 0 ? [] : [{ index, id, problems: entryProblems }];
  });
  return { document: [], entries };
}
