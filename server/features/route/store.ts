import type { Evidence, RouteAgreementState, RouteItemStatus, RouteItemUpdate } from '../../../shared/api/route.ts';
import type { ActivityKind, AreaId } from '../../../shared/competencies.ts';
import type { Recommendation } from '../../../shared/route/recommendation.ts';
import type { RouteChanges } from '../../../shared/route/reconcile.ts';
import { type Db, now } from '../../platform/database/database.ts';
import { prepared } from '../../platform/database/statements.ts';

/**
 * The teacher's ИОМ: items the builder suggested and the teacher moved on,
 * the route's versions, its basis (what it was built from) and its
 * согласование. Rebuilt when it changes (rebuild.ts), only read on a read.
 */

/** An item as stored, with everything any reader needs; `private` items are for the teacher alone. */
export interface RouteItemRow {
  id: string;
  competency: AreaId;
  kind: ActivityKind;
  programId: string | null;
  runId: string | null;
  reason: string;
  description: string;
  indicators: string[];
  status: RouteItemStatus;
  plannedDate: string | null;
  plannedMonth: string | null;
  private: boolean;
  retiredAt: string | null;
  retiredReason: string | null;
  evidence: Evidence | null;
  evidenceConfirmedAt: string | null;
  evidenceConfirmedBy: string | null;
  comment: string | null;
  commentBy: string | null;
  commentAt: string | null;
  doneAt: string | null;
  createdAt: string;
  updatedAt: string;
}

interface RawItem extends Omit<RouteItemRow, 'indicators' | 'private' | 'evidence'> {
  indicatorsJson: string;
  private: number;
  evidenceJson: string | null;
}

const itemColumns = `id, competency, kind, program_id AS programId, run_id AS runId, reason, description, indicators_json AS indicatorsJson,
  status, planned_date AS plannedDate, planned_month AS plannedMonth, private, retired_at AS retiredAt, retired_reason AS retiredReason,
  evidence_json AS evidenceJson, evidence_confirmed_at AS evidenceConfirmedAt, evidence_confirmed_by AS evidenceConfirmedBy,
  comment, comment_by AS commentBy, comment_at AS commentAt, done_at AS doneAt, created_at AS createdAt, updated_at AS updatedAt FROM route_items`;

// Field by field rather than a rest spread: a teacher's every read of her ИОМ maps each item, and copying
// a row of two dozen columns by spread cost several times as much.
function toRow(raw: RawItem): RouteItemRow {
  return {
    id: raw.id,
    competency: raw.competency,
    kind: raw.kind,
    programId: raw.programId,
    runId: raw.runId,
    reason: raw.reason,
    description: raw.description,
    indicators: JSON.parse(raw.indicatorsJson) as string[],
    status: raw.status,
    plannedDate: raw.plannedDate,
    plannedMonth: raw.plannedMonth,
    private: raw.private === 1,
    retiredAt: raw.retiredAt,
    retiredReason: raw.retiredReason,
    evidence: raw.evidenceJson === null ? null : (JSON.parse(raw.evidenceJson) as Evidence),
    evidenceConfirmedAt: raw.evidenceConfirmedAt,
    evidenceConfirmedBy: raw.evidenceConfirmedBy,
    comment: raw.comment,
    commentBy: raw.commentBy,
    commentAt: raw.commentAt,
    doneAt: raw.doneAt,
    createdAt: raw.createdAt,
    updatedAt: raw.updatedAt,
  };
}

export interface ItemFilter {
  /** The teacher's own reads include the private suggestion; staff's never. */
  includePrivate: boolean;
}

/** A row of itemColumns read as an array (the statement's raw mode), in that order. */
type ItemValues = [
  string,
  AreaId,
  ActivityKind,
  string | null,
  string | null,
  string,
  string,
  string,
  RouteItemStatus,
  string | null,
  string | null,
  number,
  string | null,
  string | null,
  string | null,
  string | null,
  string | null,
  string | null,
  string | null,
  string | null,
  string | null,
  string,
  string,
];

