import readline from 'node:readline';
import { messages } from './messages.ts';
import { hashPassword } from '../../platform/auth/secrets.ts';
import { parseCommandArgs, required } from '../../platform/cli/cli-args.ts';
import { CliError } from '../../platform/cli/cli-error.ts';
import { withDatabase } from '../../platform/cli/with-database.ts';
import { writeAudit } from '../../platform/database/audit-store.ts';
import { disableStaff, findStaffByLogin, insertStaff, isLoginTaken, resetStaffPassword, type StaffRole } from '../../platform/database/staff-store.ts';
import { fold } from '../roster/import-roster.ts';
import { findMunicipalityId, findSchoolId } from '../roster/store.ts';

/** Staff accounts from the command line; each writes one audit_log row with actor `cli`. */

const t = messages.admin;
export const minPasswordLength = 10;
const actor = 'cli';

/**
 * The password from standard input, so that it shows neither in the shell
 * history nor in the process list: the first line of what is piped in, or
 * one line typed after a prompt.
 */
async function readPassword(): Promise<string> {
  if (process.stdin.isTTY) {
    process.stderr.write(t.passwordPrompt);
    const lines = readline.createInterface({ input: process.stdin });
    try {
      return await new Promise<string>((resolve) => {
        lines.once('line', resolve);
        lines.once('close', () => resolve(''));
      });
    } finally {
      lines.close();
    }
  }
  let text = '';
  process.stdin.setEncoding('utf8');
  for await (const chunk of process.stdin) text += chunk;
  return text.split(/\r?\n/, 1)[0] ?? '';
}

/** `profrost staff add|disable|reset-password …`. */
export async function staffCommand(args: string[]): Promise<void> {
  const [sub] = args;
  if (sub === 'disable') return disableCommand(args);
  if (sub === 'reset-password') return resetPasswordCommand(args);
  return addCommand(args);
}

/** `profrost staff disable --login L`: the account signs in no more, its open sessions end at once. */
async function disableCommand(args: string[]): Promise<void> {
  const usage = t.usageStaff;
  const { values } = parseCommandArgs(args, { login: { type: 'string' } }, usage, 1);
  const login = required(values.login, '--login', usage);
  const sessions = await withDatabase((db) =>
    db
      .transaction(() => {
        const account = findStaffByLogin(db, login);
        if (!account) throw new CliError(t.unknownLogin(login));
        const ended = disableStaff(db, account.id);
        if (ended === undefined) throw new CliError(t.alreadyDisabled(login));
        writeAudit(db, { actor, action: 'staff.disable', target: `staff:${account.id}`, details: { login, sessions: ended } });
        return ended;
      })
      .immediate(),
  );
  console.log(t.staffDisabled(login, sessions));
}

/** `profrost staff reset-password --login L`, the new password on standard input: the lockout is lifted and open sessions end. */
async function resetPasswordCommand(args: string[]): Promise<void> {
  const usage = t.usageStaff;
  const { values } = parseCommandArgs(args, { login: { type: 'string' } }, usage, 1);
  const login = required(values.login, '--login', usage);
  const sessions = await withDatabase(async (db) => {
    // Checked before the password is asked for, so a typo costs no typing.
    if (!findStaffByLogin(db, login)) throw new CliError(t.unknownLogin(login));
    const password = await readPassword();
    if ([...password].length < minPasswordLength) throw new CliError(t.shortPassword(minPasswordLength));
    const passwordHash = await hashPassword(password);
    return db
      .transaction(() => {
        const account = findStaffByLogin(db, login);
        if (!account) throw new CliError(t.unknownLogin(login));
        const ended = resetStaffPassword(db, account.id, passwordHash);
        writeAudit(db, { actor, action: 'staff.reset_password', target: `staff:${account.id}`, details: { login, sessions: ended } });
        return ended;
      })
      .immediate();
  });
  console.log(t.passwordReset(login, sessions));
}

/** `profrost staff add --login L --role methodist|admin|council|coordinator [--municipality M] [--school S]`, the password on standard input. */
async function addCommand(args: string[]): Promise<void> {
  const usage = t.usageStaff;
  const { values, positionals } = parseCommandArgs(
    args,
    { login: { type: 'string' }, role: { type: 'string' }, municipality: { type: 'string' }, school: { type: 'string' } },
    usage,
    1,
  );
  if (positionals[0] !== 'add') throw new CliError(t.badArguments(usage));
  const login = required(values.login, '--login', usage);
  const role = required(values.role, '--role', usage);
  if (!/^[A-Za-z0-9._-]{3,64}$/.test(login)) throw new CliError(t.badLogin);
  if (role !== 'methodist' && role !== 'admin' && role !== 'council' && role !== 'coordinator') throw new CliError(t.badRole(role));
  const municipality = values.municipality?.trim() || undefined;
  const school = values.school?.trim() || undefined;
  if (role === 'coordinator' && (!municipality || !school)) throw new CliError(t.coordinatorNeedsSchool);
  if (role !== 'coordinator' && school) throw new CliError(t.schoolOnlyForCoordinator);
  if (role === 'methodist' && !municipality) throw new CliError(t.methodistNeedsMunicipality);
  if (role === 'admin' && municipality) throw new CliError(t.adminNoMunicipality);
  if (role === 'council' && municipality) throw new CliError(t.councilNoMunicipality);

  await withDatabase(async (db) => {
    // Checked before the password is asked for, so a typo costs no typing.
    const municipalityIdOrNull = municipality ? findMunicipalityId(db, municipality, fold) : null;
    if (municipalityIdOrNull === undefined) throw new CliError(t.unknownMunicipality(municipality!));
    const schoolId = school ? findSchoolId(db, municipalityIdOrNull!, school, fold) : null;
    if (schoolId === undefined) throw new CliError(t.unknownSchool(school!, municipality!));
    if (isLoginTaken(db, login)) throw new CliError(t.duplicateLogin(login));

    const password = await readPassword();
    if ([...password].length < minPasswordLength) throw new CliError(t.shortPassword(minPasswordLength));
    const passwordHash = await hashPassword(password);

    db.transaction(() => {
      if (isLoginTaken(db, login)) throw new CliError(t.duplicateLogin(login));
      const id = insertStaff(db, { login, passwordHash, role: role as StaffRole, municipalityId: municipalityIdOrNull, schoolId });
      writeAudit(db, {
        actor,
        action: 'staff.add',
        target: `staff:${id}`,
        details: { login, role, municipality: municipality ?? null, school: school ?? null },
      });
    }).immediate();
  });
  console.log(t.staffAdded(login, t.roleNames[role]));
}
