import { type CompetencyId, competencyIds, type Level } from '../../shared/competencies.ts';
import { messages } from '../messages.ts';
import type { Db } from '../storage/database.ts';
import type { NewRouteItem } from '../storage/route-items.ts';

/**
 * The boundary between the server and the route builder: what the builder
 * recommends for a teacher becomes the first items of their ИОМ.
 *
 * The shared builder (`shared/route`, `buildRoute`) does not exist yet.
 * Until it does, this asks only what needs no builder: every competency with
 * too little data (no diagnostic yet, or too few answers) gets a
 * self-education item «пройдите диагностику». When the builder lands, this
 * function gathers its inputs (latest levels, the catalogue, the teacher's
 * preferences) and maps its output to NewRouteItem; nothing else changes.
 */
export function recommendationsFor(db: Db, teacherId: number): NewRouteItem[] {
  const latest = latestLevels(db, teacherId);
  return competencyIds
    .filter((competency) => (latest.get(competency) ?? 'insufficientData') === 'insufficientData')
    .map((competency) => ({
      id: `diagnostics-${competency}`,
      competency,
      kind: 'selfEducation',
      programId: null,
      runId: null,
      reason: messages.route.takeDiagnostics(messages.programs.competencyNames[competency]),
    }));
}

/** The level of each competency in the teacher's latest attempt that measured it. */
function latestLevels(db: Db, teacherId: number): Map<CompetencyId, Level> {
  const rows = db
    .prepare(
      `SELECT s.area, s.level FROM attempt_scores s JOIN attempts a ON a.id = s.attempt_id
       WHERE a.teacher_id = ? ORDER BY a.completed_at, a.received_at`,
    )
    .all(teacherId) as { area: string; level: Level }[];
  const levels = new Map<CompetencyId, Level>();
  for (const row of rows) {
    if ((competencyIds as readonly string[]).includes(row.area)) levels.set(row.area as CompetencyId, row.level);
  }
  return levels;
}
