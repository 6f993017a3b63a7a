import { z } from 'zod';

/**
 * What every input refuses, wherever it arrives (the API, the CSV imports,
 * the admin forms): text with control characters, and a device's clock
 * that is far off.
 */

/** C0 controls other than tab, line feed and carriage return; DEL; the C1 controls. None is ever part of what a person typed. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is this pattern's whole purpose.
const controlCharacter = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;

export const controlCharacterMessage = 'в тексте есть служебный невидимый символ (например, NUL); уберите его и отправьте снова';

export function hasControlCharacter(text: string): boolean {
  return controlCharacter.test(text);
}

/** The path of the first string (or key) with a control character, at any depth; undefined when there is none. */
function controlCharacterPath(value: unknown, path: PropertyKey[] = []): PropertyKey[] | undefined {
  if (typeof value === 'string') return hasControlCharacter(value) ? path : undefined;
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const found = controlCharacterPath(item, [...path, index]);
      if (found) return found;
    }
    return undefined;
  }
  if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (hasControlCharacter(key)) return [...path, key];
      const found = controlCharacterPath(item, [...path, key]);
      if (found) return found;
    }
  }
  return undefined;
}

/**
 * The same schema, refusing a value any of whose strings (at any depth, keys
 * included) holds a control character. Every request body and every imported
 * row goes through one of these, so no boundary stores a NUL.
 */
export function withoutControlCharacters<T extends z.ZodType>(schema: T): T {
  return schema.superRefine((value, ctx) => {
    const path = controlCharacterPath(value);
    if (path) ctx.addIssue({ code: 'custom', path, message: controlCharacterMessage });
  }) as T;
}

/** A string field that refuses control characters on its own: for schemas that are later narrowed with `.omit`, where a refinement of the whole cannot stay. */
export const plainText = () => z.string().refine((value) => !hasControlCharacter(value), controlCharacterMessage);

/** A device's clock may run this far ahead of the server's before what it dates is refused. */
export const clockSkewMinutes = 10;
/** Nothing a teacher did in ПрофРост happened before this: an older date is a wrong clock. */
export const earliestPlausibleYear = 2020;

/**
 * A moment a device reports (when a diagnostic was completed, when consent
 * was given): ISO 8601 with its offset, not in the future beyond the clock
 * skew and not before `earliestPlausibleYear`. `what` names it in the
 * sentence, e.g. «время прохождения диагностики».
 */
export function deviceInstantSchema(what: string) {
  const at = (value: string) => Date.parse(value);
  return z.iso
    .datetime({ offset: true })
    .refine(
      (value) => Number.isNaN(at(value)) || at(value) <= Date.now() + clockSkewMinutes * 60_000,
      `${what} позже текущего времени: проверьте дату и время на устройстве и отправьте снова`,
    )
    .refine(
      (value) => Number.isNaN(at(value)) || at(value) >= Date.UTC(earliestPlausibleYear, 0, 1),
      `${what} раньше ${earliestPlausibleYear} года, так не бывает: проверьте дату и время на устройстве и отправьте снова`,
    );
}
