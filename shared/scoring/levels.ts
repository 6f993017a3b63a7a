import type { BandLevel } from '../competencies.ts';
import type { Band } from '../schemas/instrument.ts';

/**
 * The level a score falls into. A band covers the scores from the previous
 * band's upper edge up to `upTo`; `inclusive` says whether `upTo` itself
 * belongs to it. With the Р-201 defaults: < 60 highDeficit, 60–80 moderate,
 * > 80 noDeficit.
 */
export function levelFor(score: number, bands: readonly Band[]): BandLevel {
  if (!Number.isFinite(score) || score < 0 || score > 100) {
    throw new RangeError(`балл должен быть числом от 0 до 100, получено ${score}`);
  }
  for (const band of bands) {
    if (score < band.upTo || (band.inclusive && score === band.upTo)) return band.level;
  }
  // Only bands that fail bandsSchema (last band not covering 100) get here.
  throw new RangeError(`балл ${score} не попадает ни в один уровень`);
}
