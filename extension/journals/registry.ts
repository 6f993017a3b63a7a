import { identitySources, type JournalAdapter } from '../../shared/journals/adapter-schema.ts';
import { builtInAdaptersFor } from './built-in.ts';

// wxt.config.ts always sets the variable; the fallback (its own default) only serves unit tests.
const serverUrl = import.meta.env.WXT_PROFROST_SERVER_URL ?? 'http://localhost:8787';

/** The adapters this build ships with. Overrides (override.ts) may correct or switch them off, never add one. */
export const builtInAdapters: JournalAdapter[] = builtInAdaptersFor(serverUrl);

/**
 * The pages the content scripts run on: only the known journals' hosts (and
 * the demo journal on the configured server). Nothing else is ever matched.
 */
export const journalMatchPatterns: string[] = [...new Set(builtInAdapters.flatMap((adapter) => adapter.hosts))];

/**
 * The pages the page-world bridge runs on: only journals whose teacher is
 * described by a page global (Сетевой город, Дневник.ру, ЭлЖур). The list of globals
 * the bridge may read is closed and belongs to these journals, so no override
 * can need it elsewhere; every other journal page gets no script in its world.
 */
export const pageGlobalMatchPatterns: string[] = [
  ...new Set(
    builtInAdapters.filter((adapter) => identitySources(adapter).some((source) => source.source === 'pageGlobal')).flatMap((adapter) => adapter.hosts),
  ),
];

export { type DetectedJournal, detectJournal } from './detect.ts';
