import { adapterProblems, type JournalAdapter } from '../../shared/journals/adapter-schema.ts';
import { type AdapterOverride, adapterOverrideProblems, overrideDocument } from '../../shared/journals/override.ts';

/*
 * Applies the corrections the server published to the built-in adapters (what
 * an override may say, and the checks the server runs too:
 * shared/journals/override.ts). An invalid override is ignored and the
 * built-in adapter stays as shipped.
 */

export type OverrideCheck = { ok: true; adapter: JournalAdapter } | { ok: false; problems: string[] };

/** Validates `override` against `builtIn` and returns the adapter it yields, or why it was refused. */
export function checkOverride(builtIn: JournalAdapter, override: unknown): OverrideCheck {
  const problems = adapterOverrideProblems(builtIn, override);
  if (problems.length > 0) return { ok: false, problems };

  const merged: Record<string, unknown> = { ...builtIn };
  for (const [key, value] of Object.entries(override as AdapterOverride)) {
    if (value === null) delete merged[key];
    else if (value !== undefined) merged[key] = structuredClone(value);
  }
  // Cannot fail while the adapter schema checks each field on its own (see shared/journals/override.ts);
  // kept so that, were a rule across fields added, an invalid adapter would still never reach a page.
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

/** Where the extension caches the override document the server published (browser.storage.local). */
export const OVERRIDE_STORAGE_KEY = 'journalAdapterOverrides';
