import type { SubjectId } from './subjects.ts';

/** The subjects' titles, as every staff page and CSV file writes them. */
export const subjectTitles: Record<SubjectId, string> = {
  primary: 'Начальные классы',
  russian: 'Русский язык',
  literature: 'Литература',
  nativeLanguage: 'Родной язык и литература',
  foreignLanguage: 'Иностранный язык',
  mathematics: 'Математика',
  informatics: 'Информатика',
  physics: 'Физика',
  chemistry: 'Химия',
  biology: 'Биология',
  geography: 'География',
  history: 'История',
  socialStudies: 'Обществознание',
  religiousCultures: 'ОРКСЭ и ОДНКНР',
  art: 'Изобразительное искусство',
  music: 'Музыка',
  technology: 'Труд (технология)',
  physicalEducation: 'Физическая культура',
  safety: 'Основы безопасности и защиты Родины',
};
