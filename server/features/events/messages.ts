import { competitionResultTitles, eventKindTitles } from '../../../shared/schemas/event.ts';
import { messages as platform } from '../../platform/messages.ts';

/** Methodical events and competitions: the API, the admin pages. */
export const messages = {
  ...platform,
  // The teacher's calls (server/features/events/api.ts).
  events: {
    eventNotFound: 'Такого мероприятия нет.',
    archived: 'Мероприятие снято: записаться на него больше нельзя.',
    ended: 'Это мероприятие уже прошло: выберите другое.',
    notForTeacher: (municipality: string | null) =>
      municipality === null
        ? 'Это мероприятие — для педагогов другого предмета или стажа: записаться на него нельзя.'
        : `Это мероприятие муниципалитета «${municipality}» для педагогов определённого предмета и стажа: записаться на него вы не можете.`,
    routeItemNotFitting: 'Этот пункт маршрута не подходит к мероприятию: выберите мероприятие того же вида, что и пункт.',
    idReused: 'Запись с таким идентификатором уже есть, но с другими данными. Создайте новую запись с новым идентификатором.',
    alreadySignedUp: (status: string) => `Вы уже записаны на это мероприятие (${status}). Повторная запись не нужна.`,
    signUpNotFound: 'Такой записи нет.',
    cannotCancelAttended: 'Вы уже отмечены как участник: отменить запись нельзя.',
    feedbackNotAttended: 'Оценить мероприятие можно после того, как методист отметит ваше участие.',
    statusNames: { confirmed: 'место подтверждено', waitlisted: 'в листе ожидания', cancelled: 'запись отменена' },
    kindNames: eventKindTitles,
    resultNames: competitionResultTitles,
  },
};
