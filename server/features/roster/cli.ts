import fs from 'node:fs';
import { loadConfig } from '../../platform/config.ts';
import { messages } from './messages.ts';
import { codesCsv, codesLines } from './codes-file.ts';
import { RosterFileError, importRoster } from './import-roster.ts';
import { openDatabase } from '../../platform/database/database.ts';
import { parseCommandArgs } from '../../platform/cli/cli-args.ts';
import { groupedInvalidRows } from '../../platform/cli/invalid-rows.ts';
import { CliError } from '../../platform/cli/cli-error.ts';

const t = messages.roster;

/**
 * `profrost roster import FILE.csv [--codes-out FILE.csv] [--skip-invalid]`.
 * The codes file is created before the import (never over an existing
 * file), so that codes are not issued and then lost for want of a place
 * to write them; it is removed again when nothing was imported.
 */
export async function rosterCommand(args: string[]): Promise<void> {
  const { values, positionals } = parseCommandArgs(args, { 'codes-out': { type: 'string' }, 'skip-invalid': { type: 'boolean' } }, t.usage, 2);
  const [sub, file] = positionals;
  if (sub !== 'import' || !file) throw new CliError(t.usage);
  if (!fs.existsSync(file) || !fs.statSync(file).isFile()) throw new CliError(t.fileMissing(file));
  const content = fs.readFileSync(file);

  const codesOut = values['codes-out'];
  let codesFd: number | undefined;
  if (codesOut) {
    try {
      codesFd = fs.openSync(codesOut, 'wx', 0o600);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      throw new CliError(code === 'EEXIST' ? t.codesOutExists(codesOut) : t.codesOutUnwritable(codesOut, (error as Error).message));
    }
  }

  const db = openDatabase(loadConfig().dataDir);
  let written = false;
  try {
    const result = importRoster(db, content, { skipInvalid: values['skip-invalid'] ?? false, actor: 'cli' });
    for (const line of groupedInvalidRows(result.invalid)) console.error(`  ${line}`);
    if (!result.imported) throw new CliError(t.notImported(result.invalid.length));
    if (codesFd !== undefined && codesOut) {
      fs.writeSync(codesFd, codesCsv(result.created, result.delimiter));
      written = true;
      if (result.created.length) console.log(t.codesWritten(result.created.length, codesOut));
    } else if (result.created.length) {
      console.log([t.codesHeading, ...codesLines(result.created)].join('\n'));
    }
    console.log(t.summary(result.created.length, result.existing, result.invalid.length));
  } catch (error) {
    if (error instanceof RosterFileError) throw new CliError(error.message);
    throw error;
  } finally {
    db.close();
    if (codesFd !== undefined && codesOut) {
      fs.closeSync(codesFd);
      if (!written) fs.rmSync(codesOut, { force: true });
    }
  }
}
