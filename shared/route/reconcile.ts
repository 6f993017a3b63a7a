import { type CompetencyId, isCompetency } from '../competencies.ts';
import type { RouteProfile } from './build-route.ts';
import { type Finding, retiredReasons } from './reasons.ts';
import type { Recommendation } from './recommendation.ts';

/** An item of the stored ИОМ, as the reconciliation needs it. */
export interface KeptItem {
  id: string;
  competency: string;
  kind: string;
  status: 'suggested' | 'accepted' | 'postponed' | 'done';
  /** The builder took it back before. */
  retired: boolean;
  programId: string | null;
  runId: string | null;
  reason: string;
  description: string;
}

export interface RouteChanges {
  /** New suggestions. */
  added: Recommendation[];
  /** Suggestions still supported whose run, reason or description changed, or that come back after being retired. */
  refreshed: Recommendation[];
  /** Suggestions no deficit supports any more, each with the sentence the teacher reads. */
  retired: { id: string; reason: string }[];
}

export function hasChanges(changes: RouteChanges): boolean {
  return changes.added.length + changes.refreshed.length + changes.retired.length > 0;
}

/**
 * A new version of the ИОМ from the stored one and the builder's fresh
 * recommendations, keeping every decision the teacher made: accepted,
 * postponed and done items are never changed or retired (their runs and
 * reasons stay as the teacher agreed to them); suggestions the builder still
 * makes are kept (brought up to date), the ones it no longer makes are retired
 * with a reason, and new ones are added. `profile` is the one the
 * recommendations were built from; it explains the retirements.
 */
export function reconcileRoute(kept: readonly KeptItem[], fresh: readonly Recommendation[], profile: RouteProfile | null): RouteChanges {
  const byId = new Map(kept.map((item) => [item.id, item]));
  const freshIds = new Set(fresh.map((r) => r.id));
  const changes: RouteChanges = { added: [], refreshed: [], retired: [] };
  for (const recommendation of fresh) {
    const item = byId.get(recommendation.id);
    if (!item) changes.added.push(recommendation);
    else if (item.status === 'suggested' && (item.retired || differs(item, recommendation))) changes.refreshed.push(recommendation);
  }
  for (const item of kept) {
    if (item.status !== 'suggested' || item.retired || freshIds.has(item.id)) continue;
    changes.retired.push({ id: item.id, reason: retiredReason(item, profile) });
  }
  return changes;
}

function differs(item: KeptItem, r: Recommendation): boolean {
  return item.runId !== (r.runId ?? null) || item.programId !== (r.programId ?? null) || item.reason !== r.reason || item.description !== r.description;
}

/** Why a suggestion is no longer made, from what the new profile says of its competency. */
export function retiredReason(item: Pick<KeptItem, 'id' | 'competency' | 'kind'>, profile: RouteProfile | null): string {
  const area = item.competency as CompetencyId | 'wellbeing';
  if (!isCompetency(area)) return retiredReasons.wellbeingLower();
  const standing = profile?.competencies[area];
  if (!standing || standing.score === null || standing.level === 'insufficientData') return retiredReasons.noData(area);
  if (item.id.endsWith('.diagnostics')) return retiredReasons.diagnosed(area);
  const finding: Finding = { competency: area, level: standing.level, score: standing.score };
  if (standing.level === 'noDeficit') return retiredReasons.noDeficit(finding);
  if (item.kind === 'methodicalAssociation' || item.kind === 'competition') return retiredReasons.deficitAppeared(finding);
  if (item.kind === 'course') return retiredReasons.courseUnavailable(area);
  return retiredReasons.levelChanged(finding);
}
