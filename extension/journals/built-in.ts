import type { JournalAdapter } from './adapter.ts';
import { barsJournal } from './bars.ts';
import { demoJournal } from './demo.ts';
import { dnevnikJournal } from './dnevnik.ts';
import { eljurJournal } from './eljur.ts';
import { meshJournals } from './mesh.ts';
import { sgoJournal } from './sgo.ts';

/**
 * The adapters a build for `serverUrl` ships with (the demo journal lives on
 * that server). Plain data and no browser API, so that the server checks a
 * published override against exactly what the extension will check it against.
 */
export function builtInAdaptersFor(serverUrl: string): JournalAdapter[] {
  return [demoJournal(serverUrl), sgoJournal, ...meshJournals, eljurJournal, dnevnikJournal, barsJournal];
}
