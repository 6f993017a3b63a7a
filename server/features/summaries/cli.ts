import { messages } from './messages.ts';
import { parseCommandArgs, required } from '../../platform/cli/cli-args.ts';
import { CliError } from '../../platform/cli/cli-error.ts';
import { withDatabase } from '../../platform/cli/with-database.ts';
import { writeAudit } from '../../platform/database/audit-store.ts';
import { issueCouncilToken } from '../../platform/database/council-token-store.ts';

/** The council's access from the command line; the creation is written to the audit log with actor `cli`. */

const t = messages.admin;
const actor = 'cli';

/** `profrost council-token create --name N`: the token is printed once and stored as a hash. */
export async function councilTokenCommand(args: string[]): Promise<void> {
  const usage = t.usageCouncil;
  const { values, positionals } = parseCommandArgs(args, { name: { type: 'string' } }, usage, 1);
  if (positionals[0] !== 'create') throw new CliError(t.badArguments(usage));
  const name = required(values.name, '--name', usage);
  if (name.length > 200) throw new CliError(t.badName);
  const token = await withDatabase((db) =>
    db
      .transaction(() => {
        const { id, token } = issueCouncilToken(db, name);
        writeAudit(db, { actor, action: 'council_token.create', target: `council_token:${id}`, details: { name } });
        return token;
      })
      .immediate(),
  );
  console.log(t.councilToken(name, token));
}
