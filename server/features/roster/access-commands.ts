import readline from 'node:readline';
import { loadConfig } from '../../platform/config.ts';
import { messages } from '../../messages.ts';
import { russianDate } from './codes-file.ts';
import { fold } from './import-roster.ts';
import { reissueCode, revokeTeacherDevices, teacherDisplayName } from './teacher-access.ts';
import { hashPassword, hashSecret } from '../../platform/auth/secrets.ts';
import { writeAudit } from '../../platform/database/audit-store.ts';
import { createCouncilToken } from '../../platform/database/council-token-store.ts';
import { type Db, openDatabase } from '../../platform/database/database.ts';
import { insertStaff, type StaffRole } from '../../platform/database/staff-store.ts';
import { parseCommandArgs, required } from '../../platform/cli/cli-args.ts';
import { CliError } from '../../platform/cli/cli-error.ts';

/** Account and access commands; each writes one audit_log row with actor `cli`. */

const t = messages.admin;
export const minPasswordLength = 10;
const actor = 'cli';

async function withDb<T>(work: (db: Db) => T | Promise<T>): Promise<T> {
  const db = openDatabase(loadConfig().dataDir);
  try {
    return await work(db);
  } finally {
    db.close();
  }
}

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

function municipalityId(db: Db, name: string): number | undefined {
  const rows = db.prepare('SELECT id, name FROM municipalities').all() as { id: number; name: string }[];
  return rows.find((row) => fold(row.name) === fold(name))?.id;
}

/** `profrost staff add --login L --role methodist|admin [--municipality M]`, the password on standard input. */
export async function staffCommand(args: string[]): Promise<void> {
  const usage = t.usageStaff;
  const { values, positionals } = parseCommandArgs(
    args,
    { login: { type: 'string' }, role: { type: 'string' }, municipality: { type: 'string' } },
    usage,
    1,
  );
  if (positionals[0] !== 'add') throw new CliError(t.badArguments(usage));
  const login = required(values.login, '--login', usage);
  const role = required(values.role, '--role', usage);
  if (!/^[A-Za-z0-9._-]{3,64}$/.test(login)) throw new CliError(t.badLogin);
  if (role !== 'methodist' && role !== 'admin') throw new CliError(t.badRole(role));
  const municipality = values.municipality?.trim() || undefined;
  if (role === 'methodist' && !municipality) throw new CliError(t.methodistNeedsMunicipality);
  if (role === 'admin' && municipality) throw new CliError(t.adminNoMunicipality);

  await withDb(async (db) => {
    // Checked before the password is asked for, so a typo costs no typing.
    const municipalityIdOrNull = municipality ? municipalityId(db, municipality) : null;
    if (municipalityIdOrNull === undefined) throw new CliError(t.unknownMunicipality(municipality!));
    if (db.prepare('SELECT 1 FROM staff WHERE login = ?').get(login)) throw new CliError(t.duplicateLogin(login));

    const password = await readPassword();
    if ([...password].length < minPasswordLength) throw new CliError(t.shortPassword(minPasswordLength));
    const passwordHash = await hashPassword(password);

    db.transaction(() => {
      if (db.prepare('SELECT 1 FROM staff WHERE login = ?').get(login)) throw new CliError(t.duplicateLogin(login));
      const id = insertStaff(db, { login, passwordHash, role: role as StaffRole, municipalityId: municipalityIdOrNull });
      writeAudit(db, { actor, action: 'staff.add', target: `staff:${id}`, details: { login, role, municipality: municipality ?? null } });
    }).immediate();
  });
  console.log(t.staffAdded(login, t.roleNames[role]));
}

/** `profrost council-token create --name N`: the token is printed once and stored as a hash. */
export async function councilTokenCommand(args: string[]): Promise<void> {
  const usage = t.usageCouncil;
  const { values, positionals } = parseCommandArgs(args, { name: { type: 'string' } }, usage, 1);
  if (positionals[0] !== 'create') throw new CliError(t.badArguments(usage));
  const name = required(values.name, '--name', usage);
  if (name.length > 200) throw new CliError(t.badName);
  const token = await withDb((db) =>
    db
      .transaction(() => {
        const token = createCouncilToken(db, name);
        const { id } = db.prepare('SELECT id FROM council_tokens WHERE token_hash = ?').get(hashSecret(token)) as { id: number };
        writeAudit(db, { actor, action: 'council_token.create', target: `council_token:${id}`, details: { name } });
        return token;
      })
      .immediate(),
  );
  console.log(t.councilToken(name, token));
}

function teacherIdOption(args: string[], sub: string, usage: string): number {
  const { values, positionals } = parseCommandArgs(args, { teacher: { type: 'string' } }, usage, 1);
  if (positionals[0] !== sub) throw new CliError(t.badArguments(usage));
  const raw = required(values.teacher, '--teacher', usage);
  if (!/^[1-9]\d{0,15}$/.test(raw)) throw new CliError(t.badTeacherId(raw));
  return Number(raw);
}

/** `profrost codes reissue --teacher ID`: a new one-time code; an unused earlier one stops working. */
export async function codesCommand(args: string[]): Promise<void> {
  const teacherId = teacherIdOption(args, 'reissue', t.usageCodes);
  const result = await withDb((db) => reissueCode(db, teacherId, actor));
  if (result.kind === 'unknown') throw new CliError(t.unknownTeacher(teacherId));
  if (result.kind === 'erased') throw new CliError(t.erasedTeacher(teacherId));
  const { code } = result;
  console.log(t.codeIssued(teacherDisplayName({ ...code, id: teacherId }), code.code, russianDate(code.expiresAt)));
}

/** `profrost devices revoke --teacher ID`: every device token of the teacher stops working at once. */
export async function devicesCommand(args: string[]): Promise<void> {
  const teacherId = teacherIdOption(args, 'revoke', t.usageDevices);
  const result = await withDb((db) => revokeTeacherDevices(db, teacherId, actor));
  if (result.kind === 'unknown') throw new CliError(t.unknownTeacher(teacherId));
  console.log(t.devicesRevoked(result.count, result.name));
}