function valuesToRow(v: ItemValues): RouteItemRow {
  return {
    id: v[0],
    competency: v[1],
    kind: v[2],
    programId: v[3],
    runId: v[4],
    reason: v[5],
    description: v[6],
    indicators: JSON.parse(v[7]) as string[],
    status: v[8],
    plannedDate: v[9],
    plannedMonth: v[10],
    private: v[11] === 1,
    retiredAt: v[12],
    retiredReason: v[13],
    evidence: v[14] === null ? null : (JSON.parse(v[14]) as Evidence),
    evidenceConfirmedAt: v[15],
    evidenceConfirmedBy: v[16],
    comment: v[17],
    commentBy: v[18],
    commentAt: v[19],
    doneAt: v[20],
    createdAt: v[21],
    updatedAt: v[22],
  };
}

/**
 * Active items in the builder's order, then retired ones, newest retirement first. Read as arrays (raw mode):
 * every read of a teacher's ИОМ lists her items, and better-sqlite3 builds a row as an object of two dozen
 * named values at about half again the cost of an array (62 against 92 µs for a teacher's items on the
 * 100,000-teacher bench republic).
 */
export function listRouteItems(db: Db, teacherId: number, { includePrivate }: ItemFilter): RouteItemRow[] {
  const statement = prepared(
    db,
    `SELECT ${itemColumns} WHERE teacher_id = ? AND (? = 1 OR private = 0) ORDER BY retired_at IS NOT NULL, retired_at DESC, position, created_at, rowid`,
  ).raw(true);
  return (statement.all(teacherId, includePrivate ? 1 : 0) as ItemValues[]).map(valuesToRow);
}

export function findRouteItem(db: Db, teacherId: number, id: string, { includePrivate }: ItemFilter): RouteItemRow | undefined {
  const row = prepared(db, `SELECT ${itemColumns} WHERE teacher_id = ? AND id = ? AND (? = 1 OR private = 0)`).get(teacherId, id, includePrivate ? 1 : 0) as
    | RawItem
    | undefined;
  return row && toRow(row);
}

/** What a route was built from, its version and its согласование. */
export interface RouteState {
  version: number;
  builtAt: string;
  builtDay: string;
  catalogueGeneration: number;
  diagnosed: boolean;
  agreement: RouteAgreementState;
  submittedAt: string | null;
  agreedAt: string | null;
  agreedBy: string | null;
  agreedVersion: number | null;
}

export function readRouteState(db: Db, teacherId: number): RouteState | undefined {
  const row = prepared(
    db,
    `SELECT version, built_at AS builtAt, built_day AS builtDay, catalogue_generation AS catalogueGeneration, diagnosed, agreement,
         submitted_at AS submittedAt, agreed_at AS agreedAt, agreed_by AS agreedBy, agreed_version AS agreedVersion
       FROM routes WHERE teacher_id = ?`,
  ).get(teacherId) as (Omit<RouteState, 'diagnosed'> & { diagnosed: number }) | undefined;
  return row && { ...row, diagnosed: row.diagnosed === 1 };
}

/** Moves on whenever the catalogue changes in a way that can change a route (triggers of the iom migration). */
export function catalogueGeneration(db: Db): number {
  return (prepared(db, 'SELECT generation FROM route_catalogue WHERE id = 1').get() as { generation: number }).generation;
}

/** A new attempt or sign-up of the teacher noted their route to rebuild. */
export function isRoutePending(db: Db, teacherId: number): boolean {
  return prepared(db, 'SELECT 1 FROM route_pending WHERE teacher_id = ?').get(teacherId) !== undefined;
}

export function pendingRouteTeachers(db: Db, limit: number): number[] {
  return (prepared(db, 'SELECT teacher_id AS teacherId FROM route_pending ORDER BY teacher_id LIMIT ?').all(limit) as { teacherId: number }[]).map(
    (row) => row.teacherId,
  );
}

/** A note for a teacher who is gone (erased, say) is dropped. */
export function dropRouteNote(db: Db, teacherId: number): void {
  prepared(db, 'DELETE FROM route_pending WHERE teacher_id = ?').run(teacherId);
}

export interface RouteBasis {
  day: string;
  generation: number;
  diagnosed: boolean;
  /** first: the route's first version; teacher: after a new diagnostic or sign-up; catalogue: the catalogue or the day changed. */
  cause: 'first' | 'teacher' | 'catalogue';
}

/**
 * Writes a reconciliation (reconcileRoute) and the basis it was built on;
 * a new version (with a snapshot of the items) when anything changed or
 * the route is new. Call inside a transaction. Returns the version.
 */
