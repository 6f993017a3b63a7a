import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { clockSkewMinutes, deviceInstantSchema, withoutControlCharacters } from './input.ts';

describe('withoutControlCharacters', () => {
  const schema = withoutControlCharacters(z.object({ name: z.string(), tags: z.array(z.string()), notes: z.record(z.string(), z.string()) }));
  const good = { name: 'Иванова', tags: ['строка\tс табуляцией', 'две\nстроки'], notes: { ключ: 'значение\r\n' } };

  it('lets through text with tabs and line breaks', () => {
    expect(schema.safeParse(good).success).toBe(true);
  });

  it.each([
    ['NUL in a field', { ...good, name: 'Ива\u0000нова' }, ['name']],
    ['an escape in an array', { ...good, tags: ['ok', '\u001b[2J'] }, ['tags', 1]],
    ['DEL in a value deep down', { ...good, notes: { ключ: 'a\u007f' } }, ['notes', 'ключ']],
    ['a C1 control in a key', { ...good, notes: { 'к\u0085': 'a' } }, ['notes', 'к\u0085']],
  ])('refuses %s, pointing at it, with a Russian sentence', (_, value, path) => {
    const result = schema.safeParse(value);
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]!.path).toEqual(path);
    expect(result.error!.issues[0]!.message).toMatch(/служебный невидимый символ/);
  });
});

describe('deviceInstantSchema', () => {
  const schema = deviceInstantSchema('время прохождения');
  const inMinutes = (minutes: number) => new Date(Date.now() + minutes * 60_000).toISOString();

  it('takes now, a device a few minutes ahead, and last year', () => {
    expect(schema.safeParse(inMinutes(0)).success).toBe(true);
    expect(schema.safeParse(inMinutes(clockSkewMinutes - 1)).success).toBe(true);
    expect(schema.safeParse(inMinutes(-365 * 24 * 60)).success).toBe(true);
  });

  it('refuses the future beyond the skew and the implausibly old, saying which', () => {
    expect(schema.safeParse(inMinutes(clockSkewMinutes + 1)).error!.issues[0]!.message).toBe(
      'время прохождения позже текущего времени: проверьте дату и время на устройстве и отправьте снова',
    );
    expect(schema.safeParse('2019-12-31T23:00:00Z').error!.issues[0]!.message).toMatch(/^время прохождения раньше 2020 года/);
  });

  it('refuses what is not a date with the one sentence about the format', () => {
    const issues = schema.safeParse('вчера').error!.issues;
    expect(issues).toHaveLength(1);
  });
});
