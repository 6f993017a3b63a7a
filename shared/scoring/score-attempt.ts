import { type AreaId, areaIds } from '../competencies.ts';
import { InstrumentInvalidError } from '../errors.ts';
import type { Framework } from '../schemas/framework.ts';
import type { Band, Instrument } from '../schemas/instrument.ts';
import { checkAnswers } from './answers.ts';
import { deficitsOf } from './deficits.ts';
import { itemScore } from './item-score.ts';
import { levelFor } from './levels.ts';
import { indicatorAreas, instrumentFrameworkIssues } from './framework-issues.ts';
import type { AreaResult, AttemptResult, IndicatorResult, Submission } from './result.ts';
import { roundScore } from './round.ts';

/**
 * Scores one attempt. The submission names the instrument id and version the
 * answers were given for; any other version is refused (AnswersInvalidError),
 * so a stored attempt can only ever be re-scored with exactly the instrument
 * it was taken with. Throws InstrumentInvalidError if the instrument does not
 * fit the framework.
 */
export function scoreAttempt(instrument: Instrument, submission: Submission, framework: Framework): AttemptResult {
  const plan = cachedPlan(instrument, framework);
  if (plan.issues.length > 0) throw new InstrumentInvalidError(plan.issues);
  const scores = new Map<string, number>();
  for (const answer of checkAnswers(instrument, submission)) scores.set(answer.item.id, itemScore(answer));

  const count = plan.totals.length;
  const weightedSums = new Float64Array(count);
  const weights = new Float64Array(count);
  const answered = new Uint32Array(count);
  for (const { id, steps, tallies } of plan.items) {
    const score = scores.get(id);
    if (score === undefined) continue;
    // The same additions in the same order as item by item, measure by measure: identical sums.
    for (const { tally, weight } of steps) {
      weightedSums[tally] = weightedSums[tally]! + score * weight;
      weights[tally] = weights[tally]! + weight;
    }
    for (const tally of tallies) answered[tally] = answered[tally]! + 1;
  }

  const finish = (tally: number) =>
    summarise(answered[tally]!, plan.totals[tally]!, weightedSums[tally]!, weights[tally]!, instrument.bands, instrument.minAnsweredShare);
  const areas: Partial<Record<AreaId, AreaResult>> = {};
  for (const [area, tally] of plan.areas) areas[area] = finish(tally);
  const indicators: Record<string, IndicatorResult> = {};
  for (const [indicator, area, tally] of plan.indicators) {
    const { score, level, answered, total } = finish(tally);
    indicators[indicator] = { area, score, level, answered, total };
  }

  return {
    instrumentId: instrument.id,
    instrumentVersion: instrument.version,
    instrumentKind: instrument.kind,
    bands: instrument.bands,
    areas,
    indicators,
    // deficitsOf looks at competencies only: wellbeing never becomes a deficit, whatever its score.
    deficits: deficitsOf(areas),
  };
}

/**
 * How an instrument's items feed the tallies of areas and indicators, worked
 * out once per instrument and framework: the server scores every attempt
 * against the same few objects, which are never changed once loaded, and
 * rebuilding sets of item ids per area and indicator for every attempt was
 * most of the scoring time. A tally is an area or an indicator, by index.
 */
interface ScoringPlan {
  /** What is wrong with the instrument against the framework; scoring refuses if anything. */
  issues: ReturnType<typeof instrumentFrameworkIssues>;
  items: {
    id: string;
    /** One step per measure and tally (its area's, then its indicator's), in the instrument's order. */
    steps: { tally: number; weight: number }[];
    /** The distinct tallies the item counts in: an item measuring two indicators of one area counts once there. */
    tallies: number[];
  }[];
  /** Items per tally. */
  totals: number[];
  /** Measured areas in the order of areaIds, and measured indicators in the framework's order. */
  areas: [AreaId, number][];
  indicators: [string, AreaId, number][];
}

const plansByFramework = new WeakMap<Framework, WeakMap<Instrument, ScoringPlan>>();

function cachedPlan(instrument: Instrument, framework: Framework): ScoringPlan {
  const byInstrument = plansByFramework.get(framework) ?? plansByFramework.set(framework, new WeakMap()).get(framework)!;
  let plan = byInstrument.get(instrument);
  if (!plan) {
    plan = planScoring(instrument, framework);
    byInstrument.set(instrument, plan);
  }
  return plan;
}

function planScoring(instrument: Instrument, framework: Framework): ScoringPlan {
  const issues = instrumentFrameworkIssues(instrument, framework);
  const areaOf = indicatorAreas(framework);
  const tallyIndex = new Map<string, number>();
  const itemsPerTally: Set<string>[] = [];
  const tallyFor = (key: string) => {
    let index = tallyIndex.get(key);
    if (index === undefined) {
      index = itemsPerTally.length;
      tallyIndex.set(key, index);
      itemsPerTally.push(new Set());
    }
    return index;
  };
  const items =
    issues.length > 0
      ? []
      : instrument.items.map((item) => {
          const steps: ScoringPlan['items'][number]['steps'] = [];
          for (const measure of item.measures) {
            const area = areaOf.get(measure.indicator)!; // instrumentFrameworkIssues guarantees it
            for (const tally of [tallyFor(`area:${area}`), tallyFor(`indicator:${measure.indicator}`)]) {
              itemsPerTally[tally]!.add(item.id);
              steps.push({ tally, weight: measure.weight });
            }
          }
          return { id: item.id, steps, tallies: [...new Set(steps.map((step) => step.tally))] };
        });
  return {
    issues,
    items,
    totals: itemsPerTally.map((ids) => ids.size),
    areas: areaIds.flatMap((area): [AreaId, number][] => {
      const tally = tallyIndex.get(`area:${area}`);
      return tally === undefined ? [] : [[area, tally]];
    }),
    indicators: framework.indicators.flatMap((indicator): [string, AreaId, number][] => {
      const tally = tallyIndex.get(`indicator:${indicator.id}`);
      return tally === undefined ? [] : [[indicator.id, indicator.area, tally]];
    }),
  };
}

function summarise(answered: number, total: number, weightedSum: number, weight: number, bands: readonly Band[], minAnsweredShare: number): AreaResult {
  // With nothing answered there is no score at all, even if the instrument allows a share of 0.
  if (answered === 0 || answered / total < minAnsweredShare) {
    return { score: null, level: 'insufficientData', answered, total };
  }
  // The level is taken from the rounded score so that the number a teacher sees
  // and the level shown next to it always agree (59.96 shows as 60.0 → moderate).
  const score = roundScore((100 * weightedSum) / weight);
  return { score, level: levelFor(score, bands), answered, total };
}