export function applyRouteChanges(db: Db, teacherId: number, changes: RouteChanges, order: readonly Recommendation[], basis: RouteBasis): number {
  const at = now();
  const insert = prepared(
    db,
    `INSERT INTO route_items (id, teacher_id, competency, kind, program_id, run_id, reason, description, indicators_json, private, position, status, created_at, updated_at)
     VALUES (@id, @teacherId, @competency, @kind, @programId, @runId, @reason, @description, @indicators, @private, @position, 'suggested', @at, @at)`,
  );
  const refresh = prepared(
    db,
    `UPDATE route_items SET program_id = @programId, run_id = @runId, reason = @reason, description = @description, indicators_json = @indicators,
       position = @position, retired_at = NULL, retired_reason = NULL, updated_at = @at WHERE teacher_id = @teacherId AND id = @id`,
  );
  const position = new Map(order.map((r, i) => [r.id, i]));
  const values = (r: Recommendation) => ({
    id: r.id,
    teacherId,
    competency: r.competency,
    kind: r.kind,
    programId: r.programId ?? null,
    runId: r.runId ?? null,
    reason: r.reason,
    description: r.description,
    indicators: JSON.stringify(r.indicators),
    private: r.private ? 1 : 0,
    position: position.get(r.id) ?? 0,
    at,
  });
  for (const r of changes.added) insert.run(values(r));
  for (const r of changes.refreshed) {
    const { private: _, competency: __, kind: ___, ...v } = values(r);
    refresh.run(v);
  }
  const retire = prepared(db, 'UPDATE route_items SET retired_at = ?, retired_reason = ?, updated_at = ? WHERE teacher_id = ? AND id = ?');
  for (const { id, reason } of changes.retired) retire.run(at, reason, at, teacherId, id);
  // The builder's order for the kept ones too.
  const place = prepared(db, 'UPDATE route_items SET position = ? WHERE teacher_id = ? AND id = ? AND position IS NOT ?');
  for (const [id, i] of position) place.run(i, teacherId, id, i);

  const state = readRouteState(db, teacherId);
  const changed = changes.added.length + changes.refreshed.length + changes.retired.length > 0;
  const version = !state ? 1 : changed ? state.version + 1 : state.version;
  if (!state || changed) {
    const snapshot = listRouteItems(db, teacherId, { includePrivate: true }).map((item) => ({
      id: item.id,
      competency: item.competency,
      kind: item.kind,
      programId: item.programId,
      runId: item.runId,
      status: item.status,
      private: item.private,
      retired: item.retiredAt !== null,
    }));
    prepared(db, 'INSERT INTO route_versions (teacher_id, version, created_at, cause, items_json) VALUES (?, ?, ?, ?, ?)').run(
      teacherId,
      version,
      at,
      state ? basis.cause : 'first',
      JSON.stringify(snapshot),
    );
  }
  prepared(
    db,
    `INSERT INTO routes (teacher_id, version, built_at, built_day, catalogue_generation, diagnosed) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (teacher_id) DO UPDATE SET version = excluded.version, built_at = excluded.built_at, built_day = excluded.built_day,
       catalogue_generation = excluded.catalogue_generation, diagnosed = excluded.diagnosed`,
  ).run(teacherId, version, at, basis.day, basis.generation, basis.diagnosed ? 1 : 0);
  dropRouteNote(db, teacherId);
  return version;
}

export interface RouteVersion {
  version: number;
  createdAt: string;
  cause: string;
  items: { id: string; competency: AreaId; kind: ActivityKind; status: RouteItemStatus; private: boolean; retired: boolean }[];
}

/** The versions, newest first; private items left out unless asked for. */
export function routeVersions(db: Db, teacherId: number, { includePrivate }: ItemFilter): RouteVersion[] {
  const rows = prepared(
    db,
    'SELECT version, created_at AS createdAt, cause, items_json AS itemsJson FROM route_versions WHERE teacher_id = ? ORDER BY version DESC',
  ).all(teacherId) as { version: number; createdAt: string; cause: string; itemsJson: string }[];
  return rows.map(({ itemsJson, ...rest }) => ({
    ...rest,
    items: (JSON.parse(itemsJson) as RouteVersion['items']).filter((item) => includePrivate || !item.private),
  }));
}

export type ItemUpdateOutcome = { ok: true; item: RouteItemRow } | { ok: false; refused: 'notFound' | 'notAccepted' | 'retired' | 'evidenceNotCourse' };

