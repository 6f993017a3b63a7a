import { messages } from './messages.ts';
import { parseCommandArgs, required } from '../../platform/cli/cli-args.ts';
import { CliError } from '../../platform/cli/cli-error.ts';
import { withDatabase } from '../../platform/cli/with-database.ts';
import { writeAudit } from '../../platform/database/audit-store.ts';
import { issueCouncilToken, listCouncilTokens, revokeCouncilToken } from '../../platform/database/council-token-store.ts';

/** The council's access from the command line; the creation is written to the audit log with actor `cli`. */

const t = messages.admin;
const actor = 'cli';

/** `profrost council-token create|list|revoke …`. */
export async function councilTokenCommand(args: string[]): Promise<void> {
  const [sub] = args;
  if (sub === 'list') return listCommand(args);
  if (sub === 'revoke') return revokeCommand(args);
  return createCommand(args);
}

/** DD.MM.YYYY HH:MM UTC of a stored instant. */
function instant(iso: string): string {
  return `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)} ${iso.slice(11, 16)} UTC`;
}

/** `profrost council-token list`: every token with its number, name, dates and last pull; never a token itself. */
async function listCommand(args: string[]): Promise<void> {
  parseCommandArgs(args, {}, t.usageCouncil, 1);
  const tokens = await withDatabase((db) => listCouncilTokens(db));
  if (tokens.length === 0) return console.log(t.councilTokensNone);
  for (const token of tokens) {
    const state = token.revokedAt ? t.councilTokenRevokedAt(instant(token.revokedAt)) : t.councilTokenLive;
    console.log(t.councilTokenLine(token.id, token.name, instant(token.createdAt), state, token.lastPullAt && instant(token.lastPullAt)));
  }
}

/** `profrost council-token revoke --id N`: the token stops working at once. */
async function revokeCommand(args: string[]): Promise<void> {
  const usage = t.usageCouncil;
  const { values } = parseCommandArgs(args, { id: { type: 'string' } }, usage, 1);
  const given = required(values.id, '--id', usage);
  if (!/^[1-9]\d{0,9}$/.test(given)) throw new CliError(t.badTokenId(given));
  const id = Number(given);
  const name = await withDatabase((db) =>
    db
      .transaction(() => {
        const token = listCouncilTokens(db).find((row) => row.id === id);
        if (!token || !revokeCouncilToken(db, id)) throw new CliError(t.noLiveToken(id));
        writeAudit(db, { actor, action: 'council_token.revoke', target: `council_token:${id}`, details: { name: token.name } });
        return token.name;
      })
      .immediate(),
  );
  console.log(t.councilTokenRevoked(id, name));
}

/** `profrost council-token create --name N`: the token is printed once and stored as a hash. */
async function createCommand(args: string[]): Promise<void> {
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
