import { messages } from './messages.ts';
import { parseCommandArgs, required } from '../../platform/cli/cli-args.ts';
import { CliError } from '../../platform/cli/cli-error.ts';
import { withDatabase } from '../../platform/cli/with-database.ts';
import { russianDate } from './codes-file.ts';
import { reissueCode, revokeTeacherDevices, teacherDisplayName } from './teacher-access.ts';

/** A teacher's access from the command line: a new code, or every device revoked; each is written to the audit log with actor `cli`. */

const t = messages.admin;
const actor = 'cli';

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
  const result = await withDatabase((db) => reissueCode(db, teacherId, actor));
  if (result.kind === 'unknown') throw new CliError(t.unknownTeacher(teacherId));
  if (result.kind === 'erased') throw new CliError(t.erasedTeacher(teacherId));
  const { code } = result;
  console.log(t.codeIssued(teacherDisplayName({ ...code, id: teacherId }), code.code, russianDate(code.expiresAt)));
}

/** `profrost devices revoke --teacher ID`: every device token of the teacher stops working at once. */
export async function devicesCommand(args: string[]): Promise<void> {
  const teacherId = teacherIdOption(args, 'revoke', t.usageDevices);
  const result = await withDatabase((db) => revokeTeacherDevices(db, teacherId, actor));
  if (result.kind === 'unknown') throw new CliError(t.unknownTeacher(teacherId));
  console.log(t.devicesRevoked(result.count, result.name));
}