/**
 * The teacher accepts, postpones or marks done one of their own items, plans
 * its month, or records the document of a course taken elsewhere.
 * «Выполнено» only on an accepted (or already done) item; a retired
 * suggestion cannot be taken up (it may come back with the next version).
 */
export function updateRouteItem(db: Db, teacherId: number, id: string, update: RouteItemUpdate): ItemUpdateOutcome {
  return db
    .transaction((): ItemUpdateOutcome => {
      const item = findRouteItem(db, teacherId, id, { includePrivate: true });
      if (!item) return { ok: false, refused: 'notFound' };
      if (item.retiredAt !== null) return { ok: false, refused: 'retired' };
      const status = update.status ?? item.status;
      if (update.status === 'done' && item.status !== 'accepted' && item.status !== 'done') return { ok: false, refused: 'notAccepted' };
      if (update.evidence && item.kind !== 'course') return { ok: false, refused: 'evidenceNotCourse' };
      const at = now();
      prepared(
        db,
        `UPDATE route_items SET status = @status, planned_date = @plannedDate, planned_month = @plannedMonth,
           evidence_json = @evidence, evidence_confirmed_at = @confirmedAt, evidence_confirmed_by = @confirmedBy,
           done_at = @doneAt, updated_at = @at WHERE teacher_id = @teacherId AND id = @id`,
      ).run({
        status,
        plannedDate: update.plannedDate === undefined ? item.plannedDate : update.plannedDate,
        plannedMonth: update.plannedMonth === undefined ? item.plannedMonth : update.plannedMonth,
        // A new document needs confirming again; leaving «Выполнено» drops the document.
        evidence: update.evidence ? JSON.stringify(update.evidence) : status === 'done' && item.evidence ? JSON.stringify(item.evidence) : null,
        confirmedAt: update.evidence || status !== 'done' ? null : item.evidenceConfirmedAt,
        confirmedBy: update.evidence || status !== 'done' ? null : item.evidenceConfirmedBy,
        doneAt: status === 'done' ? (item.doneAt ?? at) : null,
        at,
        teacherId,
        id,
      });
      return { ok: true, item: findRouteItem(db, teacherId, id, { includePrivate: true })! };
    })
    .immediate();
}

/** The teacher sends the ИОМ for согласование, or takes it back; an agreed one is sent again only after a change. */
export function setRouteSubmission(db: Db, teacherId: number, submit: boolean): RouteAgreementState | undefined {
  const state = readRouteState(db, teacherId);
  if (!state) return undefined;
  if (submit && state.agreement === 'agreed' && state.agreedVersion === state.version) return 'agreed';
  const next: RouteAgreementState = submit ? 'submitted' : state.agreement === 'agreed' ? 'agreed' : 'draft';
  prepared(db, 'UPDATE routes SET agreement = ?, submitted_at = ? WHERE teacher_id = ?').run(next, submit ? now() : state.submittedAt, teacherId);
  return next;
}

/** The methodist agrees the ИОМ as it is now (its version). */
export function agreeRoute(db: Db, teacherId: number, staff: string): RouteState | undefined {
  const state = readRouteState(db, teacherId);
  if (!state) return undefined;
  prepared(db, "UPDATE routes SET agreement = 'agreed', agreed_at = ?, agreed_by = ?, agreed_version = version WHERE teacher_id = ?").run(
    now(),
    staff,
    teacherId,
  );
  return readRouteState(db, teacherId);
}

/** The methodist's comment on an item (empty text removes it); never on a private one. */
export function commentRouteItem(db: Db, teacherId: number, id: string, text: string, staff: string): boolean {
  const at = now();
  return (
    prepared(db, 'UPDATE route_items SET comment = ?, comment_by = ?, comment_at = ? WHERE teacher_id = ? AND id = ? AND private = 0').run(
      text === '' ? null : text,
      text === '' ? null : staff,
      text === '' ? null : at,
      teacherId,
      id,
    ).changes > 0
  );
}

/** The methodist confirms the document of recognised learning on a done item. */
export function confirmEvidence(db: Db, teacherId: number, id: string, staff: string): boolean {
  return (
    prepared(
      db,
      "UPDATE route_items SET evidence_confirmed_at = ?, evidence_confirmed_by = ? WHERE teacher_id = ? AND id = ? AND private = 0 AND status = 'done' AND evidence_json IS NOT NULL",
    ).run(now(), staff, teacherId, id).changes > 0
  );
}
