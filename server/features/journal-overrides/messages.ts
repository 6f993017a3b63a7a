import { messages as platform } from '../../platform/messages.ts';

/**
 * The journal overrides: `profrost journals publish` and its refusals.
 */
export const messages = {
  ...platform,
  journalOverrides: {
    usage: 'Использование: profrost journals publish ФАЙЛ.json или profrost journals clear',
    fileMissing: (file: string) => `Файл ${file} не найден.`,
    notJson: (file: string, reason: string) => `Файл ${file} не является документом JSON: ${reason}`,
    documentProblem: (problem: string) => `Документ не подходит (нужно {"version": 1, "adapters": [...]}): ${problem}`,
    entryProblem: (position: number, id: string | null, problem: string) =>
      `Поправка № ${position}${id === null ? '' : ` («${id}»)`} не будет применена расширением: ${problem}`,
    refused: (count: number) => `Поправки не опубликованы: найдено проблем — ${count}. Опубликованные ранее поправки не изменились.`,
    published: (ids: string[]) =>
      ids.length === 0
        ? 'Опубликован пустой список поправок: расширение работает со встроенными адаптерами.'
        : `Опубликованы поправки адаптеров: ${ids.join(', ')}. Расширения получат их в течение получаса.`,
    cleared: 'Поправки отменены: расширения вернутся к встроенным адаптерам в течение получаса.',
  },
} as const;
