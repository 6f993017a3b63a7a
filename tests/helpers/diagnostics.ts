import { randomUUID } from 'node:crypto';
import { instrumentById } from '../../shared/content/index.ts';
import type { TestApp } from './test-app.ts';

/**
 * Sends a whole sitting of a shipped likert instrument: every answer at the
 * weak end (`weak`) or the strong end, as a teacher would click them.
 */
export async function sendSitting(
  t: TestApp,
  token: string,
  instrumentId: 'selfAssessment' | 'burnoutScreening',
  strength: 'weak' | 'strong',
  completedAt = new Date(),
) {
  const instrument = instrumentById(instrumentId)!;
  const answers = Object.fromEntries(
    instrument.items.map((item) => {
      const reverse = item.kind === 'likert' && item.reverse;
      return [item.id, (strength === 'weak') !== reverse ? 1 : 5];
    }),
  );
  const response = await t.json(
    'POST',
    '/api/v1/attempts',
    { id: randomUUID(), instrumentId: instrument.id, instrumentVersion: instrument.version, answers, completedAt: completedAt.toISOString() },
    token,
  );
  if (response.status !== 201) throw new Error(`attempt refused: ${response.status} ${await response.text()}`);
}
