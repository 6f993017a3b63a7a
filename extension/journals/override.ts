import { adapterFields, adapterProblems, type JournalAdapter } from '../../shared/journals/adapter-schema.ts';
import { anything, arrayOf, nullable, object, oneOf } from '../../shared/journals/check.ts';

/*
 * A server-published correction of a built-in adapter. It can change the
 * adapter's data (page patterns, selectors, global paths, mount, confidence)
 * and switch it off (`enabled: false`, the kill switch); it cannot add an
 * adapter, add a host the extension was not built for, or carry code: every
 * field is validated by the same checks as the built-in data, and unknown
 * fields make the whole override invalid. An invalid override is ignored and
 * the built-in adapter stays as shipped.
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

export type OverrideCheck = { ok: true; adapter: JournalAdapter } | { ok: false; problems: string[] };

/** Validates `override` against `builtIn` and returns the adapter it yields, or why it was refused. */
export function checkOverride(builtIn: JournalAdapter, override: unknown): OverrideCheck {
  const problems = adapterOverride(override, '');
  if (problems.length > 0) return { ok: false, problems };
  const fields = override as AdapterOverride;
  if (fields.id !== builtIn.id) return { ok: false, problems: [`id: the override is for "${fields.id}", not "${builtIn.id}"`] };
  const newHosts = (fields.hosts ?? []).filter((host) => !builtIn.hosts.includes(host));
  if (newHosts.length > 0) return { ok: false, problems: [`hosts: not among the built-in hosts: ${newHosts.join(', ')}`] };

  const merged: Record<string, unknown> = { ...builtIn };
  for (const [key, value] of Object.entries(fields)) {
    if (value === null) delete merged[key];
    else if (value !== undefined) merged[key] = structuredClone(value);
  }
  const mergedProblems = adapterProblems(merged);
  return mergedProblems.length === 0 ? { ok: true, adapter: merged as unknown as JournalAdapter } : { ok: false, problems: mergedProblems };
}

/** Pure: the adapter with the override applied, or the built-in adapter unchanged if the override is invalid. */
export function applyOverride(builtIn: JournalAdapter, override: unknown): JournalAdapter {
  const check = checkOverride(builtIn, override);
  return check.ok ? check.adapter : builtIn;
}

/**
 * Applies a published override document to the built-in adapters. Entries for
 * unknown ids and invalid entries are ignored; a broken document changes nothing.
 */
export function applyOverrides(builtIns: JournalAdapter[], document: unknown): JournalAdapter[] {
  if (overrideDocument(document, '').length > 0) return builtIns;
  const { adapters } = document as { adapters: unknown[] };
  return builtIns.map((builtIn) =>
    adapters.reduce<JournalAdapter>((adapter, entry) => {
      const entryId = typeof entry === 'object' && entry !== null ? (entry as { id?: unknown }).id : undefined;
      return entryId === builtIn.id ? applyOverride(adapter, entry) : adapter;
    }, builtIn),
  );
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
export function documentProblems(builtIns: JournalAdapter[], document: unknown): { document: string[]; entries: EntryProblems[] } {
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
    const check = checkOverride(builtIn, entry);
    return check.ok ? [] : [{ index, id, problems: check.problems }];
  });
  return { document: [], entries };
}

/** Where the extension caches the override document the server published (browser.storage.local). */
export const OVERRIDE_STORAGE_KEY = 'journalAdapterOverrides';
