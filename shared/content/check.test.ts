import { describe, expect, it } from 'vitest';
import { ContentError, loadFramework, loadInstrument } from './check.ts';
import { frameworkContent } from './framework.ts';
import { burnoutScreening } from './instruments/burnout-screening.ts';
import { methodicalTest } from './instruments/methodical-test.ts';
import { selfAssessment } from './instruments/self-assessment.ts';
import { framework } from './shipped-framework.ts';

const clone = <T>(value: T): T => structuredClone(value);

describe('invalid content is refused with a message naming the problem', () => {
  it('an indicator that is not in the framework', () => {
    const broken = clone(methodicalTest);
    broken.items[0]!.measures = [{ indicator: 'methodical.unknown' }];
    expect(() => loadInstrument(broken, framework)).toThrow(ContentError);
    expect(() => loadInstrument(broken, framework)).toThrow(
      'Инструмент «methodicalTest»: вопрос «q01»: индикатора «methodical.unknown» нет в рамке компетенций',
    );
  });

  it('a key that is not among the options', () => {
    const broken = clone(methodicalTest);
    const item = broken.items.find((candidate) => candidate.id === 'q02')!;
    if (item.kind !== 'single') throw new Error('q02 должен быть вопросом с одним ответом');
    item.key = 'z';
    expect(() => loadInstrument(broken, framework)).toThrow(/Инструмент «methodicalTest»: вопрос «q02», key: ключ «z» не среди вариантов/);
  });

  it('a screening that measures a competency', () => {
    const broken = clone(burnoutScreening);
    broken.items[3]!.measures = [{ indicator: 'digital.safety' }];
    expect(() => loadInstrument(broken, framework)).toThrow(
      /Инструмент «burnoutScreening»: вопрос «wb-04»: скрининг измеряет только благополучие педагога, а индикатор «digital\.safety»/,
    );
  });

  it('a self-assessment that measures wellbeing, or a screening without risk bands', () => {
    const self = clone(selfAssessment);
    self.items[0]!.measures = [{ indicator: 'wellbeing.energy' }];
    expect(() => loadInstrument(self, framework)).toThrow(/вопрос «subject-01»: индикатор благополучия «wellbeing\.energy»/);

    const screening = clone(burnoutScreening);
    delete screening.bands;
    expect(() => loadInstrument(screening, framework)).toThrow(/Инструмент «burnoutScreening»: у скрининга уровни риска \(highRisk/);
  });

  it('a repeated item id and a missing text', () => {
    const broken = clone(selfAssessment);
    broken.items[1]!.id = broken.items[0]!.id;
    broken.items[2]!.text = '';
    const message = (() => {
      try {
        loadInstrument(broken, framework);
      } catch (error) {
        return (error as Error).message;
      }
      return 'принят';
    })();
    expect(message).toMatch(/вопрос «subject-01», id: вопрос «subject-01» повторяется/);
    expect(message).toMatch(/вопрос «subject-03», text:/);
  });

  it('a competency indicator without labour functions', () => {
    const broken = clone(frameworkContent);
    broken.indicators.find((indicator) => indicator.id === 'digital.data')!.laborFunctions = [];
    expect(() => loadFramework(broken)).toThrow(
      /Рамка компетенций содержит ошибки: индикатор «digital\.data», laborFunctions: индикатор компетенции должен ссылаться/,
    );
  });
});
