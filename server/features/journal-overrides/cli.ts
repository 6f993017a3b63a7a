import fs from 'node:fs';
import { journalOverridesResponseSchema } from '../../../shared/api/journal-overrides.ts';
import { loadConfig } from '../../platform/config.ts';
import { overrideProblems } from './override-problems.ts';
import { messages } from './messages.ts';
import { openDatabase } from '../../platform/database/database.ts';
import { clearOverrides, publishOverrides } from './store.ts';
import { CliError } from '../../platform/cli/cli-error.ts';

const t = messages.journalOverrides;

function readDocument(file: string): unknown {
  if (!fs.existsSync(file) || !fs.statSync(file).isFile()) throw new CliError(t.fileMissing(file));
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    throw new CliError(t.notJson(file, (error as Error).message));
  }
}

/**
 * `profrost journals publish FILE.json` and `profrost journals clear`: the
 * overrides the extension fetches from GET /api/v1/journal-overrides. A
 * document is published only if the extension would apply every entry of it.
 */
export async function journalsCommand(args: string[]): Promise<void> {
  const [sub, ...rest] = args;
  const config = loadConfig();
  if (sub === 'publish' && rest.length === 1) {
    const document = readDocument(rest[0]!);
    const problems = overrideProblems(document, config.publicUrl);
    for (const problem of problems) console.error(`  ${problem}`);
    if (problems.length > 0) throw new CliError(t.refused(problems.length));
    // The extension's checks passed; the shared schema only gives the document its type.
    const valid = journalOverridesResponseSchema.parse(document);
    const db = openDatabase(config.dataDir);
    try {
      publishOverrides(db, valid, 'cli');
    } finally {
      db.close();
    }
    console.log(t.published(valid.adapters.map((entry) => entry.id)));
  } else if (sub === 'clear' && rest.length === 0) {
    const db = openDatabase(config.dataDir);
    try {
      clearOverrides(db, 'cli');
    } finally {
      db.close();
    }
    console.log(t.cleared);
  } else {
    throw new CliError(t.usage);
  }
}
