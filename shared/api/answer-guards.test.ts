import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { frameworkContent } from '../content/framework.ts';
import type { AnyGuard } from '../guards/guard.ts';
import { eventSignUpStatuses } from '../schemas/event.ts';
import { frameworkSchema } from '../schemas/framework.ts';
import { defaultDeficitBands, instrumentKinds } from '../schemas/instrument.ts';
import { enrollmentStatuses } from '../schemas/program.ts';
import { checkAgreement } from '../testing/guard-agreement.ts';
import { connectGuard, consultationLimits, defaultDeficitBands as guardDefaultBands, frameworkGuard, healthGuard, vocabularies } from './answer-guards.ts';
import { consultationStates, maxCommentLength, maxOptions, questionKinds } from './consultations.ts';
import { feedbackUsefulness } from './programs.ts';
import { attachmentKinds } from './recommendations.ts';
import { evidenceKinds, routeAgreementStates, routeItemStatuses } from './route.ts';
import { api } from './endpoints.ts';

const cases: [string, AnyGuard, z.ZodType, unknown[]?][] = [
  ['health', healthGuard, api.health.response.schema],
  ['connectDevice', connectGuard, api.connectDevice.response.schema],
  ['the shipped framework', frameworkGuard, frameworkSchema, [frameworkContent]],
];

// The read endpoints' guards are held to their schemas where the worker picks them (extension/background/resources.test.ts).
describe('the answer guards agree with the contract’s zod schemas', () => {
  it.each(cases)(
    '%s: generated answers and their mutations are accepted or refused alike, with the same value',
    { timeout: 30_000 },
    (_name, guard, schema, examples) => {
      const { accepted } = checkAgreement(guard, schema, { examples: examples ?? [] });
      // The generated answers must mostly be good ones, or the mutations would test little.
      expect(accepted).toBeGreaterThan(0);
    },
  );

  it('repeats the word lists of the zod modules exactly', () => {
    expect(vocabularies).toEqual({
      enrollmentStatuses,
      eventSignUpStatuses,
      instrumentKinds,
      routeItemStatuses,
      routeAgreementStates,
      evidenceKinds,
      feedbackUsefulness,
      attachmentKinds,
      questionKinds,
      consultationStates,
    });
    expect(consultationLimits).toEqual({ maxOptions, maxCommentLength });
    expect(guardDefaultBands).toEqual(defaultDeficitBands);
  });
});
