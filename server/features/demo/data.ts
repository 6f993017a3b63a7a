import type { NewTeacher } from '../roster/store.ts';

/**
 * A small imagined republic for the demo: every name here is invented.
 * The first teacher is the one the demo journal shows as logged in.
 */
export const demoRepublic = 'Демонстрационная Республика';

const belo = 'Городской округ Белоозёрск';
const zarech = 'Заречный муниципальный район';
const sosn = 'Сосновский муниципальный район';

export const demoTeachers: NewTeacher[] = [
  t(belo, 'МБОУ «Средняя общеобразовательная школа № 1» г. Белоозёрска', 'Соколова', 'Анна', 'Викторовна', 'учитель', 'русский язык; литература', 2),
  t(belo, 'МБОУ «Средняя общеобразовательная школа № 1» г. Белоозёрска', 'Бирюков', 'Олег', 'Степанович', 'учитель', 'математика', 17),
  t(belo, 'МБОУ «Гимназия № 3» г. Белоозёрска', 'Лебедева', 'Ирина', 'Алексеевна', 'учитель', 'английский язык', 9),
  t(belo, 'МБОУ «Гимназия № 3» г. Белоозёрска', 'Гаврильев', 'Николай', 'Петрович', 'учитель', 'физика; информатика', 24),
  t(zarech, 'МБОУ «Заречная средняя школа»', 'Павлова', 'Сардаана', 'Ивановна', 'учитель', 'начальные классы', 1),
  t(zarech, 'МБОУ «Заречная средняя школа»', 'Егоров', 'Михаил', 'Андреевич', 'учитель', 'история; обществознание', 12),
  t(sosn, 'МБОУ «Сосновская основная школа»', 'Кузьмина', 'Татьяна', 'Романовна', 'учитель', 'биология; химия', 31),
  t(sosn, 'МБОУ «Сосновская основная школа»', 'Алексеев', 'Дмитрий', 'Семёнович', 'педагог-психолог', '', 5),
];

export const demoMethodist = { login: 'metodist', municipality: belo };
export const demoAdmin = { login: 'admin' };
export const demoCouncilTokenName = 'Республиканский экспертный совет (демо)';
/** The demo's member of the expert council, signing in to the council's pages (issue 23). */
export const demoCouncilMember = { login: 'sovet' };

function t(
  municipality: string,
  school: string,
  lastName: string,
  firstName: string,
  middleName: string,
  position: string,
  subjects: string,
  experienceYears: number,
): NewTeacher {
  return { municipality, school, lastName, firstName, middleName, position, subjects, experienceYears };
}
