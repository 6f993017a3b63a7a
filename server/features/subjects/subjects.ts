/**
 * School subjects (предметы): one normalised list, and the reading of the
 * roster's free text into it. Rosters spell a subject every way a school
 * writes it («Рус. яз.», «физ-ра», «Иностранный язык (английский)»), and a
 * teacher may teach several («математика и информатика»). Staff pages filter
 * and group teachers by these ids; the titles are in messages.ts.
 */

export const subjectIds = [
  'primary',
  'russian',
  'literature',
  'nativeLanguage',
  'foreignLanguage',
  'mathematics',
  'informatics',
  'physics',
  'chemistry',
  'biology',
  'geography',
  'history',
  'socialStudies',
  'religiousCultures',
  'art',
  'music',
  'technology',
  'physicalEducation',
  'safety',
] as const;

export type SubjectId = (typeof subjectIds)[number];

export function isSubject(value: unknown): value is SubjectId {
  return (subjectIds as readonly unknown[]).includes(value);
}

/** `\b` for Cyrillic words too (JavaScript's own knows only Latin letters and digits). */
const letter = '[а-яёa-z0-9]';
const boundary = `(?:(?<!${letter})(?=${letter})|(?<=${letter})(?!${letter}))`;
function w(source: string): RegExp {
  return new RegExp(source.replaceAll(String.raw`\b`, boundary), 'g');
}

/**
 * Each subject's spellings, tried in this order on the folded text; a match
 * is taken out of the text before the next is tried, so that «родная
 * литература» is the native language and not literature too, and «литературное
 * чтение» is the primary school's subject.
 */
const spellings: readonly [SubjectId, RegExp][] = [
  ['primary', w(String.raw`начальн\S*(\s+(класс|школ|образов)\S*)?|литературн\S*\s+чтени\S*|окружающ\S*\s+мир\S*`)],
  [
    'nativeLanguage',
    w(String.raw`родн\S*\s+(язык\S*|яз\b\.?|литератур\S*)(\s+и\s+(родн\S*\s+)?литератур\S*)?|родн\S*\s+(русск|татарск|башкирск|чувашск)\S*\s+язык\S*`),
  ],
  ['religiousCultures', w(String.raw`орксэ|однкнр|основ\S*\s+религиозн\S*\s+культур\S*[^,;]*|основ\S*\s+духовн\S*[^,;]*`)],
  ['safety', w(String.raw`обж|обзр|основ\S*\s+безопасност\S*[^,;]*`)],
  ['informatics', w(String.raw`информатик\S*(\s+и\s+икт)?|\bикт\b`)],
  ['russian', w(String.raw`русск\S*(\s+язык\S*)?|\bрус\b\.?\s*(яз\b\.?|язык\S*)?`)],
  ['literature', w(String.raw`литератур\S*|\bлит-ра\b|\bлит\b\.?`)],
  [
    'foreignLanguage',
    w(
      String.raw`иностранн\S*(\s+язык\S*)?(\s*\([^)]*\))?|\bин\.?\s*яз\b\.?|\bиняз\b|(английск|немецк|французск|китайск|испанск)\S*(\s+язык\S*)?|\bангл\b\.?(\s*яз\b\.?)?|\bнем\b\.?\s*яз\b\.?`,
    ),
  ],
  ['mathematics', w(String.raw`математик\S*|алгебр\S*|геометри\S*|вероятност\S*\s+и\s+статистик\S*|\bматем\b\.?|\bмат\b\.`)],
  ['physics', w(String.raw`физик\S*`)],
  ['chemistry', w(String.raw`хими\S*`)],
  ['biology', w(String.raw`биологи\S*|естествознани\S*`)],
  ['geography', w(String.raw`географи\S*`)],
  ['history', w(String.raw`истори\S*(\s+росси\S*)?`)],
  ['socialStudies', w(String.raw`обществознани\S*|\bправо\b|экономик\S*`)],
  ['art', w(String.raw`\bизо\b|изобразительн\S*(\s+искусств\S*)?|искусств\S*|\bмхк\b`)],
  ['music', w(String.raw`музык\S*`)],
  ['technology', w(String.raw`технологи\S*|\bтруд\S*(\s*\(технологи\S*\))?`)],
  ['physicalEducation', w(String.raw`физическ\S*\s+культур\S*|физ-?р[аы]\b|физкультур\S*|\bфизо\b|адаптивн\S*\s+физ\S*\s+культур\S*`)],
];

/** What a piece of text names: its subjects, and the parts no spelling read (shown to staff so the list can grow). */
export interface ReadSubjects {
  subjects: SubjectId[];
  unread: string[];
}

function fold(text: string): string {
  return text.toLocaleLowerCase('ru').replaceAll('ё', 'е');
}

/** The subjects a roster's «Предметы» names, in the list's order, each once. */
export function readSubjects(text: string): ReadSubjects {
  const found = new Set<SubjectId>();
  const unread: string[] = [];
  // Physical education before physics: «физ-ра» and «физическая культура» are not physics.
  const ordered = [...spellings].sort(([a], [b]) => (a === 'physicalEducation' ? -1 : b === 'physicalEducation' ? 1 : 0));
  for (const part of text.split(/[,;/\n]+/)) {
    let rest = fold(part);
    if (!rest.trim()) continue;
    for (const [id, pattern] of ordered) {
      const next = rest.replace(pattern, ' ');
      if (next !== rest) found.add(id);
      rest = next;
    }
    // What is left besides joining words and punctuation was not read.
    const left = rest
      .replace(/[()\-–.:]/g, ' ')
      .split(/\s+/)
      .filter((word) => word && !['и', 'язык', 'языка', 'учитель', 'предмет', 'предметы', 'в', 'класс', 'классы'].includes(word));
    if (left.length > 0) unread.push(part.trim());
  }
  return { subjects: subjectIds.filter((id) => found.has(id)), unread };
}
