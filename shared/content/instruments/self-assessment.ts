/**
 * «Самодиагностика профессиональных дефицитов»: first-person statements about
 * everyday practice, answered on a 1–5 scale. Original items written for
 * ПрофРост.
 *
 * Authoring rules (checked in shared/content/index.test.ts):
 * - every item measures one or two indicators of the same area, the main one
 *   with weight 1, a secondary one with weight 0.5;
 * - every competency indicator of the framework is measured at least once;
 * - about a fifth of the items are reverse-keyed: they describe a difficulty
 *   («Мне трудно…»), so agreeing with them lowers the score; they keep a
 *   respondent from answering «полностью про меня» down the whole list;
 * - the deficit bands are the default ones of распоряжение Р-201.
 *
 * A changed wording or weighting of a published item is a new version of the
 * instrument: attempts are always rescored with the version they were taken with.
 */
import type { InstrumentInput } from '../../schemas/instrument.ts';

type Measure = { indicator: string; weight?: number };

const item = (id: string, text: string, measures: Measure[], reverse = false) => ({
  id,
  kind: 'likert' as const,
  text,
  measures,
  reverse,
});

const main = (indicator: string): Measure => ({ indicator, weight: 1 });
const also = (indicator: string): Measure => ({ indicator, weight: 0.5 });

