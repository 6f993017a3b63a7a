/**
 * Small inline fixtures for the domain logic. Deliberately not the shipped
 * content in shared/content/: these tests pin the rules, not the wording of
 * real instruments.
 */
import type { CompetencyId, DeficitLevel } from '../competencies.ts';
import type { RouteProfile } from '../route/build-route.ts';
import type { Framework } from '../schemas/framework.ts';
import type { Instrument, InstrumentInput } from '../schemas/instrument.ts';
import { parseFramework } from '../scoring/parse-framework.ts';
import { parseInstrument } from '../scoring/parse-instrument.ts';
import type { AttemptResult } from '../scoring/result.ts';

export const framework: Framework = parseFramework({
  areas: [
    { id: 'subject', title: 'Предметная компетенция', description: '' },
    { id: 'methodical', title: 'Методическая компетенция', description: '' },
    { id: 'psychoPedagogical', title: 'Психолого-педагогическая компетенция', description: '' },
    { id: 'communicative', title: 'Коммуникативная компетенция', description: '' },
    { id: 'digital', title: 'Цифровая компетентность', description: '' },
    { id: 'wellbeing', title: 'Профессиональное благополучие', description: '' },
  ],
  indicators: [
    { id: 'subj.content', area: 'subject', title: 'Знание предмета', laborFunctions: ['B/03.6'] },
    { id: 'meth.planning', area: 'methodical', title: 'Планирование урока', laborFunctions: ['A/01.6'] },
    { id: 'meth.assessment', area: 'methodical', title: 'Оценивание результатов', laborFunctions: ['A/01.6'] },
    { id: 'psy.support', area: 'psychoPedagogical', title: 'Поддержка развития', laborFunctions: ['A/03.6'] },
    { id: 'comm.parents', area: 'communicative', title: 'Работа с родителями', laborFunctions: ['A/02.6'] },
    { id: 'dig.tools', area: 'digital', title: 'Цифровые инструменты', laborFunctions: ['A/01.6'] },
    { id: 'wb.exhaustion', area: 'wellbeing', title: 'Эмоциональное истощение', laborFunctions: [] },
    { id: 'wb.engagement', area: 'wellbeing', title: 'Вовлечённость', laborFunctions: [] },
  ],
});

export const scale = ['совсем не про меня', 'скорее нет', 'отчасти', 'скорее да', 'полностью про меня'];

const likert = (id: string, indicator: string, reverse = false) => ({
  id,
  kind: 'likert' as const,
  text: `Утверждение ${id}`,
  reverse,
  measures: [{ indicator }],
});

/** Self-assessment: two Likert items per competency, the second methodical and psycho ones reverse-keyed. */
export const selfAssessmentInput = {
  id: 'self',
  version: 1,
  kind: 'selfAssessment',
  title: 'Самооценка',
  description: '',
  scale,
  items: [
    likert('s1', 'subj.content'),
    likert('s2', 'subj.content'),
    likert('m1', 'meth.planning'),
    likert('m2', 'meth.assessment', true),
    likert('p1', 'psy.support'),
    likert('p2', 'psy.support', true),
    likert('c1', 'comm.parents'),
    likert('c2', 'comm.parents'),
    likert('d1', 'dig.tools'),
    likert('d2', 'dig.tools'),
  ],
} satisfies InstrumentInput;

export const selfAssessment: Instrument = parseInstrument(selfAssessmentInput, framework);

const options = (...ids: string[]) => ids.map((id) => ({ id, text: `вариант ${id}` }));

/** Knowledge test: single and multiple choice, weighted measures, one item evidencing two areas. */
export const knowledgeTestInput = {
  id: 'test',
  version: 2,
  kind: 'knowledgeTest',
  title: 'Тест',
  description: '',
  items: [
    { id: 't1', kind: 'single', text: 'Вопрос t1', options: options('a', 'b', 'c'), key: 'b', measures: [{ indicator: 'subj.content', weight: 2 }] },
    { id: 't2', kind: 'single', text: 'Вопрос t2', options: options('a', 'b'), key: 'a', measures: [{ indicator: 'subj.content' }] },
    {
      id: 't3',
      kind: 'multiple',
      text: 'Вопрос t3',
      options: options('a', 'b', 'c', 'd'),
      key: ['a', 'c'],
      measures: [{ indicator: 'meth.assessment' }],
    },
    {
      id: 't4',
      kind: 'single',
      text: 'Вопрос t4',
      options: options('a', 'b', 'c'),
      key: 'c',
      measures: [{ indicator: 'meth.planning' }, { indicator: 'dig.tools' }],
    },
  ],
} satisfies InstrumentInput;

export const knowledgeTest: Instrument = parseInstrument(knowledgeTestInput, framework);

export const screeningInput = {
  id: 'burnout',
  version: 1,
  kind: 'screening',
  title: 'Скрининг выгорания',
  description: '',
  scale,
  bands: [
    { level: 'highRisk', upTo: 40, inclusive: false },
    { level: 'moderateRisk', upTo: 70, inclusive: true },
    { level: 'lowRisk', upTo: 100, inclusive: true },
  ],
  items: [likert('w1', 'wb.exhaustion', true), likert('w2', 'wb.exhaustion', true), likert('w3', 'wb.engagement')],
} satisfies InstrumentInput;

export const screening: Instrument = parseInstrument(screeningInput, framework);

/** Answers giving every item of an instrument the same Likert value. */
export function allLikert(instrument: Instrument, value: number): Record<string, number> {
  return Object.fromEntries(instrument.items.map((item) => [item.id, value]));
}

export function submission(instrument: Instrument, answers: Record<string, number | string | string[]>) {
  return { instrumentId: instrument.id, instrumentVersion: instrument.version, answers };
}

/** A hand-made attempt result with given competency scores, for profile tests that need no instrument. */
export function resultWith(
  instrumentId: string,
  instrumentVersion: number,
  areas: AttemptResult['areas'],
  kind: AttemptResult['instrumentKind'] = 'selfAssessment',
): AttemptResult {
  return {
    instrumentId,
    instrumentVersion,
    instrumentKind: kind,
    bands:
      kind === 'screening'
        ? [
            { level: 'highRisk', upTo: 40, inclusive: false },
            { level: 'moderateRisk', upTo: 70, inclusive: true },
            { level: 'lowRisk', upTo: 100, inclusive: true },
          ]
        : [
            { level: 'highDeficit', upTo: 60, inclusive: false },
            { level: 'moderateDeficit', upTo: 80, inclusive: true },
            { level: 'noDeficit', upTo: 100, inclusive: true },
          ],
    areas,
    indicators: {},
    deficits: [],
  };
}

/** A route profile from levels and scores; unspecified competencies lack data. */
export function routeProfile(standing: Partial<Record<CompetencyId, [DeficitLevel, number]>>): RouteProfile {
  const competencies = {} as RouteProfile['competencies'];
  for (const competency of ['subject', 'methodical', 'psychoPedagogical', 'communicative', 'digital'] as const) {
    const entry = standing[competency];
    competencies[competency] = entry ? { level: entry[0], score: entry[1] } : { level: 'insufficientData', score: null };
  }
  return { competencies };
}
