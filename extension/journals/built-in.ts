import type { JournalAdapter } from '../../shared/journals/adapter-schema.ts';
import { barsJournal } from './bars.ts';
import { demoJournal } from './demo.ts';
import { dnevnikJournal } from './dnevnik.ts';
import { eljurJournal } from './eljur.ts';
import { meshJournals } from './mesh.ts';
import { sgoJournal } from './sgo.ts';

/**
 * The adapters a build for `serverUrl` ships with (the demo journal lives on
 * that server). Plain data and no browser API. Each takes its id and hosts
 * from knownJournals, and they come in the order of knownJournalsFor
 * (shared/journals/known-journals.ts), which is what the server checks a
 * published override against and wxt.config.ts grants host permissions for.
 *
 * Their data are checked by the tests (extension/journals/registry.test.ts
 * runs adapterProblems over every built-in), not at load: checking them on every
 * journal page cost about 2 ms of the page's main thread (measured in Chromium)
 * for data that cannot change.
 */
export function builtInAdaptersFor(serverUrl: string): JournalAdapter[] {
  return [demoJournal(serverUrl), sgoJournal, ...meshJournals, eljurJournal, dnevnikJournal, barsJournal];
}
