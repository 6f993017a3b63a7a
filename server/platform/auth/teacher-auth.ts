import { createMiddleware } from 'hono/factory';
import { ApiError } from '../http/api-error.ts';
import { requestHeader } from '../http/node-request.ts';
import { messages } from '../messages.ts';
import type { Db } from '../database/database.ts';
import { type DeviceIdentity, findDeviceByToken } from '../database/device-store.ts';

export type TeacherEnv = { Variables: { device: DeviceIdentity } };

/** Reads the `Authorization: Bearer` token from a header value, or undefined. */
export function bearerToken(header: string | undefined): string | undefined {
  const match = /^Bearer\s+(\S+)$/i.exec(header ?? '');
  return match?.[1];
}

/**
 * Lets through only requests with a live device token, and tells the handler
 * whose they are: every teacher handler reads `c.get('device').teacherId` and
 * nothing else, so a token reaches only its own teacher's data.
 */
export function teacherAuth(db: Db) {
  // Not async: every API request passes here, and an async wrapper is one more promise for each.
  return createMiddleware<TeacherEnv>((c, next) => {
    const token = bearerToken(requestHeader(c, 'authorization'));
    if (!token) throw new ApiError(401, 'unauthorized', messages.auth.noToken);
    const device = findDeviceByToken(db, token);
    if (!device) throw new ApiError(401, 'unauthorized', messages.auth.badToken);
    c.set('device', device);
    return next();
  });
}
