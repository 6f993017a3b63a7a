import { parseArgs, type ParseArgsConfig } from 'node:util';
import { messages } from '../messages.ts';
import { CliError } from './cli-error.ts';

type Options = NonNullable<ParseArgsConfig['options']>;

/**
 * `node:util` parseArgs with its English errors turned into one Russian
 * sentence that shows the command's usage.
 */
export function parseCommandArgs<O extends Options>(args: string[], options: O, usage: string, positionals = 0) {
  let parsed;
  try {
    parsed = parseArgs({ args, options, allowPositionals: positionals > 0, strict: true });
  } catch {
    throw new CliError(messages.admin.badArguments(usage));
  }
  if (parsed.positionals.length > positionals) throw new CliError(messages.admin.badArguments(usage));
  return parsed;
}

/** A required string option, or a sentence naming it. */
export function required(value: string | boolean | (string | boolean)[] | undefined, option: string, usage: string): string {
  if (typeof value !== 'string' || value.trim() === '') throw new CliError(messages.admin.missingOption(option, usage));
  return value.trim();
}
