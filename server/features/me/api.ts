import type { Handler } from 'hono';
import { type TeacherDataExport, type TeacherRecord, teacherRecordUpdateSchema } from '../../../shared/api/me.ts';
import { ApiError } from '../../platform/http/api-error.ts';
import { readJson } from '../../platform/http/validate.ts';
import type { TeacherEnv } from '../../platform/auth/teacher-auth.ts';
import { messages } from './messages.ts';
import type { Db } from '../../platform/database/database.ts';
import { eraseTeacher, exportTeacherData, readTeacherRecord, updateTeacherRecord } from './store.ts';
import { teacherTarget, writeAudit } from '../../platform/database/audit-store.ts';

/** The teacher's own record, its export and its erasure: `getMe`, `updateMe`, `exportMyData`, `eraseMyData`, `withdrawConsent`. */
export function meApi(db: Db): Record<'getMe' | 'updateMe' | 'exportMyData' | 'eraseMyData' | 'withdrawConsent', Handler<TeacherEnv>> {
  // The token was live a moment ago; the teacher can only be missing if erased in between.
  const gone = () => new ApiError(401, 'unauthorized', messages.auth.badToken);
  return {
    getMe: (c) => {
      const record = readTeacherRecord(db, c.get('device').teacherId);
      if (!record) throw gone();
      return c.json(record satisfies TeacherRecord);
    },
    updateMe: async (c) => {
      const update = await readJson(c, teacherRecordUpdateSchema);
      if (Object.keys(update).length === 0) throw new ApiError(400, 'invalid_body', messages.me.nothingToChange);
      const record = updateTeacherRecord(db, c.get('device').teacherId, update);
      if (!record) throw gone();
      return c.json(record satisfies TeacherRecord);
    },
    exportMyData: (c) => {
      const { teacherId } = c.get('device');
      const data = exportTeacherData(db, teacherId);
      if (!data) throw gone();
      c.header('content-disposition', `attachment; filename="profrost-${teacherId}.json"`);
      return c.json(data satisfies TeacherDataExport);
    },
    eraseMyData: (c) => {
      const { teacherId } = c.get('device');
      if (!eraseTeacher(db, teacherId, `teacher:${teacherId}`)) throw gone();
      return c.body(null, 204);
    },
    // Withdrawing consent erases, as eraseMyData does; the log says which of the two the teacher asked for.
    withdrawConsent: (c) => {
      const { teacherId, deviceId } = c.get('device');
      const actor = teacherTarget(teacherId);
      db.transaction(() => {
        writeAudit(db, { actor, action: 'consent.withdraw', target: teacherTarget(teacherId), details: { deviceId } });
        if (!eraseTeacher(db, teacherId, actor)) throw gone();
      })();
      return c.body(null, 204);
    },
  };
}
