/**
 * The competency framework shipped with ПрофРост: six areas and the observable
 * indicators the instruments measure. Indicator ids are stable: results,
 * growth between periods and municipal summaries are keyed by them, so an id
 * is never renamed or reused; a changed meaning gets a new id.
 *
 * Labour functions follow the Профстандарт педагога (приказ Минтруда № 544н):
 * A/01.6 обучение, A/02.6 воспитательная деятельность, A/03.6 развивающая
 * деятельность, B/02.6 начальное общее образование, B/03.6 основное и среднее
 * общее образование, B/04.6 и B/05.6 — предметные модули «Математика» и
 * «Русский язык». An indicator lists only the functions whose labour actions
 * it genuinely evidences; the subject modules B/04.6 and B/05.6 appear only
 * where the standard names the action itself (математическая и читательская
 * грамотность), not on every subject indicator. Wellbeing indicators are not
 * labour functions and list none. The areas' titles are the ones every screen
 * shows (shared/competencies.ts).
 */
import type { z } from 'zod';
import { areaTitles } from '../competencies.ts';
import type { frameworkSchema } from '../schemas/framework.ts';

export const frameworkContent: z.input<typeof frameworkSchema> = {
  areas: [
    {
      id: 'subject',
      title: areaTitles.subject,
      description:
        'Глубокое владение содержанием преподаваемого предмета, умение решать предметные задачи разного уровня сложности, показывать место предмета в картине мира и формировать функциональную грамотность обучающихся.',
    },
    {
      id: 'methodical',
      title: areaTitles.methodical,
      description:
        'Проектирование обучения в соответствии с ФГОС и федеральными образовательными программами: планирование, построение урока на основе системно-деятельностного подхода, формирующее оценивание, дифференциация обучения и анализ собственной практики.',
    },
    {
      id: 'psychoPedagogical',
      title: areaTitles.psychoPedagogical,
      description:
        'Учёт возрастных и индивидуальных особенностей обучающихся, обучение детей с ОВЗ, поддержка учебной мотивации, создание психологически безопасной образовательной среды и воспитательная работа.',
    },
    {
      id: 'communicative',
      title: areaTitles.communicative,
      description:
        'Педагогическое общение с обучающимися, сотрудничество с родителями (законными представителями) и коллегами, предупреждение и разрешение конфликтов, организация учебного сотрудничества.',
    },
    {
      id: 'digital',
      title: areaTitles.digital,
      description:
        'Осмысленное использование цифровых образовательных ресурсов, создание собственных цифровых материалов, организация дистанционного и смешанного обучения, работа с данными и информационная безопасность.',
    },
    {
      id: 'wellbeing',
      title: areaTitles.wellbeing,
      description:
        'Эмоциональные силы, ощущение результативности своей работы, баланс работы и личной жизни, поддержка в коллективе. Это не дефицит и не предмет оценки: результат нужен самому педагогу для профилактики профессионального выгорания.',
    },
  ],
  indicators: [
    // Предметная компетентность
    {
      id: 'subject.content',
      area: 'subject',
      title: 'Владение содержанием преподаваемого предмета',
      laborFunctions: ['A/01.6'],
    },
    {
      id: 'subject.tasks',
      area: 'subject',
      title: 'Решение и составление предметных задач разного уровня сложности',
      laborFunctions: ['A/01.6', 'B/03.6'],
    },
    {
      id: 'subject.worldview',
      area: 'subject',
      title: 'Место предмета в общей картине мира и межпредметные связи',
      laborFunctions: ['A/01.6', 'B/03.6'],
    },
    {
      // Математическая грамотность — модуль B/04.6, читательская и речевая — модуль B/05.6.
      id: 'subject.functionalLiteracy',
      area: 'subject',
      title: 'Формирование функциональной грамотности средствами предмета',
      laborFunctions: ['A/01.6', 'B/03.6', 'B/04.6', 'B/05.6'],
    },
    {
      id: 'subject.resultsAnalysis',
      area: 'subject',
      title: 'Анализ предметных результатов и типичных ошибок обучающихся',
      laborFunctions: ['A/01.6', 'B/03.6'],
    },

    // Методическая компетентность
    {
      id: 'methodical.planning',
      area: 'methodical',
      title: 'Планирование обучения по ФГОС и федеральной образовательной программе',
      laborFunctions: ['A/01.6'],
    },
    {
      id: 'methodical.lessonDesign',
      area: 'methodical',
      title: 'Проектирование урока на основе системно-деятельностного подхода',
      laborFunctions: ['A/01.6', 'B/02.6', 'B/03.6'],
    },
    {
      id: 'methodical.formativeAssessment',
      area: 'methodical',
      title: 'Формирующее оценивание: критерии, обратная связь, самооценка обучающихся',
      laborFunctions: ['A/01.6', 'B/02.6'],
    },
    {
      id: 'methodical.differentiation',
      area: 'methodical',
      title: 'Дифференциация и индивидуализация обучения',
      laborFunctions: ['A/01.6', 'A/03.6', 'B/03.6'],
    },
    {
      id: 'methodical.metasubject',
      area: 'methodical',
      title: 'Формирование универсальных учебных действий',
      laborFunctions: ['A/01.6', 'B/02.6', 'B/03.6'],
    },
    {
      id: 'methodical.projectActivity',
      area: 'methodical',
      title: 'Организация проектной и исследовательской деятельности обучающихся',
      laborFunctions: ['A/01.6', 'A/02.6'],
    },
    {
      id: 'methodical.reflection',
      area: 'methodical',
      title: 'Анализ собственных уроков и совершенствование практики',
      laborFunctions: ['A/01.6'],
    },

    // Психолого-педагогическая компетентность
    {
      id: 'psychoPedagogical.ageFeatures',
      area: 'psychoPedagogical',
      title: 'Учёт возрастных и индивидуальных особенностей обучающихся',
      laborFunctions: ['A/01.6', 'A/03.6', 'B/02.6'],
    },
    {
      id: 'psychoPedagogical.inclusion',
      area: 'psychoPedagogical',
      title: 'Обучение детей с ОВЗ и инвалидностью: специальные условия и адаптированные программы',
      laborFunctions: ['A/01.6', 'A/03.6'],
    },
    {
      id: 'psychoPedagogical.learningDifficulties',
      area: 'psychoPedagogical',
      title: 'Выявление трудностей в обучении и адресная помощь обучающимся',
      laborFunctions: ['A/03.6', 'B/02.6'],
    },
    {
      id: 'psychoPedagogical.motivation',
      area: 'psychoPedagogical',
      title: 'Поддержка учебной мотивации и самостоятельности обучающихся',
      laborFunctions: ['A/01.6', 'A/02.6'],
    },
    {
      id: 'psychoPedagogical.safeEnvironment',
      area: 'psychoPedagogical',
      title: 'Психологически безопасная и комфортная образовательная среда',
      laborFunctions: ['A/02.6', 'A/03.6'],
    },
    {
      id: 'psychoPedagogical.upbringing',
      area: 'psychoPedagogical',
      title: 'Воспитательная работа: ценностные ориентиры и уклад жизни класса',
      laborFunctions: ['A/02.6'],
    },

    // Коммуникативная компетентность
    {
      id: 'communicative.students',
      area: 'communicative',
      title: 'Педагогическое общение с обучающимися',
      laborFunctions: ['A/01.6', 'A/02.6'],
    },
    {
      id: 'communicative.parents',
      area: 'communicative',
      title: 'Сотрудничество с родителями (законными представителями)',
      laborFunctions: ['A/02.6', 'A/03.6'],
    },
    {
      id: 'communicative.colleagues',
      area: 'communicative',
      title: 'Профессиональное взаимодействие с коллегами и специалистами',
      laborFunctions: ['A/01.6', 'A/03.6'],
    },
    {
      id: 'communicative.conflicts',
      area: 'communicative',
      title: 'Предупреждение и конструктивное разрешение конфликтов',
      laborFunctions: ['A/02.6', 'A/03.6'],
    },
    {
      id: 'communicative.learningCooperation',
      area: 'communicative',
      title: 'Организация учебного сотрудничества и диалога обучающихся',
      laborFunctions: ['A/01.6', 'A/02.6'],
    },

    // Цифровая компетентность
    {
      id: 'digital.resources',
      area: 'digital',
      title: 'Отбор и применение цифровых образовательных ресурсов',
      laborFunctions: ['A/01.6'],
    },
    {
      id: 'digital.contentCreation',
      area: 'digital',
      title: 'Создание собственных цифровых учебных материалов',
      laborFunctions: ['A/01.6'],
    },
    {
      id: 'digital.blendedLearning',
      area: 'digital',
      title: 'Организация дистанционного и смешанного обучения',
      laborFunctions: ['A/01.6'],
    },
    {
      id: 'digital.data',
      area: 'digital',
      title: 'Работа с данными электронного журнала и цифровыми инструментами оценивания',
      laborFunctions: ['A/01.6'],
    },
    {
      id: 'digital.safety',
      area: 'digital',
      title: 'Информационная безопасность и цифровая культура обучающихся',
      laborFunctions: ['A/01.6', 'A/02.6'],
    },

    // Wellbeing: higher is better, so exhaustion is measured as its opposite.
    {
      id: 'wellbeing.energy',
      area: 'wellbeing',
      title: 'Эмоциональные силы и восстановление',
      laborFunctions: [],
    },
    {
      id: 'wellbeing.accomplishment',
      area: 'wellbeing',
      title: 'Ощущение результативности своей работы',
      laborFunctions: [],
    },
    {
      id: 'wellbeing.engagement',
      area: 'wellbeing',
      title: 'Живой интерес к ученикам и своему делу',
      laborFunctions: [],
    },
    {
      id: 'wellbeing.balance',
      area: 'wellbeing',
      title: 'Баланс работы и личной жизни',
      laborFunctions: [],
    },
    {
      id: 'wellbeing.support',
      area: 'wellbeing',
      title: 'Поддержка коллег и администрации',
      laborFunctions: [],
    },
  ],
};
