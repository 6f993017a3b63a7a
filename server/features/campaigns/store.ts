import type { CompetencyId } from '../../../shared/competencies.ts';
import { type Db, now } from '../../platform/database/database.ts';
import { prepared } from '../../platform/database/statements.ts';

/** A diagnostic campaign as stored: `municipalityId` null for the republic's. */
export interface Campaign {
  id: number;
  period: string;
  municipalityId: number | null;
  municipality: string | null;
  opensOn: string;
  closesOn: string;
  competencies: CompetencyId[];
  createdAt: string;
}

interface Row extends Omit<Campaign, 'competencies'> {
  competencies: string;
}

const columns = `c.id, c.period, c.municipality_id AS municipalityId, m.name AS municipality, c.opens_on AS opensOn, c.closes_on AS closesOn,
  c.competencies, c.created_at AS createdAt FROM diagnostic_campaigns c LEFT JOIN municipalities m ON m.id = c.municipality_id`;

const fromRow = ({ competencies, ...row }: Row): Campaign => ({
  ...row,
  competencies: competencies ? (competencies.split(',') as CompetencyId[]) : [],
});

/**
 * Whether teacher `t` has taken campaign `c`: an attempt completed (the date her clock wrote) within its days,
 * with a score in a competency, one of the campaign's when it names any. The burnout screening does not count.
 */
const takenSql = `EXISTS (SELECT 1 FROM attempts a JOIN attempt_scores sc ON sc.attempt_seq = a.seq
  WHERE a.teacher_id = t.id AND substr(a.completed_at, 1, 10) BETWEEN c.opens_on AND c.closes_on AND sc.area <> 'wellbeing'
  AND (c.competencies = '' OR instr(',' || c.competencies || ',', ',' || sc.area || ',') > 0))`;

/** The teachers a campaign addresses (not erased), limited to one municipality and school when given. */
const addressedSql = `FROM diagnostic_campaigns c JOIN teachers t ON t.erased_at IS NULL JOIN schools s ON s.id = t.school_id
  WHERE c.id = ? AND (c.municipality_id IS NULL OR s.municipality_id = c.municipality_id)
  AND (? IS NULL OR s.municipality_id = ?) AND (? IS NULL OR s.id = ?)`;

export function insertCampaign(
  db: Db,
  c: { period: string; municipalityId: number | null; opensOn: string; closesOn: string; competencies: readonly CompetencyId[]; createdBy: number | null },
): number {
  const result = prepared(
    db,
    'INSERT INTO diagnostic_campaigns (period, municipality_id, opens_on, closes_on, competencies, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
  ).run(c.period, c.municipalityId, c.opensOn, c.closesOn, c.competencies.join(','), c.createdBy, now());
  return Number(result.lastInsertRowid);
}

export function findCampaign(db: Db, id: number): Campaign | undefined {
  const row = prepared(db, `SELECT ${columns} WHERE c.id = ?`).get(id) as Row | undefined;
  return row && fromRow(row);
}

/** Every campaign, newest first; for a methodist (`municipalityId`), the republic's and her municipality's. */
export function listCampaigns(db: Db, municipalityId?: number): Campaign[] {
  return (
    prepared(db, `SELECT ${columns} WHERE ? IS NULL OR c.municipality_id IS NULL OR c.municipality_id = ? ORDER BY c.opens_on DESC, c.id DESC`).all(
      municipalityId ?? null,
      municipalityId ?? null,
    ) as Row[]
  ).map(fromRow);
}

export interface SchoolProgress {
  schoolId: number;
  school: string;
  municipality: string;
  teachers: number;
  taken: number;
}

/** Per school of the campaign (of one municipality when given): its teachers and how many have taken the diagnostic. */
export function schoolProgress(db: Db, campaignId: number, municipalityId?: number): SchoolProgress[] {
  return prepared(
    db,
    `SELECT s.id AS schoolId, s.name AS school, m.name AS municipality, count(*) AS teachers, sum(${takenSql}) AS taken
     ${addressedSql.replace('JOIN schools s ON s.id = t.school_id', 'JOIN schools s ON s.id = t.school_id JOIN municipalities m ON m.id = s.municipality_id')}
     GROUP BY s.id ORDER BY m.name, s.name`,
  ).all(campaignId, municipalityId ?? null, municipalityId ?? null, null, null) as SchoolProgress[];
}

export interface NotTaken {
  teacherId: number;
  lastName: string;
  firstName: string;
  middleName: string;
  schoolId: number;
  school: string;
}

