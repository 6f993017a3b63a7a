import { z } from 'zod';
import {
  adapterSchema,
  identitySchema,
  type JournalAdapter,
  matchPatternSchema,
  mountSchema,
  pathRegexSchema,
  selectorSchema,
} from './adapter.ts';

/*
 * A server-published correction of a built-in adapter. It can change the
 * adapter's data (page patterns, selectors, global paths, mount, confidence)
 * and switch it off (`enabled: false`, the kill switch); it cannot add an
 * adapter, add a host the extension was not built for, or carry code: every
 * field is validated by the same schemas as the built-in data, and unknown
 * fields make the whole override invalid. An invalid override is ignored and
 * the built-in adapter stays as shipped.
 */

export const adapterOverrideSchema = z
  .object({
    id: adapterSchema.shape.id,
    enabled: z.boolean().optional(),
    title: adapterSchema.shape.title.optional(),
    /** Only a subset of the built-in hosts: switch the adapter off in one region. */
    hosts: z.array(matchPatternSchema).min(1).max(50).optional(),
    teacherPages: z.array(pathRegexSchema).min(1).max(20).optional(),
    excludePages: z.array(pathRegexSchema).max(20).optional(),
    /** null removes the built-in requirement. */
    requireSelector: selectorSchema.nullable().optional(),
    excludeRoles: z.array(pathRegexSchema).max(10).optional(),
    /** null: "the markup changed, we do not know it": the teacher confirms the name. */
    identity: identitySchema.nullable().optional(),
    mount: mountSchema.optional(),
  })
  .strict();
export type AdapterOverride = z.infer<typeof adapterOverrideSchema>;

/** What the server publishes and the extension caches. */
export const overrideDocumentSchema = z
  .object({
    version: z.literal(1),
    adapters: z.array(z.unknown()).max(100),
  })
  .strict();

export type OverrideCheck = { ok: true; adapter: JournalAdapter } | { ok: false; problems: string[] };

/** Validates `override` against `builtIn` and returns the adapter it yields, or why it was refused. */
export function checkOverride(builtIn: JournalAdapter, override: unknown): OverrideCheck {
  const parsed = adapterOverrideSchema.safeParse(override);
  if (!parsed.success) {
    return { ok: false, problems: parsed.error.issues.map((issue) => `${issue.path.join('.') || '(override)'}: ${issue.message}`) };
  }
  const { id, requireSelector, identity, ...fields } = parsed.data;
  if (id !== builtIn.id) return { ok: false, problems: [`id: the override is for "${id}", not "${builtIn.id}"`] };
  const newHosts = (fields.hosts ?? []).filter((host) => !builtIn.hosts.includes(host));
  if (newHosts.length > 0) return { ok: false, problems: [`hosts: not among the built-in hosts: ${newHosts.join(', ')}`] };

  const merged: Record<string, unknown> = { ...builtIn };
  for (const [key, value] of Object.entries(fields)) if (value !== undefined) merged[key] = value;
  if (requireSelector === null) delete merged.requireSelector;
  else if (requireSelector !== undefined) merged.requireSelector = requireSelector;
  if (identity === null) delete merged.identity;
  else if (identity !== undefined) merged.identity = identity;

  const result = adapterSchema.safeParse(merged);
  return result.success
    ? { ok: true, adapter: result.data }
    : { ok: false, problems: result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`) };
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
  const parsed = overrideDocumentSchema.safeParse(document);
  if (!parsed.success) return builtIns;
  return builtIns.map((builtIn) =>
    parsed.data.adapters.reduce<JournalAdapter>((adapter, entry) => {
      const entryId = typeof entry === 'object' && entry !== null ? (entry as { id?: unknown }).id : undefined;
      return entryId === builtIn.id ? applyOverride(adapter, entry) : adapter;
    }, builtIn),
  );
}

/** Where the extension caches the override document the server published (browser.storage.local). */
export const OVERRIDE_STORAGE_KEY = 'journalAdapterOverrides';
