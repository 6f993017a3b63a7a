import { describe, expect, it } from 'vitest';
import { type AreaId, areaIds, competencyIds, riskLevels } from '../competencies.ts';
import { defaultDeficitBands, type Instrument, type Item } from '../schemas/instrument.ts';
import { framework, instrumentById, instruments } from './index.ts';

const areaOf = new Map(framework.indicators.map((indicator) => [indicator.id, indicator.area]));

function instrument(id: string): Instrument {
  const found = instrumentById(id);
  if (!found) throw new Error(`нет инструмента ${id}`);
  return found;
}

/** The area an item counts towards; content items never span two areas (checked below). */
function itemArea(item: Item): AreaId {
  return areaOf.get(item.measures[0]!.indicator)!;
}

/** Every string a teacher sees. */
function visibleTexts(): string[] {
  const texts: string[] = [];
  for (const area of framework.areas) texts.push(area.title, area.description);
  for (const indicator of framework.indicators) texts.push(indicator.title);
  for (const inst of instruments) {
    texts.push(inst.title, inst.description, ...(inst.scale ?? []));
    for (const item of inst.items) {
      texts.push(item.text);
      if (item.kind !== 'likert') texts.push(...item.options.map((option) => option.text));
    }
  }
  return texts;
}

describe('shipped content', () => {
  it('loads at import: framework and three instruments, with defaults applied', () => {
    expect(framework.areas.map((area) => area.id).sort()).toEqual([...areaIds].sort());
    expect(instruments.map((inst) => [inst.id, inst.version, inst.kind])).toEqual([
      ['selfAssessment', 1, 'selfAssessment'],
      ['methodicalTest', 1, 'knowledgeTest'],
      ['burnoutScreening', 1, 'screening'],
    ]);
    expect(instrument('methodicalTest').bands).toEqual(defaultDeficitBands);
    expect(instrument('methodicalTest').minAnsweredShare).toBe(0.5);
    const nonReverse = instrument('selfAssessment').items.find((item) => item.id === 'subject-01');
    expect(nonReverse).toMatchObject({ kind: 'likert', reverse: false });
    expect(instrumentById('noSuchInstrument')).toBeUndefined();
  });

  describe('framework', () => {
    it('has the six areas with their Russian titles', () => {
      const titles = Object.fromEntries(framework.areas.map((area) => [area.id, area.title]));
      expect(titles).toEqual({
        subject: 'Предметная',
        methodical: 'Методическая',
        psychoPedagogical: 'Психолого-педагогическая',
        communicative: 'Коммуникативная',
        digital: 'Цифровая',
        wellbeing: 'Профилактика выгорания',
      });
      for (const area of framework.areas) expect(area.description.length).toBeGreaterThan(40);
    });

    it('has 4–7 indicators per competency, each with labour functions; wellbeing has none', () => {
      for (const area of competencyIds) {
        const indicators = framework.indicators.filter((indicator) => indicator.area === area);
        expect(indicators.length, area).toBeGreaterThanOrEqual(4);
        expect(indicators.length, area).toBeLessThanOrEqual(7);
        for (const indicator of indicators) {
          expect(indicator.laborFunctions.length, indicator.id).toBeGreaterThan(0);
          expect(indicator.id.startsWith(`${area}.`), indicator.id).toBe(true);
        }
      }
      const wellbeing = framework.indicators.filter((indicator) => indicator.area === 'wellbeing');
      expect(wellbeing.length).toBeGreaterThanOrEqual(4);
      for (const indicator of wellbeing) expect(indicator.laborFunctions).toEqual([]);
    });
  });

  describe('self-assessment', () => {
    const self = instrument('selfAssessment');

    it('has at least 40 Likert items, at least 7 per competency', () => {
      expect(self.items.length).toBeGreaterThanOrEqual(40);
      expect(self.items.every((item) => item.kind === 'likert')).toBe(true);
      for (const area of competencyIds) {
        expect(self.items.filter((item) => itemArea(item) === area).length, area).toBeGreaterThanOrEqual(7);
      }
    });

    it('has a five-label scale, default deficit bands and minAnsweredShare 0.6', () => {
      expect(self.scale).toHaveLength(5);
      expect(self.bands).toEqual(defaultDeficitBands);
      expect(self.minAnsweredShare).toBe(0.6);
    });

    it('measures every competency indicator, each item one or two indicators of one area', () => {
      const measured = new Set(self.items.flatMap((item) => item.measures.map((measure) => measure.indicator)));
      for (const indicator of framework.indicators) {
        if (indicator.area !== 'wellbeing') expect(measured.has(indicator.id), indicator.id).toBe(true);
      }
      for (const item of self.items) {
        expect(item.measures.length, item.id).toBeGreaterThanOrEqual(1);
        expect(item.measures.length, item.id).toBeLessThanOrEqual(2);
        expect(new Set(item.measures.map((measure) => areaOf.get(measure.indicator))).size, item.id).toBe(1);
      }
    });

    it('reverse-keys 15–30 % of the items, in every competency', () => {
      const reverse = self.items.filter((item) => item.kind === 'likert' && item.reverse);
      const share = reverse.length / self.items.length;
      expect(share).toBeGreaterThanOrEqual(0.15);
      expect(share).toBeLessThanOrEqual(0.3);
      for (const area of competencyIds) {
        expect(
          reverse.some((item) => itemArea(item) === area),
          area,
        ).toBe(true);
      }
    });
  });

  describe('methodical test', () => {
    const test = instrument('methodicalTest');

    it('has at least 15 questions, a few of them multiple choice', () => {
      expect(test.items.length).toBeGreaterThanOrEqual(15);
      expect(test.items.every((item) => item.kind !== 'likert')).toBe(true);
      expect(test.items.filter((item) => item.kind === 'multiple').length).toBeGreaterThanOrEqual(3);
    });

    it('keys every question among its options, with distinct options and a wrong one left to pick', () => {
      for (const item of test.items) {
        if (item.kind === 'likert') continue;
        const ids = item.options.map((option) => option.id);
        expect(new Set(ids).size, item.id).toBe(ids.length);
        expect(new Set(item.options.map((option) => option.text)).size, item.id).toBe(ids.length);
        expect(item.options.length, item.id).toBeGreaterThanOrEqual(4);
        if (item.kind === 'single') {
          expect(ids, item.id).toContain(item.key);
        } else {
          expect(new Set(item.key).size, item.id).toBe(item.key.length);
          for (const key of item.key) expect(ids, item.id).toContain(key);
          expect(item.key.length, item.id).toBeLessThan(ids.length);
          expect(item.key.length, item.id).toBeGreaterThanOrEqual(2);
        }
      }
    });

    it('spreads single-choice keys over the positions', () => {
      const positions = new Map<string, number>();
      for (const item of test.items) {
        if (item.kind === 'single') positions.set(item.key, (positions.get(item.key) ?? 0) + 1);
      }
      const singles = test.items.filter((item) => item.kind === 'single').length;
      for (const count of positions.values()) expect(count).toBeLessThanOrEqual(Math.ceil(singles / 2));
      expect(positions.size).toBeGreaterThanOrEqual(3);
    });

    it('measures methodical indicators, and psycho-pedagogical ones for ОВЗ and development', () => {
      const areas = test.items.map(itemArea);
      expect(new Set(areas)).toEqual(new Set(['methodical', 'psychoPedagogical']));
      expect(areas.filter((area) => area === 'methodical').length).toBeGreaterThan(areas.length / 2);
    });
  });

  describe('burnout screening', () => {
    const screening = instrument('burnoutScreening');

    it('has at least 10 Likert items measuring wellbeing only, higher = better', () => {
      expect(screening.items.length).toBeGreaterThanOrEqual(10);
      for (const item of screening.items) {
        expect(item.kind, item.id).toBe('likert');
        for (const measure of item.measures) expect(areaOf.get(measure.indicator), item.id).toBe('wellbeing');
      }
      const reverse = screening.items.filter((item) => item.kind === 'likert' && item.reverse);
      expect(reverse.length).toBeGreaterThanOrEqual(3);
      expect(reverse.length).toBeLessThan(screening.items.length);
      const measured = new Set(screening.items.flatMap((item) => item.measures.map((measure) => measure.indicator)));
      for (const indicator of framework.indicators) {
        if (indicator.area === 'wellbeing') expect(measured.has(indicator.id), indicator.id).toBe(true);
      }
    });

    it('uses risk bands and tells the teacher the result is theirs alone', () => {
      expect(screening.bands.map((band) => band.level)).toEqual([...riskLevels]);
      expect(screening.bands).toEqual([
        { level: 'highRisk', upTo: 40, inclusive: false },
        { level: 'moderateRisk', upTo: 70, inclusive: true },
        { level: 'lowRisk', upTo: 100, inclusive: true },
      ]);
      expect(screening.description).toMatch(/видите только вы/);
      expect(screening.description).toMatch(/не ставит диагноз/);
    });
  });

  describe('wording', () => {
    it('has unique item ids across all instruments', () => {
      const ids = instruments.flatMap((inst) => inst.items.map((item) => item.id));
      expect(new Set(ids).size).toBe(ids.length);
    });

    it('never repeats an item text', () => {
      const texts = instruments.flatMap((inst) => inst.items.map((item) => item.text.trim().toLowerCase()));
      const repeated = texts.filter((text, index) => texts.indexOf(text) !== index);
      expect(repeated).toEqual([]);
    });

    it('is Russian with typographic quotes: no Latin letters, no straight quotes, no stray spaces', () => {
      for (const text of visibleTexts()) {
        expect(text, text).not.toMatch(/[A-Za-z]/);
        expect(text, text).not.toMatch(/["']/);
        expect(text, text).toBe(text.trim());
        expect(text, text).not.toMatch(/ {2}/);
      }
    });

    it('writes «ё» where it belongs', () => {
      const withoutYo = /(^|[^а-яё])(ее|еще|(учет|отчет|ребен|обновлен|обобщен|прием|объем|подтвержден|напряжен)\p{L}*)(?![а-яё])/iu;
      for (const text of visibleTexts()) expect(text, text).not.toMatch(withoutYo);
    });
  });
});
