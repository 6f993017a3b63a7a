import { describe, expect, it } from 'vitest';
import { readSubjects, type SubjectId } from './subjects.ts';

// Spellings as real rosters write them (school exports, methodists' spreadsheets).
const table: [string, SubjectId[]][] = [
  ['Математика', ['mathematics']],
  ['математика', ['mathematics']],
  ['математика и информатика', ['mathematics', 'informatics']],
  ['Алгебра, геометрия', ['mathematics']],
  ['Рус. яз.', ['russian']],
  ['рус.яз, лит-ра', ['russian', 'literature']],
  ['Русский язык и литература', ['russian', 'literature']],
  ['русский язык, литература', ['russian', 'literature']],
  ['Родной язык и родная литература', ['nativeLanguage']],
  ['ИЗО', ['art']],
  ['изо, технология', ['art', 'technology']],
  ['Изобразительное искусство', ['art']],
  ['физ-ра', ['physicalEducation']],
  ['Физ-ра', ['physicalEducation']],
  ['Физическая культура', ['physicalEducation']],
  ['физкультура', ['physicalEducation']],
  ['Физика', ['physics']],
  ['физика, физическая культура', ['physics', 'physicalEducation']],
  ['Иностранный язык (английский)', ['foreignLanguage']],
  ['Английский язык', ['foreignLanguage']],
  ['англ. яз.', ['foreignLanguage']],
  ['немецкий язык', ['foreignLanguage']],
  ['Начальные классы', ['primary']],
  ['учитель начальных классов', ['primary']],
  ['литературное чтение; окружающий мир', ['primary']],
  ['История, обществознание', ['history', 'socialStudies']],
  ['История России', ['history']],
  ['Химия/Биология', ['chemistry', 'biology']],
  ['География', ['geography']],
  ['ОБЖ', ['safety']],
  ['ОБЗР', ['safety']],
  ['Основы безопасности и защиты Родины', ['safety']],
  ['ОРКСЭ, ОДНКНР', ['religiousCultures']],
  ['Музыка', ['music']],
  ['Труд (технология)', ['technology']],
  ['Информатика и ИКТ', ['informatics']],
  ['МАТЕМАТИКА', ['mathematics']],
  ['  математика ,  физика  ', ['mathematics', 'physics']],
];

describe('reading the roster’s subjects', () => {
  it.each(table)('«%s»', (text, subjects) => {
    const read = readSubjects(text);
    expect(read.subjects).toEqual(subjects);
    expect(read.unread).toEqual([]);
  });

  it('reads nothing from an empty line', () => {
    expect(readSubjects('')).toEqual({ subjects: [], unread: [] });
    expect(readSubjects(' , ; ')).toEqual({ subjects: [], unread: [] });
  });

  it('keeps what it cannot read, to show staff, beside what it can', () => {
    expect(readSubjects('математика, шахматы')).toEqual({ subjects: ['mathematics'], unread: ['шахматы'] });
    expect(readSubjects('логопедия')).toEqual({ subjects: [], unread: ['логопедия'] });
  });
});
