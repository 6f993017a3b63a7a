/**
 * The content ПрофРост ships with: the competency framework and the three
 * diagnostic instruments, parsed at module load (defaults applied) and checked
 * against each other. Invalid content fails loudly on import, with a message
 * naming the instrument, the item and the problem, so it can never reach a
 * teacher.
 */
import type { Instrument } from '../schemas/instrument.ts';
import { checkInstrumentSet, loadInstrument } from './check.ts';
import { burnoutScreening } from './instruments/burnout-screening.ts';
import { methodicalTest } from './instruments/methodical-test.ts';
import { selfAssessment } from './instruments/self-assessment.ts';
import { framework } from './shipped-framework.ts';

export { framework };

/** In the order a teacher meets them: self-assessment, knowledge test, wellbeing screening. */
export const instruments: readonly Instrument[] = [selfAssessment, methodicalTest, burnoutScreening].map((input) => loadInstrument(input, framework));
checkInstrumentSet(instruments);

const byId = new Map(instruments.map((instrument) => [instrument.id, instrument]));

/** The shipped instrument with this id, or undefined. */
export function instrumentById(id: string): Instrument | undefined {
  return byId.get(id);
}
