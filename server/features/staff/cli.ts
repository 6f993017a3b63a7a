import readline from 'node:readline';
import { messages } from './messages.ts';
import { hashPassword } from '../../platform/auth/secrets.ts';
import { parseCommandArgs, required } from '../../platform/cli/cli-args.ts';
import { CliError } from '../../platform/cli/cli-error.ts';
import { withDatabase } from '../../platform/cli/with-database.ts';
import { writeAudit } from '../../platform/database/audit-store.ts';
import { insertStaff, isLoginTaken, type StaffRole } from '../../platform/database/staff-store.ts';
import { fold } from '../roster/import-roster.ts';
import { findMunicipalityId } from '../roster/store.ts';

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

/** `profrost staff add --login L --role methodist|admin [--municipality M]`, the password on standard input. */
export async function staffCommand(args: string[]): Promise<void> {
  const usage = t.usageStaff;
  const { values, positionals } = parseCommandArgs(args, { login: { type: 'string' }, role: { type: 'string' }, municipality: { type: 'string' } }, usage, 1);
  if (positionals[0] !== 'add') throw new CliError(t.badArguments(usage));
  const login = required(values.login, '--login', usage);
  const role = required(values.role, '--role', usage);
  if (!/^[A-Za-z0-9._-]{3,64}$/.test(login)) throw new CliError(t.badLogin);
  if (role !== 'methodist' && role !== 'admin') throw new CliError(t.badRole(role));
  const municipality = values.municipality?.trim() || undefined;
  if (role === 'methodist' && !municipality) throw new CliError(t.methodistNeedsMunicipality);
  if (role === 'admin' && municipality) throw new CliError(t.adminNoMunicipality);

  await withDatabase(async (db) => {
    // Checked before the password is asked for, so a typo costs no typing.
    const municipalityIdOrNull = municipality ? findMunicipalityId(db, municipality, fold) : null;
    if (municipalityIdOrNull === undefined) throw new CliError(t.unknownMunicipality(municipality!));
    if (isLoginTaken(db, login)) throw new CliError(t.duplicateLogin(login));

    const password = await readPassword();
    if ([...password].length < minPasswordLength) throw new CliError(t.shortPassword(minPasswordLength));
    const passwordHash = await hashPassword(password);

    db.transaction(() => {
      if (isLoginTaken(db, login)) throw new CliError(t.duplicateLogin(login));
      const id = insertStaff(db, { login, passwordHash, role: role as StaffRole, municipalityId: municipalityIdOrNull });
      writeAudit(db, { actor, action: 'staff.add', target: `staff:${id}`, details: { login, role, municipality: municipality ?? null } });
    }).immediate();
  });
  console.log(t.staffAdded(login, t.roleNames[role]));
}
