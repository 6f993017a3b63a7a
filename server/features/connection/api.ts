import type { Handler } from 'hono';
import { type ConnectResponse, connectRequestSchema } from '../../../shared/api/connect.ts';
import { ApiError } from '../../platform/http/api-error.ts';
import { readJson } from '../../platform/http/validate.ts';
import { messages } from './messages.ts';
import type { Db } from '../../platform/database/database.ts';
import { redeemConnectionCode } from '../../platform/database/device-store.ts';
import { namesAgree } from '../../../shared/journals/teacher-name.ts';
import { findTeacher } from '../roster/store.ts';
import { newestDeviceOf, recordConsent } from './consent-store.ts';
import { teacherOfCode } from './code-store.ts';

const fullName = (teacher: { lastName: string; firstName: string; middleName: string }) =>
  `${teacher.lastName} ${teacher.firstName} ${teacher.middleName}`.trim();

/** `connectDevice`: a one-time connection code becomes the device's token. */
export function connectApi(db: Db): { connectDevice: Handler } {
  return {
    connectDevice: async (c) => {
      const request = await readJson(c, connectRequestSchema);
      // A colleague's code under this teacher's journal name would open the colleague's profile here: refused before it is used up.
      const owner = request.name ? teacherOfCode(db, request.code) : undefined;
      const ownerRow = owner === undefined ? undefined : findTeacher(db, owner);
      if (request.name && ownerRow && !namesAgree(request.name, fullName(ownerRow))) {
        throw new ApiError(409, 'code_other_teacher', messages.connect.otherTeacher);
      }
      // The device and the consent it brings are stored together or not at all.
      const result = db.transaction(() => {
        const redeemed = redeemConnectionCode(db, request.code, request.device);
        if (redeemed.ok && request.consent) recordConsent(db, redeemed.teacherId, newestDeviceOf(db, redeemed.teacherId)!, request.device, request.consent);
        return redeemed;
      })();
      if (!result.ok) {
        const status = result.reason === 'unknown' ? 404 : 410;
        throw new ApiError(status, `code_${result.reason}`, messages.connect[result.reason]);
      }
      const teacher = findTeacher(db, result.teacherId)!;
      return c.json(
        {
          token: result.token,
          teacher: {
            id: teacher.id,
            name: fullName(teacher),
            school: teacher.school,
            municipality: teacher.municipality,
          },
        } satisfies ConnectResponse,
        201,
      );
    },
  };
}
