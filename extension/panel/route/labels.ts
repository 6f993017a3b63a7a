import type { EvidenceKind } from '../../../shared/api/route.ts';

export { areaTitles } from '../../../shared/competencies.ts';

/** The documents of recognised learning in the order the form offers them (a type-only import keeps zod out of the panel). */
export const evidenceKindsOrder: readonly EvidenceKind[] = ['certificate', 'diploma', 'attestation', 'other'];
