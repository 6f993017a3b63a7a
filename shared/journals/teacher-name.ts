/*
 * Names as the journals give them, against the roster's full name. Сетевой
 * город shows «Егорова С. М.», others «Егорова Сардана Михайловна» or
 * «Егорова Сардана»; spelling varies in case, ё/е and the spaces around a
 * double surname's hyphen. Two names agree when the surnames are the same
 * (after folding those differences) and every given name both have is
 * consistent: equal when both are written out, the same first letter when
 * either is an initial. A name of the surname alone agrees with nothing: it
 * says too little. Several roster teachers agreeing with one journal name
 * (the same surname and initials in one school) is an ambiguity the teacher
 * resolves by choosing; nothing here picks one.
 */

/** A name split into the surname and the given names (first, middle) in order, each folded; initials keep only their letter. */
export interface ParsedName {
  surname: string;
  given: { text: string; initial: boolean }[];
}

/** Case, ё/е, kinds of dash and the spaces around a hyphen, and runs of spaces do not matter. */
export function foldName(name: string): string {
  return name
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/\s*-\s*/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
}

/** «Егорова С. М.», «Егорова С.М.», «Егорова Сардана Михайловна», «С. М. Егорова»; null when there is no surname. */
export function parseName(name: string): ParsedName | null {
  const tokens = foldName(name)
    .replace(/\./g, '. ')
    .split(' ')
    .filter((token) => token !== '' && token !== '.');
  const parts = tokens.map((token) => {
    const text = token.replace(/\.$/, '');
    return { text, initial: token.endsWith('.') || text.length === 1 };
  });
  const words = parts.filter((part) => !part.initial && part.text !== '');
  if (words.length === 0) return null;
  // Initials first («С. М. Егорова»): the surname is the last word.
  const surnameAt = parts[0]?.initial ? parts.length - 1 : 0;
  const surname = parts[surnameAt];
  if (!surname || surname.initial) return null;
  const given = parts.filter((_, index) => index !== surnameAt).map(({ text, initial }) => ({ text: initial ? text.slice(0, 1) : text, initial }));
  return { surname: surname.text, given };
}

/** Whether a journal's name and a roster's full name can be the same person (see above). */
export function namesAgree(journalName: string, rosterName: string): boolean {
  const journal = parseName(journalName);
  const roster = parseName(rosterName);
  if (!journal || !roster || journal.given.length === 0) return false;
  if (journal.surname !== roster.surname) return false;
  const shared = Math.min(journal.given.length, roster.given.length);
  if (shared === 0) return false;
  for (let index = 0; index < shared; index++) {
    const a = journal.given[index]!;
    const b = roster.given[index]!;
    if (a.initial || b.initial ? a.text[0] !== b.text[0] : a.text !== b.text) return false;
  }
  return true;
}

/** The candidates whose name agrees with the journal's; more than one is an ambiguity for the teacher to resolve. */
export function agreeingNames<T>(journalName: string, candidates: T[], nameOf: (candidate: T) => string): T[] {
  return candidates.filter((candidate) => namesAgree(journalName, nameOf(candidate)));
}
