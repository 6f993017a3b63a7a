import { describe, expect, it } from 'vitest';
import { CliError } from './cli-error.ts';
import { parseCommandArgs, required } from './cli-args.ts';

const usage = 'profrost codes reissue --teacher НОМЕР';
const options = { teacher: { type: 'string' }, force: { type: 'boolean' } } as const;

describe('command arguments', () => {
  it('reads options and as many positionals as the command takes', () => {
    const { values, positionals } = parseCommandArgs(['reissue', '--teacher', '42', '--force'], options, usage, 1);
    expect(values).toEqual({ teacher: '42', force: true });
    expect(positionals).toEqual(['reissue']);
    expect(parseCommandArgs(['--teacher=7'], options, usage).values).toEqual({ teacher: '7' });
  });

  it.each([
    ['an unknown option', ['--teachr', '42'], 0],
    ['an option without its value', ['--teacher'], 0],
    ['a value for a flag', ['--force=yes'], 0],
    ['a positional the command does not take', ['42'], 0],
    ['one positional too many', ['reissue', 'extra'], 1],
  ])('refuses %s with one Russian sentence showing the usage', (_, args, positionals) => {
    const parse = () => parseCommandArgs(args, options, usage, positionals);
    expect(parse).toThrow(CliError);
    expect(parse).toThrow(`Неверные параметры команды. Использование: ${usage}`);
  });
});

describe('a required option', () => {
  it('gives the value trimmed', () => {
    expect(required('  42 ', '--teacher', usage)).toBe('42');
  });

  it.each([
    ['missing', undefined],
    ['blank', '   '],
    ['a flag', true],
  ])('is refused when %s, naming the option', (_, value) => {
    expect(() => required(value, '--teacher', usage)).toThrow(CliError);
    expect(() => required(value, '--teacher', usage)).toThrow(`Не указан параметр --teacher. Использование: ${usage}`);
  });
});
