import { loadConfig } from '../config.ts';
import { messages } from '../messages.ts';
import { backupDatabase, restoreDatabase } from './backup.ts';
import { openDatabase } from './database.ts';
import { CliError } from '../cli/cli-error.ts';

/** `profrost backup FILE`: safe while the server runs. */
export async function backupCommand(args: string[]): Promise<void> {
  const [file] = args;
  if (!file) throw new CliError(messages.backup.usage);
  const db = openDatabase(loadConfig().dataDir);
  try {
    let shown = -1;
    await backupDatabase(db, file, ({ totalPages, remainingPages }) => {
      const percent = totalPages ? Math.floor(((totalPages - remainingPages) / totalPages) * 100) : 100;
      // Only big databases take long enough to need a progress line.
      if (totalPages > 10_000 && percent >= shown + 10) {
        shown = percent;
        process.stderr.write(messages.backup.progress(percent));
      }
    });
    console.log(messages.backup.done(file));
  } finally {
    db.close();
  }
}

/** `profrost restore FILE`: with the server stopped. */
export async function restoreCommand(args: string[]): Promise<void> {
  const [file] = args;
  if (!file) throw new CliError(messages.backup.usage);
  const kept = restoreDatabase(loadConfig().dataDir, file);
  console.log(messages.backup.restored(file, kept));
}
