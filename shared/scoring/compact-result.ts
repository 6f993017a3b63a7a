import type { Band } from '../schemas/instrument.ts';
import type { AreaResult, AttemptResult, Deficit, IndicatorResult } from './result.ts';

/**
 * The stored form of an AttemptResult. Written as plain JSON a result is about
 * 4 KB, mostly the same keys and level names repeated for every indicator;
 * with the answers beside it the row no longer fits one 4 KB SQLite page and
 * every insert also writes overflow pages. This form keeps every value (it
 * decodes to a result equal to the one encoded, key order included) in
 * positional arrays, with each level written as its band's index:
 *
 *   [1, instrumentId, instrumentVersion, instrumentKind, bands, areas, indicators, deficits]
 *   bands       [level, upTo, inclusive 0|1][]
 *   areas       [area, score, level, answered, total][]
 *   indicators  [indicator, area, score, level, answered, total][]
 *   deficits    [competency, level, score][]
 *
 * A level is a band index, or the level's name when no band has it
 * (insufficientData). Results stored before this form are JSON objects and
 * are read as they are.
 */
type PackedLevel = number | string;
type PackedBand = [level: string, upTo: number, inclusive: 0 | 1];
type PackedArea = [area: string, score: number | null, level: PackedLevel, answered: number, total: number];
type PackedIndicator = [indicator: string, area: string, score: number | null, level: PackedLevel, answered: number, total: number];
type PackedDeficit = [competency: string, level: PackedLevel, score: number];
type PackedResult = [
  format: 1,
  instrumentId: string,
  instrumentVersion: number,
  instrumentKind: string,
  bands: PackedBand[],
  areas: PackedArea[],
  indicators: PackedIndicator[],
  deficits: PackedDeficit[],
];

/** The result as stored in `attempts.result_json`. */
export function encodeResult(result: AttemptResult): string {
  const { bands } = result;
  const level = (name: string): PackedLevel => {
    for (let i = 0; i < bands.length; i++) if (bands[i]!.level === name) return i;
    return name;
  };
  const areas: PackedArea[] = [];
  for (const [area, r] of Object.entries(result.areas) as [string, AreaResult][]) {
    areas.push([area, r.score, level(r.level), r.answered, r.total]);
  }
  const indicators: PackedIndicator[] = [];
  for (const [indicator, r] of Object.entries(result.indicators)) {
    indicators.push([indicator, r.area, r.score, level(r.level), r.answered, r.total]);
  }
  const packed: PackedResult = [
    1,
    result.instrumentId,
    result.instrumentVersion,
    result.instrumentKind,
    bands.map((b) => [b.level, b.upTo, b.inclusive ? 1 : 0]),
    areas,
    indicators,
    result.deficits.map((d) => [d.competency, level(d.level), d.score]),
  ];
  return JSON.stringify(packed);
}

/** Whether a stored result is in the compact form (older ones are JSON objects). */
export function isCompactResult(json: string): boolean {
  return json.startsWith('[1,');
}

/** A stored result, in either form, as the AttemptResult it was encoded from. */
export function decodeResult(json: string): AttemptResult {
  const stored = JSON.parse(json) as PackedResult | AttemptResult;
  if (!Array.isArray(stored)) return stored; // written before the compact form
  const [, instrumentId, instrumentVersion, instrumentKind, packedBands, packedAreas, packedIndicators, packedDeficits] = stored;
  const bands = packedBands.map(([level, upTo, inclusive]) => ({ level, upTo, inclusive: inclusive === 1 })) as Band[];
  const level = (packed: PackedLevel) => (typeof packed === 'number' ? bands[packed]!.level : packed) as AreaResult['level'];
  const areas: Record<string, AreaResult> = {};
  for (const [area, score, packed, answered, total] of packedAreas) areas[area] = { score, level: level(packed), answered, total };
  const indicators: Record<string, IndicatorResult> = {};
  for (const [indicator, area, score, packed, answered, total] of packedIndicators) {
    indicators[indicator] = { area, score, level: level(packed), answered, total } as IndicatorResult;
  }
  return {
    instrumentId,
    instrumentVersion,
    instrumentKind: instrumentKind as AttemptResult['instrumentKind'],
    bands,
    areas,
    indicators,
    deficits: packedDeficits.map(([competency, packed, score]) => ({ competency, level: level(packed), score }) as Deficit),
  };
}
