import type { Handler } from 'hono';
import { type ConnectResponse, connectRequestSchema } from '../../../shared/api/connect.ts';
import { ApiError } from '../../platform/http/api-error.ts';
import { readJson } from '../../platform/http/validate.ts';
import { messages } from './messages.ts';
import type { Db } from '../../platform/database/database.ts';
import { redeemConnectionCode } from '../../platform/database/device-store.ts';
import { findTeacher } from '../roster/store.ts';
import { newestDeviceOf, recordConsent } from './consent-store.ts';

/** `connectDevice`: a one-time connection code becomes the device's token. */
export function connectApi(db: Db): { connectDevice: Handler } {
  return {
    connectDevice: async (c) => {
      const request = await readJson(c, connectRequestSchema);
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
            name: `${teacher.lastName} ${teacher.firstName} ${teacher.middleName}`.trim(),
            school: teacher.school,
            municipality: teacher.municipality,
          },
        } satisfies ConnectResponse,
        201,
      );
    },
  };
}
