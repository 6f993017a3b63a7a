import { type AreaId, areaIds } from '../competencies.ts';
import { InstrumentInvalidError } from '../errors.ts';
import type { Framework } from '../schemas/framework.ts';
import type { Band, Instrument } from '../schemas/instrument.ts';
import { checkAnswers } from './answers.ts';
import { deficitsOf } from './deficits.ts';
import { itemScore } from './item-score.ts';
import { levelFor } from './levels.ts';
import { indicatorAreas, instrumentFrameworkIssues } from './parse-instrument.ts';
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
  const instrumentIssues = cachedIssues(instrument, framework);
  if (instrumentIssues.length > 0) throw new InstrumentInvalidError(instrumentIssues);
  const scores = new Map(checkAnswers(instrument, submission).map((answer) => [answer.item.id, itemScore(answer)]));
  const areaOf = cachedAreas(framework);

  const byArea = new Map<AreaId, Tally>();
  const byIndicator = new Map<string, Tally>();
  for (const item of instrument.items) {
    const score = scores.get(item.id);
    for (const measure of item.measures) {
      const area = areaOf.get(measure.indicator)!; // instrumentFrameworkIssues guarantees it
      for (const tally of [tallyFor(byArea, area), tallyFor(byIndicator, measure.indicator)]) {
        tally.items.add(item.id);
        if (score === undefined) continue;
        tally.answered.add(item.id);
        tally.weightedSum += score * measure.weight;
        tally.weight += measure.weight;
      }
    }
  }

  const finish = (tally: Tally) => summarise(tally, instrument.bands, instrument.minAnsweredShare);
  const areas: Partial<Record<AreaId, AreaResult>> = {};
  for (const area of areaIds) {
    const tally = byArea.get(area);
    if (tally) areas[area] = finish(tally);
  }
  const indicators: Record<string, IndicatorResult> = {};
  for (const indicator of framework.indicators) {
    const tally = byIndicator.get(indicator.id);
    if (tally) indicators[indicator.id] = { area: indicator.area, ...finish(tally) };
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

/*
 * The server scores every attempt against the same few instrument and
 * framework objects, which are never changed once loaded; checking the
 * instrument against the framework and indexing the framework again for
 * every attempt was a tenth of the scoring time. Keyed weakly by the objects
 * themselves, so a new instrument version or framework is simply a new key.
 */
const issuesByFramework = new WeakMap<Framework, WeakMap<Instrument, ReturnType<typeof instrumentFrameworkIssues>>>();
const areasByFramework = new WeakMap<Framework, Map<string, AreaId>>();

function cachedIssues(instrument: Instrument, framework: Framework) {
  const byInstrument = issuesByFramework.get(framework) ?? issuesByFramework.set(framework, new WeakMap()).get(framework)!;
  let issues = byInstrument.get(instrument);
  if (!issues) byInstrument.set(instrument, (issues = instrumentFrameworkIssues(instrument, framework)));
  return issues;
}

function cachedAreas(framework: Framework): Map<string, AreaId> {
  let areas = areasByFramework.get(framework);
  if (!areas) areasByFramework.set(framework, (areas = indicatorAreas(framework)));
  return areas;
}

interface Tally {
  /** Item ids, so that an item measuring two indicators of one area counts once in `answered` and `total`. */
  items: Set<string>;
  answered: Set<string>;
  weightedSum: number;
  weight: number;
}

function tallyFor<K>(tallies: Map<K, Tally>, key: K): Tally {
  let tally = tallies.get(key);
  if (!tally) {
    tally = { items: new Set(), answered: new Set(), weightedSum: 0, weight: 0 };
    tallies.set(key, tally);
  }
  return tally;
}

function summarise(tally: Tally, bands: readonly Band[], minAnsweredShare: number): AreaResult {
  const answered = tally.answered.size;
  const total = tally.items.size;
  // With nothing answered there is no score at all, even if the instrument allows a share of 0.
  if (answered === 0 || answered / total < minAnsweredShare) {
    return { score: null, level: 'insufficientData', answered, total };
  }
  // The level is taken from the rounded score so that the number a teacher sees
  // and the level shown next to it always agree (59.96 shows as 60.0 → moderate).
  const score = roundScore((100 * tally.weightedSum) / tally.weight);
  return { score, level: levelFor(score, bands), answered, total };
}
