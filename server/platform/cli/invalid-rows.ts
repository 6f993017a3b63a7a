import { countOf, formatNumber } from '../../../shared/format/russian.ts';

/**
 * The invalid rows of an imported file as the CLI prints them: one line a distinct mistake. A
 * mistake repeated on many rows (a whole column in the wrong format) is one line with the rows it
 * is on, the first few by number, instead of thousands of near-identical lines.
 */
export function groupedInvalidRows(invalid: readonly { line: number; reason: string }[], shownLines = 5): string[] {
  const byReason = new Map<string, number[]>();
  for (const row of invalid) {
    const lines = byReason.get(row.reason) ?? [];
    lines.push(row.line);
    byReason.set(row.reason, lines);
  }
  return [...byReason].map(([reason, lines]) => {
    if (lines.length === 1) return `строка ${lines[0]}: ${reason}`;
    const shown = lines.slice(0, shownLines).join(', ');
    const rest = lines.length - shownLines;
    return `${countOf(lines.length, { one: 'строка', few: 'строки', many: 'строк' })} (${shown}${rest > 0 ? ` и ещё ${formatNumber(rest)}` : ''}): ${reason}`;
  });
}
