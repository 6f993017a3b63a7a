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

/** The methodist's page of a teacher's ИОМ (admin-page.tsx). */
export const agreementMessages = {
  title: (name: string) => `ИОМ: ${name}`,
  back: 'К карточке педагога',
  version: (n: number, date: string) => `Версия ${n} от ${date}`,
  states: { draft: 'не отправлен на согласование', submitted: 'на согласовании', agreed: 'согласован' },
  agreedOn: (date: string, version: number) => `согласован ${date} (версия ${version})`,
  changedSinceAgreed: 'после согласования маршрут изменился',
  agree: 'Согласовать ИОМ',
  agreeAgain: 'Согласовать текущую версию',
  agreeOnlyMethodist: 'Согласует методист муниципалитета педагога.',
  notBuilt: 'Маршрут ещё не построен: педагог не проходил диагностику.',
  agreed: 'ИОМ согласован.',
  commented: 'Комментарий сохранён.',
  confirmed: 'Документ подтверждён.',
  noItem: 'Такого пункта в маршруте педагога нет.',
  columns: {
    competency: 'Компетенция',
    activity: 'Форма и содержание',
    when: 'Сроки',
    state: 'Состояние',
    evidence: 'Документ',
    comment: 'Комментарий методиста',
  },
  comment: 'Комментарий',
  saveComment: 'Сохранить комментарий',
  commentTooLong: 'Комментарий — не длиннее 1000 знаков.',
  confirmEvidence: 'Подтвердить документ',
  evidenceConfirmed: (date: string) => `подтверждён ${date}`,
  evidenceKinds: {
    certificate: 'удостоверение о повышении квалификации',
    diploma: 'диплом о профессиональной переподготовке',
    attestation: 'сертификат',
    other: 'другой документ',
  },
  evidence: (kind: string, number: string, provider: string, hours: number, date: string) => `${kind} № ${number}, ${provider}, ${hours} ч., ${date}`,
  retiredTitle: 'Снятые предложения',
  versionsTitle: 'Версии маршрута',
  causes: { first: 'первая версия', teacher: 'после диагностики или записи педагога', catalogue: 'после изменения каталога' } as Record<string, string>,
  itemsCount: (n: number) => `пунктов: ${n}`,
  month: (month: string) => {
    const date = new Date(`${month}-01T00:00:00Z`);
    return Number.isNaN(date.getTime()) ? month : new Intl.DateTimeFormat('ru-RU', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(date);
  },
} as const;
