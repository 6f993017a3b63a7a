import type { ActivityKind, AreaId } from '../competencies.ts';

/** One entry the route builder proposes for the teacher's ИОМ. */
export interface Recommendation {
  /**
   * Deterministic, so that rebuilding the route finds the items the teacher
   * already accepted or postponed; a valid `idSchema` id, as route items need.
   */
  id: string;
  /** A competency; `wellbeing` only for the private suggestion after a high burnout risk. */
  competency: AreaId;
  kind: ActivityKind;
  programId?: string;
  runId?: string;
  /** Set when an existing sign-up of the teacher covers this competency. */
  enrollmentId?: string;
  /** The run is full: signing up puts the teacher on its waitlist. */
  waitlist?: boolean;
  /** A sentence the teacher reads (see reasons.ts). */
  reason: string;
  /** What to do, concretely (descriptions.ts); a course's is its programme's title. */
  description: string;
  /** The weak indicators the item addresses, weakest first. */
  indicators: string[];
  /** Only the teacher sees it (the burnout suggestion). */
  private?: true;
}

const maxIdLength = 64;

/**
 * `${competency}.${kind}` or `${competency}.${kind}.${programId}`. Dots, not
 * colons, because route item ids must match idSchema; a programme id long
 * enough to overflow 64 characters is shortened and made unique again with a
 * hash of the full id.
 */
export function recommendationId(competency: AreaId, kind: ActivityKind | 'diagnostics' | 'psychologist', programId?: string): string {
  const prefix = `${competency}.${kind}`;
  if (programId === undefined) return prefix;
  const id = `${prefix}.${programId}`;
  if (id.length <= maxIdLength) return id;
  const hash = fnv1a(programId);
  return `${prefix}.${programId.slice(0, maxIdLength - prefix.length - hash.length - 2)}-${hash}`;
}

/** 32-bit FNV-1a as 8 hex digits: tiny, dependency-free, and stable across platforms. */
function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
}
