import { hashPassword, newPassword } from '../../platform/auth/secrets.ts';
import { createCouncilToken } from '../../platform/database/council-token-store.ts';
import type { Db } from '../../platform/database/database.ts';
import { getSetting, setSetting } from '../../platform/database/settings-store.ts';
import { insertStaff } from '../../platform/database/staff-store.ts';
import { issueConnectionCode } from '../connection/code-store.ts';
import { ensureMunicipality, insertTeacher } from '../roster/store.ts';
import { seedDemoCatalogue } from './catalogue.ts';
import { demoAdmin, demoCouncilMember, demoCouncilTokenName, demoMethodist, demoRepublic, demoTeachers } from './data.ts';

/** Everything a person needs to try the demo; exists in clear only in this object. */
export interface DemoCredentials {
  republic: string;
  teachers: { id: number; name: string; school: string; code: string }[];
  methodist: { login: string; password: string; municipality: string };
  admin: { login: string; password: string };
  councilToken: string;
  /** A member of the expert council who signs in to the admin (issue 23). */
  council: { login: string; password: string };
}

const seededKey = 'demo_seeded_at';

export function isDemoSeeded(db: Db): boolean {
  return demoSeededAt(db) !== undefined;
}

/** When the demo was seeded: its catalogue's dates count from that day. */
export function demoSeededAt(db: Db): Date | undefined {
  const at = getSetting(db, seededKey);
  return at === undefined ? undefined : new Date(at);
}

/**
 * Seeds the demo republic once; returns undefined when it is already there,
 * because its codes and passwords cannot be shown a second time.
 */
export async function seedDemo(db: Db): Promise<DemoCredentials | undefined> {
  if (isDemoSeeded(db)) return undefined;
  const methodistPassword = newPassword();
  const adminPassword = newPassword();
  const councilPassword = newPassword();
  // Hash before the transaction: better-sqlite3 transactions must stay synchronous.
  const [methodistHash, adminHash, councilHash] = await Promise.all([
    hashPassword(methodistPassword),
    hashPassword(adminPassword),
    hashPassword(councilPassword),
  ]);

  return db.transaction((): DemoCredentials => {
    const teachers = demoTeachers.map((teacher) => {
      const id = insertTeacher(db, teacher);
      return {
        id,
        name: `${teacher.lastName} ${teacher.firstName} ${teacher.middleName}`,
        school: teacher.school,
        code: issueConnectionCode(db, id),
      };
    });
    insertStaff(db, {
      login: demoMethodist.login,
      passwordHash: methodistHash,
      role: 'methodist',
      municipalityId: ensureMunicipality(db, demoMethodist.municipality),
    });
    insertStaff(db, { login: demoAdmin.login, passwordHash: adminHash, role: 'admin', municipalityId: null });
    insertStaff(db, { login: demoCouncilMember.login, passwordHash: councilHash, role: 'council', municipalityId: null });
    const councilToken = createCouncilToken(db, demoCouncilTokenName);
    const now = new Date();
    seedDemoCatalogue(db, now);
    setSetting(db, seededKey, now.toISOString());
    return {
      republic: demoRepublic,
      teachers,
      methodist: { ...demoMethodist, password: methodistPassword },
      admin: { ...demoAdmin, password: adminPassword },
      councilToken,
      council: { ...demoCouncilMember, password: councilPassword },
    };
  })();
}
