import type { RouteItem, RouteItemStatus, RouteItemUpdate } from '../../../shared/api/route.ts';
import type { ActivityKind, CompetencyId } from '../../../shared/competencies.ts';
import { type Db, now } from '../../platform/database/database.ts';

/** The teacher's ИОМ: items seeded from the route builder, then moved on by the teacher. */

export interface NewRouteItem {
  id: string;
  competency: CompetencyId;
  kind: ActivityKind;
  programId: string | null;
  runId: string | null;
  reason: string;
  plannedDate?: string | null;
}

const itemColumns = `id, competency, kind, program_id AS programId, run_id AS runId, reason, status,
  planned_date AS plannedDate, updated_at AS updatedAt FROM route_items`;

export function listRouteItems(db: Db, teacherId: number): RouteItem[] {
  return db.prepare(`SELECT ${itemColumns} WHERE teacher_id = ? ORDER BY created_at, rowid`).all(teacherId) as RouteItem[];
}

export function findRouteItem(db: Db, teacherId: number, id: string): RouteItem | undefined {
  return db.prepare(`SELECT ${itemColumns} WHERE teacher_id = ? AND id = ?`).get(teacherId, id) as RouteItem | undefined;
}

/**
 * Writes the first route of a teacher who has none yet, in one transaction;
 * `recommend` is asked only then, inside it, so two requests at once cannot
 * seed twice. Returns the items, whether seeded now or before.
 */
export function ensureRoute(db: Db, teacherId: number, recommend: () => NewRouteItem[]): RouteItem[] {
  return db
    .transaction(() => {
      const has = db.prepare('SELECT 1 FROM route_items WHERE teacher_id = ? LIMIT 1').get(teacherId);
      if (!has) {
        const at = now();
        const insert = db.prepare(
          `INSERT INTO route_items (id, teacher_id, competency, kind, program_id, run_id, reason, status, planned_date, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, 'suggested', ?, ?, ?) ON CONFLICT DO NOTHING`,
        );
        for (const item of recommend()) {
          insert.run(item.id, teacherId, item.competency, item.kind, item.programId, item.runId, item.reason, item.plannedDate ?? null, at, at);
        }
      }
      return listRouteItems(db, teacherId);
    })
    .immediate();
}

/**
 * The teacher accepts, postpones or marks done one of their own items.
 * Undefined when the teacher has no such item (another teacher's is the same).
 */
export function updateRouteItem(db: Db, teacherId: number, id: string, update: RouteItemUpdate): RouteItem | undefined {
  return db
    .transaction(() => {
      const item = findRouteItem(db, teacherId, id);
      if (!item) return undefined;
      const status: RouteItemStatus = update.status;
      const plannedDate = update.plannedDate === undefined ? item.plannedDate : update.plannedDate;
      db.prepare('UPDATE route_items SET status = ?, planned_date = ?, updated_at = ? WHERE teacher_id = ? AND id = ?').run(
        status,
        plannedDate,
        now(),
        teacherId,
        id,
      );
      return findRouteItem(db, teacherId, id);
    })
    .immediate();
}
