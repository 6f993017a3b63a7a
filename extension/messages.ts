/**
 * Every sentence the extension shows, in one place, so that a translation
 * can be added beside it.
 */
import { areaTitles, competencyTitles, levelTitles } from '../shared/competencies.ts';
import { formatNumber, formatSigned, plural as nounFor } from '../shared/format/russian.ts';

const dateFormat = new Intl.DateTimeFormat('ru-RU', { day: 'numeric', month: 'long', year: 'numeric' });
const dateTimeFormat = new Intl.DateTimeFormat('ru-RU', { day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit' });

/** «12 марта 2027» from an ISO date or date-time. */
export function formatDate(iso: string): string {
  const date = new Date(iso.length === 10 ? `${iso}T00:00:00` : iso);
  return Number.isNaN(date.getTime()) ? iso : dateFormat.format(date);
}

const monthFormat = new Intl.DateTimeFormat('ru-RU', { month: 'long', year: 'numeric' });

/** «февраль 2027 г.» from YYYY-MM. */
export function formatMonth(month: string): string {
  const date = new Date(`${month}-01T00:00:00`);
  return Number.isNaN(date.getTime()) ? month : monthFormat.format(date);
}

/** «12 марта, 14:05». */
export function formatDateTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : dateTimeFormat.format(date);
}

/** Russian plural by Intl.PluralRules (shared/format/russian.ts): plural(n, ['вопрос', 'вопроса', 'вопросов']). */
export function plural(n: number, [one, few, many]: [string, string, string]): string {
  return nounFor(n, { one, few, many });
}

export const messages = {
  launcher: 'Профиль педагога',
  panelTitle: 'Профиль педагога',
  close: 'Закрыть',
  panelLoadFailed: 'Не удалось открыть панель. Обновите страницу и попробуйте ещё раз.',
  panelNotOpened: 'Панель открывается кнопкой «Профиль педагога» на странице электронного журнала.',
  loading: 'Загрузка…',
  server: {
    checking: 'Проверяем связь с сервером…',
    reachable: (version: string) => `Сервер ПрофРоста доступен (версия ${version}).`,
    unreachable: 'Сервер ПрофРоста недоступен. Всё, что вы введёте, сохранится на этом устройстве и отправится позже.',
    badAnswer: 'Сервер ответил не так, как ожидалось. Проверьте адрес сервера в настройках.',
    retry: 'Проверить ещё раз',
    address: (url: string) => `Адрес сервера: ${url}`,
  },

  // What the background worker says (extension/background/worker.ts, extension/sync/).
  sync: {
    noSession: 'Профиль на этом устройстве не подключён.',
    offline: 'Сервер недоступен.',
    offlineNow: 'Сервер сейчас недоступен. Попробуйте позже.',
    badAnswer: 'Сервер ответил не так, как ожидалось: возможно, расширение или сервер нужно обновить.',
    unexpectedAnswer: (status: number) => `Сервер ответил ошибкой ${status}.`,
    consentRequired: 'Чтобы подключить профиль, нужно согласие на обработку персональных данных.',
    connectOffline: (url: string) => `Сервер ${url} недоступен. Подключить профиль можно, когда он будет доступен.`,
    defaultDevice: 'Браузер с расширением ПрофРост',
    serverUrlManaged: 'Адрес сервера задан администратором: изменить его нельзя.',
    serverUrlInvalid: 'Введите адрес вида https://profrost.example.ru',
    noInstrument: 'Диагностика не загружена на это устройство.',
    scoredOnServer: 'Результат теста посчитает сервер, когда получит ответы: ключи к тесту хранятся только там.',
    previewFailed: 'Не удалось посчитать предварительный результат.',
    waiting: (n: number) => `Сохранено на устройстве, ждёт отправки (${n})`,
    sendNow: 'Отправить сейчас',
    allSent: (at: string) => `Всё отправлено на сервер (${at}).`,
    failedTitle: 'Сервер не принял:',
    retry: 'Повторить',
    discard: 'Убрать',
    unauthorized:
      'Сервер больше не принимает это устройство (профиль отключён или данные удалены). Несохранённые изменения остаются на устройстве. Выйдите в настройках и подключите профиль заново.',
    fromCache: (at: string) => `Сервер недоступен: показаны данные, сохранённые на устройстве ${at}.`,
    reload: 'Обновить',
  },

  onboarding: {
    title: 'Подключение профиля',
    intro: 'Подключите свой профиль педагога: методист вашей муниципальной службы выдал вам код подключения из 8 знаков.',
    otherTeacher: 'На этом компьютере подключён профиль другого педагога. Его данные здесь не показываются. Вы можете подключить свой профиль.',
    serverLabel: 'Адрес сервера ПрофРоста',
    more: 'Дополнительно: адрес сервера',
    serverManaged: 'Задан администратором вашей организации.',
    serverSave: 'Сохранить адрес',
    serverSaved: 'Адрес сохранён.',
    journalName: (name: string) => `В журнале вы вошли как: ${name}`,
    confirmNameLabel: 'Ваши фамилия, имя и отчество',
    confirmNameHint: 'Журнал не позволяет надёжно прочитать имя. Проверьте его и при необходимости исправьте.',
    nameRequired: 'Введите фамилию, имя и отчество.',
    codeLabel: 'Код подключения',
    codeHint: 'Например, K7QM-3HXD',
    codeRequired: 'Введите код подключения.',
    deviceLabel: 'Название этого устройства',
    deviceHint: 'Чтобы вы узнали его в списке устройств, например «Ноутбук, кабинет 12».',
    consentTitle: 'Согласие на обработку персональных данных',
    /** The edition of the consent text below, as a date: sent to the server with the connection, so that it knows which text was accepted. Change it with the text. */
    consentVersion: '2026-12-07',
    consentEdition: (version: string) => `Редакция от ${formatDate(version)}`,
    consentText: [
      'В соответствии с Федеральным законом от 27.07.2006 № 152-ФЗ «О персональных данных» я даю согласие региональному оператору системы ПрофРост (центру непрерывного повышения профессионального мастерства педагогических работников) и методической службе моего муниципалитета на обработку моих персональных данных: фамилии, имени, отчества, места работы, должности, преподаваемых предметов, квалификационной категории, стажа, результатов диагностик профессиональных дефицитов, индивидуального образовательного маршрута, записей на программы ДПО и отзывов о них.',
      'Цель обработки — диагностика профессиональных дефицитов, построение индивидуального образовательного маршрута, запись на программы повышения квалификации и планирование дополнительного профессионального образования. Результаты скрининга профессионального выгорания видны только мне: они хранятся на сервере, но не передаются ни методистам, ни экспертному совету, в том числе в сводках.',
      'Обработка включает сбор, запись, хранение, уточнение, использование, обезличивание и удаление данных с использованием средств автоматизации. Согласие действует до его отзыва. Я могу в любой момент выгрузить свои данные и удалить их на сервере в настройках панели.',
    ],
    consentAccept: 'Я прочитал(а) текст и даю согласие на обработку моих персональных данных',
    submit: 'Подключить профиль',
    submitting: 'Подключаем…',
    confirmName: 'Это я — продолжить',
    changeName: 'Изменить',
    chooseTitle: 'Кто вы?',
    chooseIntro: 'На этом компьютере подключены профили нескольких педагогов с такими же фамилией и инициалами, как в журнале. Выберите свой.',
    chooseTeacher: (name: string, school: string) => (school ? `${name}, ${school}` : name),
  },

  pin: {
    label: 'PIN-код профиля',
    connectHint:
      'Придумайте 4–6 цифр. Журнал не показывает расширению, кто вошёл, поэтому ваш профиль на этом компьютере будет открываться только с этим кодом.',
    connectHintOptional:
      'Необязательно. Журнал сам показывает, кто вошёл; код понадобится, если вы откроете профиль на странице, где журнал этого не показывает.',
    required: 'Придумайте PIN-код из 4–6 цифр: журнал не показывает, кто вошёл, и без кода ваш профиль сможет открыть любой, кто введёт ваше имя.',
    invalid: 'PIN-код — это от 4 до 6 цифр, без букв и пробелов.',
    unlockTitle: 'Профиль защищён PIN-кодом',
    unlockIntro:
      'Под этим именем на компьютере подключён профиль. Журнал не показывает, кто вошёл, поэтому профиль откроется только после PIN-кода, который педагог придумал при подключении.',
    unlock: 'Открыть профиль',
    checking: 'Проверяем…',
    wrong: 'PIN-код не подошёл.',
    wait: 'Слишком много неверных попыток.',
    waitUntil: (time: string) => `Следующая попытка — после ${time}.`,
    noPin: 'Этот профиль подключён без PIN-кода: он открывается только на странице журнала, где журнал сам показывает ваше имя, или после нового подключения.',
    forgot: 'Забыли PIN-код? Подключитесь заново с новым кодом подключения от методиста: прежнее подключение на этом компьютере будет заменено.',
    reconnect: 'Подключиться заново',
    notMe: 'Это не я — изменить имя',
  },

  report: {
    title: 'Сообщить о странице',
    intro: 'Расширение не смогло само прочитать, кто вошёл в журнал. Помогите нам это исправить: отправьте разработчикам региона «скелет» этой страницы.',
    what: 'Отправляется только устройство страницы: адрес без чисел, названия элементов и длина их текста, имена полей служебных объектов журнала. Не отправляются ни тексты, ни имена, ни оценки, ни значения полей, ни пароли и токены журнала, и не отправляется, кто вы.',
    consent: 'Согласен(на) отправить скелет этой страницы',
    send: 'Сообщить о странице',
    sending: 'Готовим…',
    sent: 'Спасибо! Сообщение сохранено и будет отправлено на сервер.',
    consentRequired: 'Отметьте согласие: без него ничего не отправляется.',
    notHere: 'Сообщить можно только со страницы журнала.',
    unreadable: 'Не удалось прочитать устройство этой страницы. Попробуйте ещё раз после её полной загрузки.',
    outboxLabel: 'Сообщение о странице журнала',
  },

  tabs: {
    label: 'Разделы профиля',
    profile: 'Мой профиль',
    diagnostics: 'Диагностика',
    route: 'Маршрут',
    courses: 'Курсы ДПО',
    settings: 'Настройки',
    consultations: 'Консультации',
    consultationsWaiting: (n: number) => `Консультации (${n})`,
  },

  competencies: competencyTitles,
  wellbeing: areaTitles.wellbeing,
  levels: levelTitles,

  profile: {
    chartTitle: 'Профиль компетенций',
    chartDescription: 'Баллы по пяти компетенциям от 0 до 100; дефициты выделены.',
    noResults: 'Пока нет результатов диагностики. Пройдите самодиагностику во вкладке «Диагностика».',
    score: (score: number) => `${formatNumber(score)} из 100`,
    growth: (delta: number) => `${formatSigned(delta)} с прошлой диагностики`,
    deficitsTitle: 'Дефициты',
    weakIndicators: (competency: string) => `Самые слабые показатели: ${competency}`,
    wellbeing: (level: string) =>
      `${areaTitles.wellbeing}: ${level}. Этот результат видите только вы: ни методисты, ни экспертный совет его не получают, даже в сводках.`,
    noDeficits: 'Профессиональных дефицитов не выявлено.',
    aboutTitle: 'О себе',
    category: 'Квалификационная категория',
    categoryLevels: { none: 'без категории (соответствие занимаемой должности)', first: 'первая', highest: 'высшая' },
    categoryStatuses: { methodist: 'педагог-методист', mentor: 'педагог-наставник' },
    notStated: 'не указана',
    experience: 'Педагогический стаж',
    years: (n: number) => `${n} ${plural(n, ['год', 'года', 'лет'])}`,
    earlyCareer: 'Молодой педагог',
    earlyCareerYes: 'да — вам доступны наставничество и программы для молодых педагогов',
    earlyCareerNo: 'нет',
    position: 'Должность',
    school: 'Образовательная организация',
  },

  diagnostics: {
    listTitle: 'Доступные диагностики',
    items: (n: number) => `${n} ${plural(n, ['вопрос', 'вопроса', 'вопросов'])}`,
    notTaken: 'не пройдена',
    lastTaken: (at: string) => `пройдена ${at}`,
    inProgress: (answered: number, total: number) => `начата: отвечено ${answered} из ${total}`,
    waitingToSend: 'пройдена, результат ждёт отправки',
    start: 'Начать',
    resume: 'Продолжить',
    retake: 'Пройти снова',
    progress: (n: number, total: number) => `вопрос ${n} из ${total}`,
    answered: (n: number, total: number) => `Отвечено: ${n} из ${total}`,
    keyboardHint: 'Клавиатура: цифры 1–5 — ответ, ← → — предыдущий и следующий вопрос, Enter — дальше.',
    multipleHint: 'Можно выбрать несколько вариантов.',
    previous: 'Назад',
    next: 'Дальше',
    skip: 'Пропустить',
    finish: 'К итогам',
    backToList: 'К списку диагностик',
    savedLocally: 'Ответы сохраняются на этом устройстве после каждого ответа.',
    reviewTitle: 'Предварительный результат',
    reviewNote: 'Посчитан на этом устройстве; окончательный результат посчитает сервер.',
    unanswered: (n: number) => `Без ответа: ${n} ${plural(n, ['вопрос', 'вопроса', 'вопросов'])}.`,
    submit: 'Отправить результат',
    submitted: 'Результат сохранён. Он появится в профиле, когда сервер его примет.',
    discard: 'Начать заново',
    discardConfirm: 'Удалить ответы и начать диагностику заново?',
    unavailableOffline: 'Эта диагностика ещё не загружена на устройство, а сервер недоступен. Попробуйте, когда появится связь.',
  },

  route: {
    title: 'Индивидуальный образовательный маршрут (ИОМ)',
    empty: 'Маршрут пока пуст: он строится по результатам диагностики.',
    beforeDiagnostic:
      'Маршрут строится по результатам диагностики. Пройдите первую диагностику — и здесь появятся программы ДПО, наставничество и другие формы под ваши профессиональные дефициты.',
    toDiagnostics: 'Перейти к диагностике',
    why: 'Почему:',
    what: 'Что сделать:',
    focus: 'Показатели:',
    planned: (date: string) => `Запланировано на ${date}`,
    statuses: { suggested: 'предложено', accepted: 'принято', postponed: 'отложено', done: 'выполнено' },
    accept: 'Принять',
    postpone: 'Отложить',
    done: 'Выполнено',
    kinds: {
      course: 'Курс ДПО',
      mentoring: 'Наставничество',
      internship: 'Стажировка',
      methodicalAssociation: 'Методическое объединение',
      competition: 'Конкурс профмастерства',
      selfEducation: 'Самообразование',
      webinar: 'Вебинар',
    },
    pending: 'изменение ждёт отправки',
    version: (n: number) => `Версия ${n}`,
    agreement: {
      draft: 'не отправлен на согласование',
      submitted: 'на согласовании',
      agreed: 'согласован',
    },
    agreedOn: (date: string, version: number) => `согласован ${date} (версия ${version})`,
    changedSinceAgreed: 'после согласования маршрут изменился',
    submit: 'Отправить на согласование',
    resubmit: 'Отправить изменения на согласование',
    withdraw: 'Отозвать с согласования',
    print: 'Версия для печати',
    course: {
      run: (start: string, end: string) => `${start} — ${end}`,
      seatsLeft: (free: number, total: number) => `свободно мест: ${free} из ${total}`,
      full: 'мест нет',
      noRun: 'поток уже не идёт',
      signUp: 'Записаться',
      joinWaitlist: 'Встать в лист ожидания',
      pendingSignUp: 'запись ждёт отправки',
      enrollment: {
        confirmed: 'вы записаны, место подтверждено',
        waitlisted: 'вы в листе ожидания',
        cancelled: 'запись отменена',
        completed: 'обучение завершено',
      },
      waitlistPosition: (n: number) => `место в очереди: ${n}`,
    },
    plannedMonth: 'Месяц',
    plannedMonthSave: 'Запланировать',
    plannedMonthValue: (month: string) => `запланировано на ${month}`,
    privateNote: 'Видите только вы',
    methodistComment: 'Комментарий методиста:',
    elsewhere: 'Пройдено в другой организации: приложить документ',
    evidence: {
      kind: 'Документ',
      kinds: {
        certificate: 'удостоверение о повышении квалификации',
        diploma: 'диплом о профессиональной переподготовке',
        attestation: 'сертификат',
        other: 'другой документ',
      },
      number: 'Номер',
      provider: 'Организация, выдавшая документ',
      hours: 'Объём, часов',
      date: 'Дата выдачи',
      save: 'Отметить выполненным с документом',
      recorded: (kind: string, number: string, provider: string, hours: number, date: string) => `${kind} № ${number}, ${provider}, ${hours} ч., ${date}`,
      confirmed: 'подтверждено методистом',
      unconfirmed: 'ждёт подтверждения методиста',
    },
    retiredTitle: 'Снятые предложения',
    retiredWhy: 'Почему снято:',
  },

  printable: {
    loading: 'Загрузка…',
    title: 'Индивидуальный образовательный маршрут педагога',
    teacher: 'Педагог',
    position: 'Должность',
    school: 'Образовательная организация',
    period: 'Период',
    schoolYear: (year: string) => `${year} учебный год`,
    version: 'Версия маршрута',
    print: 'Печать или сохранить в PDF',
    columns: { number: '№', competency: 'Компетенция', activity: 'Форма и содержание', when: 'Сроки', state: 'Состояние', evidence: 'Подтверждение' },
    agreement: 'Согласование с методистом:',
    agreedOn: (date: string, version: number) => `согласован ${date} (версия ${version})`,
    teacherSignature: 'Педагог: ____________________',
    methodistSignature: 'Методист: ____________________',
  },

  courses: {
    catalogueTitle: 'Каталог программ ДПО',
    mineTitle: 'Мои записи',
    search: 'Поиск по названию',
    competency: 'Компетенция',
    format: 'Формат',
    startingAfter: 'Начало не раньше',
    any: 'любая',
    anyFormat: 'любой',
    find: 'Найти',
    found: (n: number) => `Найдено: ${n} ${plural(n, ['программа', 'программы', 'программ'])}`,
    nothingFound: 'Ничего не найдено. Измените условия поиска.',
    more: 'Показать ещё',
    formats: { ochno: 'очно', ochnoZaochno: 'очно-заочно', distance: 'дистанционно' },
    hours: (n: number) => `${n} ${plural(n, ['час', 'часа', 'часов'])}`,
    run: (start: string, end: string) => `${start} — ${end}`,
    seats: (free: number, total: number) => `свободно мест: ${free} из ${total}`,
    full: (waiting: number) => `мест нет, в листе ожидания: ${waiting}`,
    signUp: 'Записаться',
    runEnded: 'Поток уже закончился: запись на него закрыта.',
    otherMunicipality: (municipality: string) =>
      `Программа для педагогов муниципалитета «${municipality}»: записаться на неё могут только они. Вам доступны программы вашего муниципалитета и республиканские.`,
    joinWaitlist: 'Встать в лист ожидания',
    cancel: 'Отменить запись',
    cancelConfirm: 'Отменить запись на этот поток? Место перейдёт следующему в листе ожидания.',
    statuses: { confirmed: 'место подтверждено', waitlisted: 'в листе ожидания', cancelled: 'запись отменена', completed: 'обучение завершено' },
    waitlistPosition: (n: number) => `ваше место в листе ожидания: ${n}`,
    pendingSignUp: 'запись сохранена на устройстве и ждёт отправки',
    pendingCancel: 'отмена ждёт отправки',
    noEnrollments: 'Вы пока никуда не записаны.',
    registry: 'Программа в федеральном реестре',
    feedbackTitle: 'Отзыв о программе',
    feedbackUseful: 'Была ли программа полезной?',
    feedbackUsefulOptions: { yes: 'да', partly: 'отчасти', no: 'нет' },
    feedbackChanged: 'Что изменилось в ваших уроках?',
    feedbackRecommend: 'Порекомендуете ли вы программу коллегам?',
    yes: 'да',
    no: 'нет',
    feedbackSubmit: 'Отправить отзыв',
    feedbackThanks: 'Спасибо за отзыв!',
    feedbackChoose: 'Ответьте на первый и третий вопросы.',
    feedbackGiven: 'Отзыв оставлен.',
    feedbackEdit: 'Изменить отзыв',
    retakeOffer: (competencies: string) => `Программа была направлена на компетенции: ${competencies}. Пройдите диагностику снова, чтобы увидеть приращение.`,
    retake: 'Пройти диагностику снова',
  },

  settings: {
    teacherTitle: 'Подключённый профиль',
    connectedAt: (at: string) => `Подключён ${at}`,
    serverTitle: 'Сервер',
    exportTitle: 'Мои данные',
    export: 'Выгрузить мои данные (JSON)',
    exporting: 'Готовим выгрузку…',
    exported: 'Файл с данными сохранён.',
    signOut: 'Выйти на этом устройстве',
    signOutHint: 'Токен устройства, сохранённые данные и черновики этого педагога будут удалены с этого компьютера. На сервере ничего не удаляется.',
    signOutConfirm: (pending: number) =>
      pending > 0
        ? `Выйти? ${pending} ${plural(pending, ['изменение', 'изменения', 'изменений'])} ещё не ${plural(pending, ['отправлено', 'отправлены', 'отправлены'])} на сервер и будут потеряны.`
        : 'Выйти на этом устройстве?',
    erase: 'Отозвать согласие и удалить мои данные на сервере',
    eraseHint:
      'Сервер отметит отзыв согласия на обработку персональных данных и удалит ваши ФИО, ответы диагностик, маршрут и тексты отзывов; останутся только обезличенные баллы для статистики. Это нельзя отменить.',
    eraseConfirm: 'Отозвать согласие и удалить ваши персональные данные на сервере? Это нельзя отменить.',
    eraseTyped: 'Для подтверждения введите слово УДАЛИТЬ',
    eraseWord: 'УДАЛИТЬ',
    eraseSubmit: 'Удалить навсегда',
    confirmNo: 'Отмена',
  },

  // Консультации экспертного совета (issue 23).
  consultations: {
    lead: 'Республиканский экспертный совет спрашивает педагогов. Ответ можно изменить до закрытия консультации.',
    none: 'Сейчас консультаций для вас нет.',
    dates: (from: string, to: string) => `Открыта с ${from} по ${to}`,
    states: { upcoming: 'ещё не началась', open: 'идёт', closed: 'закрыта' },
    privacy: (minGroup: number) =>
      `Совет видит только числа по группам не меньше ${minGroup} ${plural(minGroup, ['педагога', 'педагогов', 'педагогов'])}, без имён. Комментарий совет увидит без вашего имени и только если ответят не меньше ${minGroup} ${plural(minGroup, ['педагога', 'педагогов', 'педагогов'])}.`,
    scale: (n: number) => `${n}`,
    scaleHint: '1 — совсем нет, 5 — полностью',
    comment: 'Комментарий (необязательно)',
    submit: 'Отправить ответ',
    change: 'Изменить ответ',
    answered: (at: string) => `Ваш ответ принят ${at}.`,
    pending: 'Ответ сохранён на этом устройстве и будет отправлен, когда сервер будет доступен.',
    chooseAll: 'Ответьте, пожалуйста, на каждый вопрос с вариантами.',
    closedAnswer: 'Консультация закрыта; ваш ответ учтён.',
    closedNoAnswer: 'Консультация закрыта.',
    conclusion: 'Вывод экспертного совета',
    label: (title: string) => `Ответ на консультацию «${title}»`,
    newMark: 'новая',
  },
} as const;
