import type { Handler } from 'hono';
import { type ConnectResponse, connectRequestSchema } from '../../../shared/api/connect.ts';
import { ApiError } from '../../platform/http/api-error.ts';
import { readJson } from '../../platform/http/validate.ts';
import { type RateLimitOptions, clientIp, fixedWindows } from '../../platform/http/rate-limit.ts';
import { normalizeConnectionCode } from '../../platform/auth/secrets.ts';
import { messages } from './messages.ts';
import type { Db } from '../../platform/database/database.ts';
import { redeemConnectionCode } from '../../platform/database/device-store.ts';
import { namesAgree } from '../../../shared/journals/teacher-name.ts';
import { findTeacher } from '../roster/store.ts';
import { newestDeviceOf, recordConsent } from './consent-store.ts';
import { teacherOfCode } from './code-store.ts';

const fullName = (teacher: { lastName: string; firstName: string; middleName: string }) =>
  `${teacher.lastName} ${teacher.firstName} ${teacher.middleName}`.trim();

/**
 * The limits on connecting beside the generous one per address (app.ts):
 * tries of one code, and tries from one device (its name at one address).
 * Together they stop a script or a stuck retry loop without locking out a
 * school whose teachers all connect from one address on the same morning.
 */
export interface ConnectLimits {
  perCode: RateLimitOptions;
  perDevice: RateLimitOptions;
}

export const defaultConnectLimits: ConnectLimits = {
  perCode: { limit: 10, windowMs: 10 * 60_000 },
  perDevice: { limit: 10, windowMs: 60_000 },
};

/** `connectDevice`: a one-time connection code becomes the device's token. */
export function connectApi(db: Db, limits: ConnectLimits = defaultConnectLimits): { connectDevice: Handler } {
  const perCode = fixedWindows(limits.perCode);
  const perDevice = fixedWindows(limits.perDevice);
  return {
    connectDevice: async (c) => {
      const request = await readJson(c, connectRequestSchema);
      // Both counted on every try, so that neither is spent by waiting on the other.
      const codeWait = perCode.hit(normalizeConnectionCode(request.code));
      const deviceWait = perDevice.hit(`${clientIp(c)}\u0000${request.device.toLowerCase()}`);
      if (codeWait !== undefined || deviceWait !== undefined) {
        const seconds = Math.max(codeWait ?? 0, deviceWait ?? 0);
        c.header('Retry-After', String(seconds));
        throw new ApiError(429, 'too_many_requests', codeWait !== undefined ? messages.connect.tooManyForCode(seconds) : messages.rateLimit.tooMany(seconds));
      }
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