export const selfAssessment: InstrumentInput = {
  id: 'selfAssessment',
  version: 1,
  kind: 'selfAssessment',
  title: 'Самодиагностика профессиональных дефицитов',
  description:
    'Прочитайте утверждения о повседневной педагогической практике и отметьте, насколько каждое из них описывает именно вашу работу. Правильных и неправильных ответов нет: чем точнее ответ, тем полезнее результат. Самодиагностика не является аттестацией. По её итогам вы увидите свой профиль по пяти компетенциям — предметной, методической, психолого-педагогической, коммуникативной и цифровой — и предложения для индивидуального образовательного маршрута. Это займёт 10–15 минут. Если утверждение к вашей работе не относится (например, в ваших классах нет учеников с ОВЗ), его можно пропустить.',
  scale: ['совсем не про меня', 'скорее не про меня', 'отчасти про меня', 'скорее про меня', 'полностью про меня'],
  minAnsweredShare: 0.6,
  items: [
    // Предметная компетентность
    item('subject-01', 'Я свободно владею содержанием своего предмета в объёме программы, включая темы, которые преподаю редко.', [main('subject.content')]),
    item('subject-02', 'Я могу объяснить одно и то же понятие предмета несколькими способами, если первое объяснение ученику непонятно.', [
      main('subject.content'),
    ]),
    item(
      'subject-03',
      'Мне трудно самостоятельно решить задания высокой сложности по моему предмету — олимпиадные или из второй части экзаменационных работ.',
      [main('subject.tasks')],
      true,
    ),
    item('subject-04', 'Я составляю собственные предметные задания разного уровня сложности, а не ограничиваюсь заданиями из учебника.', [
      main('subject.tasks'),
    ]),
    item('subject-05', 'На уроках я показываю, как знания моего предмета связаны с другими предметами и с тем, что происходит в мире.', [
      main('subject.worldview'),
    ]),
    item('subject-06', 'Я слежу за новыми данными науки, с которой связан мой предмет, и за изменениями его содержания в школьной программе.', [
      main('subject.content'),
      also('subject.worldview'),
    ]),
    item('subject-07', 'Я предлагаю ученикам задания, в которых знания предмета нужно применить в незнакомой жизненной ситуации.', [
      main('subject.functionalLiteracy'),
    ]),
    item('subject-08', 'Я учу учеников извлекать и истолковывать информацию из текстов, таблиц, графиков и схем на материале своего предмета.', [
      main('subject.functionalLiteracy'),
    ]),
    item(
      'subject-09',
      'Мне сложно понять, почему ученики раз за разом ошибаются в одних и тех же заданиях по моему предмету.',
      [main('subject.resultsAnalysis')],
      true,
    ),
    item('subject-10', 'По итогам контрольных работ, ВПР, ОГЭ и ЕГЭ я выявляю темы, усвоенные слабее, и планирую, как к ним вернуться.', [
      main('subject.resultsAnalysis'),
    ]),

    // Методическая компетентность
    item(
      'methodical-01',
      'Я составляю рабочую программу и тематическое планирование, опираясь на ФГОС и федеральную образовательную программу, а не только на учебник.',
      [main('methodical.planning')],
    ),
    item(
      'methodical-02',
      'Мне трудно соотнести планируемые результаты из рабочей программы с заданиями, которые я даю на уроке.',
      [main('methodical.planning'), also('methodical.lessonDesign')],
      true,
    ),
    item('methodical-03', 'Я планирую урок так, чтобы его цель была сформулирована через результат, достижение которого можно проверить к концу урока.', [
      main('methodical.lessonDesign'),
    ]),
    item('methodical-04', 'Я строю урок так, чтобы ученики сами открывали новый способ действия, а не получали его в готовом виде.', [
      main('methodical.lessonDesign'),
      also('methodical.metasubject'),
    ]),
    item(
      'methodical-05',
      'На моих уроках обычно не остаётся времени на то, чтобы ученики подвели итог и оценили свою работу.',
      [main('methodical.lessonDesign'), also('methodical.formativeAssessment')],
      true,
    ),
    item('methodical-06', 'Перед выполнением работы ученики знают, по каким критериям она будет оцениваться.', [main('methodical.formativeAssessment')]),
    item('methodical-07', 'Мои комментарии к работам учеников показывают, что уже получилось и какой шаг сделать дальше, а не сводятся к отметке.', [
      main('methodical.formativeAssessment'),
    ]),
    item('methodical-08', 'Я учу учеников оценивать свою работу и работу одноклассников по заранее известным критериям.', [
      main('methodical.formativeAssessment'),
      also('methodical.metasubject'),
    ]),
    item('methodical-09', 'Я даю на уроке задания разного уровня сложности, чтобы каждый ученик мог продвигаться в своём темпе.', [
      main('methodical.differentiation'),
    ]),
    item(
      'methodical-10',
      'Мне не удаётся учитывать на уроке разный уровень подготовки учеников: всему классу достаются одни и те же задания.',
      [main('methodical.differentiation')],
      true,
    ),
    item('methodical-11', 'Я целенаправленно учу учеников планировать свою работу, искать информацию и проверять себя.', [main('methodical.metasubject')]),
    item('methodical-12', 'Я организую проектную или исследовательскую работу, в которой ученики сами ставят вопрос и ищут на него ответ.', [
      main('methodical.projectActivity'),
    ]),
    item('methodical-13', 'После урока я анализирую, что удалось и что стоит изменить, и учитываю это при подготовке следующих уроков.', [
      main('methodical.reflection'),
    ]),

    // Психолого-педагогическая компетентность
    item('psycho-01', 'Выбирая формы работы и продолжительность заданий, я учитываю возрастные особенности учеников.', [main('psychoPedagogical.ageFeatures')]),
    item('psycho-02', 'Я знаю сильные стороны, темп работы и трудности каждого ученика своего класса и опираюсь на это в обучении.', [
      main('psychoPedagogical.ageFeatures'),
      also('psychoPedagogical.learningDifficulties'),
    ]),
    item('psycho-03', 'Я понимаю, какие специальные условия нужны ученикам с ОВЗ в моих классах, и создаю их на своих уроках.', [
      main('psychoPedagogical.inclusion'),
    ]),
    item(
      'psycho-04',
      'Мне трудно адаптировать задания и материалы урока для ученика с ОВЗ с учётом рекомендаций ПМПК.',
      [main('psychoPedagogical.inclusion')],
      true,
    ),
    item('psycho-05', 'Когда ученик начинает отставать или его поведение меняется, я замечаю это и выясняю причину.', [
      main('psychoPedagogical.learningDifficulties'),
    ]),
    item('psycho-06', 'Если ученику нужна помощь специалиста, я вовремя обращаюсь к педагогу-психологу, логопеду или дефектологу.', [
      main('psychoPedagogical.learningDifficulties'),
      also('psychoPedagogical.inclusion'),
    ]),
    item('psycho-07', 'Я поддерживаю интерес учеников к учению: даю выбор, показываю смысл заданий, отмечаю их продвижение.', [
      main('psychoPedagogical.motivation'),
    ]),
    item(
      'psycho-08',
      'Многие ученики работают на моих уроках только ради отметки, и я не знаю, как это изменить.',
      [main('psychoPedagogical.motivation')],
      true,
    ),
    item('psycho-09', 'На моих уроках ученики не боятся ошибаться и задавать вопросы.', [main('psychoPedagogical.safeEnvironment')]),
    item('psycho-10', 'Я замечаю признаки травли в классе и знаю, как действовать, если она возникла.', [
      main('psychoPedagogical.safeEnvironment'),
      also('psychoPedagogical.upbringing'),
    ]),
    item('psycho-11', 'На уроках и во внеурочных делах я помогаю ученикам осмысливать ценности: уважение, ответственность, заботу о других.', [
      main('psychoPedagogical.upbringing'),
    ]),

    // Коммуникативная компетентность
    item('communicative-01', 'Я разговариваю с учениками уважительно и спокойно, даже когда они нарушают дисциплину.', [
      main('communicative.students'),
      also('communicative.conflicts'),
    ]),
    item('communicative-02', 'Я объясняю материал и даю инструкции так, что ученикам понятно, что от них требуется.', [main('communicative.students')]),
    item('communicative-03', 'В общении с родителями я рассказываю не только о проблемах, но и об успехах ребёнка, и мы вместе ищем, как ему помочь.', [
      main('communicative.parents'),
    ]),
    item(
      'communicative-04',
      'Мне тяжело даются разговоры с родителями, которые недовольны отметками или моими требованиями.',
      [main('communicative.parents'), also('communicative.conflicts')],
      true,
    ),
    item('communicative-05', 'Я обсуждаю с коллегами трудные ситуации с учениками, и мы вместе ищем решения.', [main('communicative.colleagues')]),
    item(
      'communicative-06',
      'Я делюсь своими методическими находками с коллегами: на методическом объединении, открытых уроках, в профессиональных сообществах.',
      [main('communicative.colleagues')],
    ),
    item('communicative-07', 'Когда в классе возникает конфликт, я помогаю его участникам услышать друг друга и договориться.', [
      main('communicative.conflicts'),
    ]),
    item(
      'communicative-08',
      'В напряжённой ситуации я могу повысить голос или резко ответить ученику, о чём потом жалею.',
      [main('communicative.conflicts'), also('communicative.students')],
      true,
    ),
    item('communicative-09', 'Я организую работу в парах и группах так, что ученики распределяют роли и договариваются между собой.', [
      main('communicative.learningCooperation'),
    ]),
    item('communicative-10', 'Я учу учеников вести учебный диалог: аргументировать свою позицию, слушать и уважать чужую.', [
      main('communicative.learningCooperation'),
      also('communicative.students'),
    ]),

    // Цифровая компетентность
    item('digital-01', 'Я подбираю цифровые образовательные ресурсы под цель урока, а не использую их ради разнообразия.', [main('digital.resources')]),
    item('digital-02', 'Прежде чем дать ученикам цифровой материал, я проверяю его достоверность и качество.', [
      main('digital.resources'),
      also('digital.safety'),
    ]),
    item(
      'digital-03',
      'Мне сложно освоить новый цифровой сервис для работы без помощи коллег.',
      [main('digital.resources'), also('digital.contentCreation')],
      true,
    ),
    item('digital-04', 'Я создаю собственные цифровые учебные материалы: интерактивные задания, видеообъяснения, онлайн-тесты.', [
      main('digital.contentCreation'),
    ]),
    item('digital-05', 'Я могу быстро организовать обучение класса дистанционно, если очные занятия невозможны.', [main('digital.blendedLearning')]),
    item('digital-06', 'Я использую смешанное обучение: часть работы ученики выполняют в цифровой среде, а на уроке мы обсуждаем результаты.', [
      main('digital.blendedLearning'),
      also('digital.contentCreation'),
    ]),
    item('digital-07', 'Я анализирую данные электронного журнала и результаты онлайн-тестов, чтобы увидеть, кому из учеников нужна помощь.', [
      main('digital.data'),
    ]),
    item(
      'digital-08',
      'Электронный журнал для меня — только место, где нужно выставить отметки; анализировать в нём данные я не умею.',
      [main('digital.data')],
      true,
    ),
    item('digital-09', 'Я объясняю ученикам правила безопасного поведения в сети и защиты личных данных.', [main('digital.safety')]),
    item('digital-10', 'Работая с цифровыми сервисами, я слежу, чтобы персональные данные учеников были защищены.', [main('digital.safety')]),
  ],
};
