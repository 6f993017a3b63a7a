import { ConfigError } from '../config.ts';
import { messages } from '../messages.ts';
import { StorageError } from '../storage/database.ts';
import { backupCommand, restoreCommand } from './backup-command.ts';
import { CliError } from './cli-error.ts';
import { demoCommand } from './demo-command.ts';
import { journalsCommand } from './journals-command.ts';
import { programsCommand } from './programs-command.ts';
import { serveCommand } from './serve-command.ts';
import { rosterCommand } from './roster-command.ts';
import { codesCommand, councilTokenCommand, devicesCommand, staffCommand } from './admin-commands.ts';

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
