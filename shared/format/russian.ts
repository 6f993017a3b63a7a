/**
 * How every screen writes numbers, shares, dates, times and counted nouns: through `Intl`, in
 * `ru-RU`, one way everywhere (the admin pages, the panel, the CSV files people read). Pure: the
 * time zone is an argument, set once per deployment (PROFROST_TIME_ZONE on the server).
 */

export const locale = 'ru-RU';

/** The deployment's time zone when none is set: the republics' ministries mostly work on Moscow time. */
export const defaultTimeZone = 'Europe/Moscow';

/** True when `Intl` knows the zone (e.g. Europe/Moscow, Asia/Yakutsk). */
export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat(locale, { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

const numberFormats = new Map<string, Intl.NumberFormat>();
function numberFormat(options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = JSON.stringify(options);
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, options);
    numberFormats.set(key, format);
  }
  return format;
}

/** A number with a decimal comma, at most `fractionDigits` decimals (1 by default): 78,6; 66; 1 234. */
export function formatNumber(value: number, fractionDigits = 1): string {
  return numberFormat({ maximumFractionDigits: fractionDigits }).format(value).replace('-', '−');
}

/** A share already in percent (0–100): 78,6 %. */
export function formatPercent(value: number, fractionDigits = 1): string {
  return numberFormat({ style: 'percent', maximumFractionDigits: fractionDigits })
    .format(value / 100)
    .replace('-', '−');
}

/** A change with its sign: +3,5; −2; ±0. */
export function formatSigned(value: number, fractionDigits = 1): string {
  const text = formatNumber(Math.abs(value), fractionDigits);
  if (text === '0') return '±0';
  return `${value > 0 ? '+' : '−'}${text}`;
}

/** A calendar date (YYYY-MM-DD, or the date part of an instant as stored): 07.12.2026. */
export function formatDay(iso: string): string {
  const [year, month, day] = iso.slice(0, 10).split('-');
  return `${day}.${month}.${year}`;
}

/** A calendar date in words, for the panel: 7 декабря 2026 г. */
export function formatDayLong(iso: string): string {
  return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${iso.slice(0, 10)}T00:00:00Z`));
}

const instantFormats = new Map<string, Intl.DateTimeFormat>();

/** An instant (ISO with time) in the deployment's zone: 07.12.2026, 12:30. */
export function formatInstant(iso: string | Date, timeZone: string = defaultTimeZone): string {
  let format = instantFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone });
    instantFormats.set(timeZone, format);
  }
  return format.format(typeof iso === 'string' ? new Date(iso) : iso);
}

/** The calendar day an instant falls on in the deployment's zone: 07.12.2026. */
export function formatInstantDay(iso: string | Date, timeZone: string = defaultTimeZone): string {
  return new Intl.DateTimeFormat(locale, { day: '2-digit', month: '2-digit', year: 'numeric', timeZone }).format(typeof iso === 'string' ? new Date(iso) : iso);
}

/** The three Russian forms of a noun: for 1 (одна строка), 2–4 (две строки), 5 and more (пять строк). */
export interface NounForms {
  one: string;
  few: string;
  many: string;
}

const pluralRules = new Intl.PluralRules(locale);

/** The form of the noun that goes with `count`, by `Intl.PluralRules` (21 строка, 11 строк, 1,5 строки). */
export function plural(count: number, forms: NounForms): string {
  const category = pluralRules.select(count);
  if (category === 'one') return forms.one;
  if (category === 'few') return forms.few;
  if (category === 'many') return forms.many;
  return forms.few; // 'other': fractions, «1,5 строки»
}

/** The count and its noun: «1 строка», «5 строк», «1 234 педагога». */
export function countOf(count: number, forms: NounForms): string {
  return `${formatNumber(count)} ${plural(count, forms)}`;
}
