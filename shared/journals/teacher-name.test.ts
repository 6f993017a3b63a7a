import { describe, expect, it } from 'vitest';
import { agreeingNames, namesAgree, parseName } from './teacher-name.ts';

describe('namesAgree: a journal’s name against the roster’s full name', () => {
  const roster = 'Егорова Сардана Михайловна';
  it.each([
    // As journals give it
    ['Егорова С. М.', roster, true], // Сетевой город's user.name
    ['Егорова С.М.', roster, true],
    ['Егорова С.', roster, true],
    ['Егорова Сардана', roster, true], // «Фамилия Имя»
    ['Егорова Сардана Михайловна', roster, true],
    ['  егорова   сардана  михайловна ', roster, true], // case and spacing
    ['С. М. Егорова', roster, true], // initials first
    ['ЕГОРОВА С. М.', roster, true],
    // ё/е
    ['Семёнова А. П.', 'Семенова Алина Петровна', true],
    ['Семенова Алёна', 'Семёнова Алена Петровна', true],
    ['Фёдоров П. С.', 'Федоров Пётр Семёнович', true],
    // hyphens and their spacing, kinds of dash
    ['Петрова-Водкина Е. К.', 'Петрова-Водкина Евгения Кузьминична', true],
    ['Петрова - Водкина Е. К.', 'Петрова-Водкина Евгения Кузьминична', true],
    ['Петрова–Водкина Е. К.', 'Петрова-Водкина Евгения Кузьминична', true],
    ['Петрова Е. К.', 'Петрова-Водкина Евгения Кузьминична', false], // the surname is exact
    // a roster without a middle name
    ['Оконешникова А. В.', 'Оконешникова Айыына', true],
    // disagreements
    ['Егорова С. Н.', roster, false], // another middle initial
    ['Егорова А. М.', roster, false],
    ['Егорова Светлана', roster, false], // written out, another name
    ['Егоров С. М.', roster, false], // another surname
    ['Егорова', roster, false], // the surname alone says too little
    ['', roster, false],
    ['С. М.', roster, false],
  ])('%s ~ %s → %s', (journal, full, agree) => {
    expect(namesAgree(journal, full)).toBe(agree);
  });
});

describe('parseName', () => {
  it('keeps the letters of initials and the given names in order', () => {
    expect(parseName('Егорова С.М.')).toEqual({
      surname: 'егорова',
      given: [
        { text: 'с', initial: true },
        { text: 'м', initial: true },
      ],
    });
    expect(parseName('')).toBeNull();
  });
});

describe('agreeingNames', () => {
  it('finds the one teacher, or several: two of one school with the same surname and initials are left to the teacher', () => {
    const teachers = [
      { id: 1, name: 'Егорова Сардана Михайловна' },
      { id: 2, name: 'Егорова Светлана Максимовна' },
      { id: 3, name: 'Егорова Анна Ивановна' },
    ];
    expect(agreeingNames('Егорова Сардана', teachers, (t) => t.name).map((t) => t.id)).toEqual([1]);
    expect(agreeingNames('Егорова С. М.', teachers, (t) => t.name).map((t) => t.id)).toEqual([1, 2]);
    expect(agreeingNames('Егорова Е. М.', teachers, (t) => t.name)).toEqual([]);
  });
});
