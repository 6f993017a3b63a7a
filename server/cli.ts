import { ConfigError } from './platform/config.ts';
import { messages } from './messages.ts';
import { StorageError } from './platform/database/database.ts';
import { backupCommand, restoreCommand } from './platform/database/backup-command.ts';
import { CliError } from './platform/cli/cli-error.ts';
import { demoCommand } from './features/demo/cli.ts';
import { journalsCommand } from './features/journal-overrides/cli.ts';
import { programsCommand } from './features/catalogue/cli.ts';
import { serveCommand } from './serve-command.ts';
import { rosterCommand } from './features/roster/cli.ts';
import { codesCommand, devicesCommand } from './features/roster/access-commands.ts';
import { staffCommand } from './features/staff/cli.ts';
import { councilTokenCommand } from './features/summaries/cli.ts';

const commands: Record<string, (args: string[]) => Promise<void>> = {
  serve: serveCommand,
  demo: demoCommand,
  backup: backupCommand,
  restore: restoreCommand,
  programs: programsCommand,
  roster: rosterCommand,
  staff: staffCommand,
  'council-token': councilTokenCommand,
  codes: codesCommand,
  devices: devicesCommand,
  journals: journalsCommand,
};

/** The `profrost` command: one sentence and a non-zero exit on any failure. */
export async function main(argv: string[]): Promise<void> {
  const [name = 'help', ...args] = argv;
  if (name === 'help' || name === '--help' || name === '-h') {
    console.log(messages.cli.usage);
    return;
  }
  const command = commands[name];
  if (!command) {
    console.error(messages.cli.unknownCommand(name));
    process.exitCode = 2;
    return;
  }
  try {
    await command(args);
  } catch (error) {
    const expected = error instanceof ConfigError || error instanceof StorageError || error instanceof CliError;
    console.error(messages.cli.failed((error as Error).message));
    if (!expected) console.error(error);
    process.exitCode = 1;
  }
}
