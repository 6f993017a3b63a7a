import { teacherTarget, writeAudit } from '../../platform/database/audit-store.ts';
import type { Db } from '../../platform/database/database.ts';
import { revokeDevices } from '../../platform/database/device-store.ts';
import { codeLifetimeDays, issueConnectionCode } from '../connection/code-store.ts';
import { findTeacher, type TeacherRow } from './store.ts';
import type { NewTeacherCode } from './import-roster.ts';

/**
 * Giving a teacher access and taking it away: new connection codes and
 * revoked devices. One code path for the CLI (`profrost codes reissue`,
 * `profrost devices revoke`) and the admin pages; each change writes the
 * audit log with the actor (`cli`, `staff:login`).
 */

/** How a teacher is named in messages: the full name, or the number when the name was erased. */
export function teacherDisplayName(teacher: Pick<TeacherRow, 'id' | 'lastName' | 'firstName' | 'middleName'>): string {
  return [teacher.lastName, teacher.firstName, teacher.middleName].filter(Boolean).join(' ') || `№ ${teacher.id}`;
}

export type ReissueResult = { kind: 'issued'; code: NewTeacherCode } | { kind: 'unknown' } | { kind: 'erased' };

/** Codes for several teachers in one transaction; an unused earlier code of each stops working. Erased and unknown ids are skipped. */
export function issueCodes(db: Db, teacherIds: number[], actor: string, at: Date = new Date()): NewTeacherCode[] {
  const expiresAt = new Date(at.getTime() + codeLifetimeDays * 24 * 3600 * 1000).toISOString();
  return db
    .transaction(() => {
      const codes: NewTeacherCode[] = [];
      for (const id of teacherIds) {
        const teacher = findTeacher(db, id);
        if (!teacher || teacher.erasedAt) continue;
        const code = issueConnectionCode(db, id, at);
        writeAudit(db, { actor, action: 'code.reissue', target: teacherTarget(id) }, at.toISOString());
        const { lastName, firstName, middleName, school, municipality } = teacher;
        codes.push({ teacherId: id, lastName, firstName, middleName, school, municipality, code, expiresAt });
      }
      return codes;
    })
    .immediate();
}

/** A new one-time code for one teacher. */
export function reissueCode(db: Db, teacherId: number, actor: string, at: Date = new Date()): ReissueResult {
  const teacher = findTeacher(db, teacherId);
  if (!teacher) return { kind: 'unknown' };
  if (teacher.erasedAt) return { kind: 'erased' };
  const [code] = issueCodes(db, [teacherId], actor, at);
  return code ? { kind: 'issued', code } : { kind: 'erased' };
}

export type RevokeResult = { kind: 'revoked'; count: number; name: string } | { kind: 'unknown' };

/** Every device token of the teacher stops working at once (a lost laptop). */
export function revokeTeacherDevices(db: Db, teacherId: number, actor: string): RevokeResult {
  return db
    .transaction((): RevokeResult => {
      const teacher = findTeacher(db, teacherId);
      if (!teacher) return { kind: 'unknown' };
      const count = revokeDevices(db, teacherId);
      writeAudit(db, { actor, action: 'devices.revoke', target: teacherTarget(teacherId), details: { count } });
      return { kind: 'revoked', count, name: teacherDisplayName(teacher) };
    })
    .immediate();
}
