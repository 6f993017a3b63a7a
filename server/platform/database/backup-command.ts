import fs from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../config.ts';
import { messages } from '../messages.ts';
import { parseCommandArgs } from '../cli/cli-args.ts';
import { backupDatabase, backupFileName, restoreDatabase, rotateBackups } from './backup.ts';
import { openDatabase } from './database.ts';
import { CliError } from '../cli/cli-error.ts';

/**
 * `profrost backup FILE` or `profrost backup FOLDER/ [--keep N]`: safe while
 * the server runs. Into a folder, each copy is named by its time, and
 * `--keep N` removes all but the newest N of them.
 */
export async function backupCommand(args: string[]): Promise<void> {
  const { values, positionals } = parseCommandArgs(args, { keep: { type: 'string' }, timeout: { type: 'string' } }, messages.backup.usageBackup, 1);
  const [given] = positionals;
  if (!given) throw new CliError(messages.backup.usage);
  const keep = values.keep === undefined ? undefined : positiveInteger(values.keep, messages.backup.badKeep);
  const timeoutMinutes = values.timeout === undefined ? 30 : positiveInteger(values.timeout, messages.backup.badTimeout);
  const intoFolder = given.endsWith('/') || given.endsWith(path.sep) || (fs.existsSync(given) && fs.statSync(given).isDirectory());
  if (keep !== undefined && !intoFolder) throw new CliError(messages.backup.keepNeedsFolder);
  const file = intoFolder ? path.join(given, backupFileName()) : given;

  const db = openDatabase(loadConfig().dataDir);
  const started = Date.now();
  try {
    await backupDatabase(db, file, { timeoutMs: timeoutMinutes * 60_000 });
  } finally {
    db.close();
  }
  console.log(messages.backup.done(path.resolve(file), (Date.now() - started) / 1000));
  if (keep !== undefined) {
    const removed = rotateBackups(path.dirname(path.resolve(file)), keep);
    if (removed.length) console.log(messages.backup.rotated(removed.length, keep));
  }
}

function positiveInteger(value: string, refusal: string): number {
  if (!/^\d+$/.test(value) || Number(value) < 1) throw new CliError(refusal);
  return Number(value);
}

/** `profrost restore FILE`: with the server stopped. */
export async function restoreCommand(args: string[]): Promise<void> {
  const [file] = args;
  if (!file) throw new CliError(messages.backup.usage);
  const kept = restoreDatabase(loadConfig().dataDir, file);
  console.log(messages.backup.restored(file, kept));
}