/** The teachers of the campaign who have not taken the diagnostic, by school and name (of one municipality, one school when given). */
export function teachersWhoHaveNot(db: Db, campaignId: number, where: { municipalityId?: number; schoolId?: number } = {}): NotTaken[] {
  const m = where.municipalityId ?? null;
  const school = where.schoolId ?? null;
  return prepared(
    db,
    `SELECT t.id AS teacherId, t.last_name AS lastName, t.first_name AS firstName, t.middle_name AS middleName, s.id AS schoolId, s.name AS school
     ${addressedSql} AND NOT ${takenSql} ORDER BY s.name, t.last_name, t.first_name, t.middle_name, t.id`,
  ).all(campaignId, m, m, school, school) as NotTaken[];
}

/** Sends a reminder to these teachers; returns its id. */
export function insertReminder(
  db: Db,
  r: { campaignId: number; schoolId: number | null; text: string; sentBy: number | null; teacherIds: readonly number[] },
): number {
  return db.transaction(() => {
    const id = Number(
      prepared(db, 'INSERT INTO campaign_reminders (campaign_id, school_id, text, sent_by, sent_at) VALUES (?, ?, ?, ?, ?)').run(
        r.campaignId,
        r.schoolId,
        r.text,
        r.sentBy,
        now(),
      ).lastInsertRowid,
    );
    const add = prepared(db, 'INSERT INTO campaign_reminder_teachers (reminder_id, teacher_id) VALUES (?, ?)');
    for (const teacherId of r.teacherIds) add.run(id, teacherId);
    return id;
  })();
}

export interface SentReminder {
  id: number;
  school: string | null;
  text: string;
  sentAt: string;
  recipients: number;
}

/** A campaign's reminders, newest first, with how many of the scope's teachers each reached (one municipality's when given). */
export function remindersOf(db: Db, campaignId: number, municipalityId?: number): SentReminder[] {
  const m = municipalityId ?? null;
  return prepared(
    db,
    `SELECT r.id, s.name AS school, r.text, r.sent_at AS sentAt,
       (SELECT count(*) FROM campaign_reminder_teachers rt JOIN teachers t ON t.id = rt.teacher_id JOIN schools ts ON ts.id = t.school_id
        WHERE rt.reminder_id = r.id AND (? IS NULL OR ts.municipality_id = ?)) AS recipients
     FROM campaign_reminders r LEFT JOIN schools s ON s.id = r.school_id
     WHERE r.campaign_id = ? AND EXISTS (SELECT 1 FROM campaign_reminder_teachers rt JOIN teachers t ON t.id = rt.teacher_id
       JOIN schools ts ON ts.id = t.school_id WHERE rt.reminder_id = r.id AND (? IS NULL OR ts.municipality_id = ?))
     ORDER BY r.sent_at DESC, r.id DESC`,
  ).all(m, m, campaignId, m, m) as SentReminder[];
}

/** A school and its municipality, for a reminder's scope check. */
export function schoolOf(db: Db, schoolId: number): { id: number; name: string; municipalityId: number } | undefined {
  return prepared(db, 'SELECT id, name, municipality_id AS municipalityId FROM schools WHERE id = ?').get(schoolId) as
    | { id: number; name: string; municipalityId: number }
    | undefined;
}

export function municipalityList(db: Db): { id: number; name: string }[] {
  return prepared(db, 'SELECT id, name FROM municipalities ORDER BY name').all() as { id: number; name: string }[];
}

export interface TeacherCampaign extends Campaign {
  taken: boolean;
  reminders: { sentAt: string; text: string }[];
}

/** The campaigns open on `today` that address the teacher (her municipality's and the republic's), with whether she has taken each. */
export function teacherCampaigns(db: Db, teacherId: number, today: string): TeacherCampaign[] {
  const rows = prepared(
    db,
    `SELECT ${columns.replace('FROM diagnostic_campaigns c', `, ${takenSql} AS taken FROM diagnostic_campaigns c`)}
     JOIN teachers t ON t.id = ? AND t.erased_at IS NULL JOIN schools s ON s.id = t.school_id
     WHERE c.opens_on <= ? AND c.closes_on >= ? AND (c.municipality_id IS NULL OR c.municipality_id = s.municipality_id)
     ORDER BY c.closes_on, c.id`,
  ).all(teacherId, today, today) as (Row & { taken: number })[];
  const reminders = prepared(
    db,
    `SELECT r.sent_at AS sentAt, r.text FROM campaign_reminders r JOIN campaign_reminder_teachers rt ON rt.reminder_id = r.id
     WHERE r.campaign_id = ? AND rt.teacher_id = ? ORDER BY r.sent_at DESC, r.id DESC`,
  );
  return rows.map(({ taken, ...row }) => ({
    ...fromRow(row),
    taken: taken === 1,
    reminders: reminders.all(row.id, teacherId) as { sentAt: string; text: string }[],
  }));
}
