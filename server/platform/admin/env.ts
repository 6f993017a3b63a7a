import type { StaffScope } from '../auth/scope.ts';
import type { Db } from '../database/database.ts';
import type { StaffAccount } from '../database/staff-store.ts';
import type { StaffSession } from '../database/session-store.ts';

/** What every admin page receives from require-staff.ts. */
export type AdminEnv = {
  Variables: {
    staff: StaffAccount;
    scope: StaffScope;
    session: StaffSession;
  };
};

export interface AdminDeps {
  db: Db;
}

/** How a staff member appears in the audit log. */
export function staffActor(staff: Pick<StaffAccount, 'login'>): string {
  return `staff:${staff.login}`;
}
