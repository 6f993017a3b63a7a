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
    notFoundTitle: 'Школа не найдена',
    notFound: 'Такой школы нет.',
  },
};
