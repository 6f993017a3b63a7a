import { countOf } from '../../../shared/format/russian.ts';
import { messages as platform } from '../../platform/messages.ts';
import type { SchoolFlag } from './store.ts';

/** Образовательные организации and their flags. */
export const flagTitles: Record<SchoolFlag, string> = {
  lowResults: 'ШНОР (низкие образовательные результаты)',
  adverseConditions: 'Неблагоприятные социальные условия',
};

export const messages = {
  ...platform,
  schools: {
    title: 'Образовательные организации',
    intro:
      'Отметьте школы, которым нужна помощь: ШНОР — школы с низкими образовательными результатами, и школы в неблагоприятных социальных условиях. По этим отметкам отбираются педагоги на страницах «Педагоги» и в адресных рекомендациях.',
    flag: 'Отметка',
    anyFlag: 'все школы',
    municipality: 'Муниципалитет',
    anyMunicipality: 'все муниципалитеты',
    name: 'Образовательная организация',
    teachers: 'Педагогов',
    flags: 'Отметки',
    noFlags: '—',
    save: 'Сохранить отметки',
    saved: 'Отметки школы сохранены.',
    nothing: 'Школ с такими отметками нет.',
    teachersLink: 'Педагоги этой школы',
    teacherCount: (n: number) => countOf(n, { one: 'педагог', few: 'педагога', many: 'педагогов' }),
    import: 'Загрузить отметки из файла',
    importTitle: 'Отметки школ из файла',
    imports: {
      columnsHint:
        'Столбцы: Муниципалитет, Образовательная организация (или Школа) — как в реестре педагогов; ШНОР; Неблагоприятные социальные условия — «да» или пусто. Отметки школ, которых нет в файле, не меняются.',
      notUtf8: 'Файл не в кодировке UTF-8: сохраните его из Excel как «CSV UTF-8» и загрузите снова.',
      unreadable: 'Файл не читается как CSV: проверьте кавычки и разделители.',
      columns: 'В первой строке файла нет столбцов «Муниципалитет» и «Образовательная организация» (или «Школа»).',
      badFlag: 'в столбцах отметок должно быть «да» или пусто',
      unknownSchool: (school: string, municipality: string) => `школы «${school}» в муниципалитете «${municipality}» нет в реестре педагогов`,
      otherMunicipality: 'можно отмечать только школы своего муниципалитета',
      done: (n: number, skipped: number) => `Отметки загружены: школ ${n}` + (skipped ? `; пропущено строк с ошибками: ${skipped}.` : '.'),
      yes: 'да',
      no: 'нет',
    },
    notFoundTitle: 'Школа не найдена',
    notFound: 'Такой школы нет.',
  },
};
