import { messages as platform } from '../../platform/messages.ts';

/**
 * The teacher's ИОМ.
 */
export const messages = {
  ...platform,
  // The teacher's ИОМ (server/features/route/api.ts).
  route: {
    itemNotFound: 'Такого пункта в вашем маршруте нет.',
    notAccepted: 'Отметить выполненным можно только принятый пункт: сначала примите его.',
    retired: 'Этот пункт снят с маршрута: его нельзя принять или отложить.',
    evidenceNotCourse: 'Документ об обучении прикладывается только к пункту с программой ДПО.',
    notBuilt: 'Маршрут ещё не построен: пройдите диагностику.',
  },
} as const;
