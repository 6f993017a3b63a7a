import { randomInt, randomUUID } from 'node:crypto';
import type { Instrument } from '../shared/schemas/instrument.ts';

/** A complete, honest-looking sitting of an instrument, with a new id each time. */
export function randomAttemptBody(instrument: Instrument): string {
  const answers: Record<string, number | string | string[]> = {};
  for (const item of instrument.items) {
    if (item.kind === 'likert') answers[item.id] = 1 + randomInt(5);
    else if (item.kind === 'single') answers[item.id] = item.options[randomInt(item.options.length)]!.id;
    else answers[item.id] = [item.options[randomInt(item.options.length)]!.id];
  }
  return JSON.stringify({
    id: randomUUID(),
    instrumentId: instrument.id,
    instrumentVersion: instrument.version,
    answers,
    completedAt: new Date().toISOString(),
  });
}
