import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.ts';
import { loadConfig } from '../../server/platform/config.ts';
import { hashPassword } from '../../server/platform/auth/secrets.ts';
import { issueCouncilToken } from '../../server/platform/database/council-token-store.ts';
import { type Db, openDatabase } from '../../server/platform/database/database.ts';
import { insertStaff } from '../../server/platform/database/staff-store.ts';
import { postLogin, signIn } from '../helpers/admin-client.ts';
import { runCli } from '../helpers/cli.ts';
import { tempDataDir } from '../helpers/test-server.ts';

/** Taking access away from the command line: council tokens listed and revoked, staff accounts disabled and given new passwords. */
describe('profrost council-token list|revoke, staff disable|reset-password', () => {
  let dataDir: string;
  let db: Db;
  let app: ReturnType<typeof createApp>;

  async function run(args: string[], input?: string): Promise<{ code: number | null; output: string }> {
    const cli = runCli(args, { PROFROST_DATA_DIR: dataDir }, input);
    const code = await cli.exited;
    return { code, output: cli.output() };
  }
  const audit = (action: string) => db.prepare('SELECT actor, target, details_json AS details FROM audit_log WHERE action = ? ORDER BY id').all(action);
  const pull = (token: string) => app.request('/api/v1/reports/deficits.json', { headers: { authorization: `Bearer ${token}` } });

  beforeAll(() => {
    dataDir = tempDataDir();
    // The test reads the same database the commands write, as a running server beside the CLI would.
    db = openDatabase(dataDir);
    app = createApp({ db, config: { ...loadConfig({}), dataDir } });
  });
  afterAll(() => {
    db.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('lists the council tokens without their values, revokes one that stops working at once, and logs it', async () => {
    const kept = issueCouncilToken(db, 'Экспертный совет 2026/27');
    const old = issueCouncilToken(db, 'Совет прошлого года');
    expect((await pull(old.token)).status).toBe(200);

    const listed = await run(['council-token', 'list']);
    expect(listed.code).toBe(0);
    const lines = listed.output.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(
      new RegExp(`^№ ${kept.id} {2}«Экспертный совет 2026/27» {2}выпущен \\d\\d\\.\\d\\d\\.\\d{4} \\d\\d:\\d\\d UTC {2}действует {2}сводок не получал$`),
    );
    expect(lines[1]).toMatch(/«Совет прошлого года» .* действует {2}последняя сводка \d\d\.\d\d\.\d{4}/);
    expect(listed.output).not.toContain(old.token);

    const revoked = await run(['council-token', 'revoke', '--id', String(old.id)]);
    expect(revoked.output.trim()).toBe(`Токен № ${old.id} «Совет прошлого года» отозван: сводки по нему больше не выдаются.`);
    expect(revoked.code).toBe(0);
    expect((await pull(old.token)).status).toBe(401);
    expect((await pull(kept.token)).status).toBe(200);
    expect(audit('council_token.revoke')).toEqual([
      { actor: 'cli', target: `council_token:${old.id}`, details: JSON.stringify({ name: 'Совет прошлого года' }) },
    ]);

    const again = await run(['council-token', 'revoke', '--id', String(old.id)]);
    expect(again.code).toBe(1);
    expect(again.output.trim()).toBe(`Ошибка: Действующего токена экспертного совета с номером ${old.id} нет (profrost council-token list покажет все).`);
    expect(audit('council_token.revoke')).toHaveLength(1);
  }, 180_000);

  it('disables a staff account: its open session ends at once, it signs in no more, and the log says who did it', async () => {
    const id = insertStaff(db, { login: 'uvolen', passwordHash: await hashPassword('старый-пароль-1'), role: 'admin', municipalityId: null });
    const session = await signIn(app, 'uvolen', 'старый-пароль-1');
    expect((await session.get('/admin/teachers')).status).toBe(200);

    const disabled = await run(['staff', 'disable', '--login', 'uvolen']);
    expect(disabled.output.trim()).toBe('Учётная запись «uvolen» отключена: войти с ней больше нельзя, открытых сеансов завершено: 1.');
    expect(disabled.code).toBe(0);
    const after = await session.get('/admin/teachers');
    expect(after.status).toBe(303);
    expect(after.headers.get('location')).toMatch(/^\/admin\/login/);
    const refused = await postLogin(app, 'uvolen', 'старый-пароль-1');
    expect(refused.status).toBe(401);
    expect(await refused.text()).toContain('Эта учётная запись отключена.');
    expect(audit('staff.disable')).toEqual([{ actor: 'cli', target: `staff:${id}`, details: JSON.stringify({ login: 'uvolen', sessions: 1 }) }]);

    const unknown = await run(['staff', 'disable', '--login', 'nikto']);
    expect(unknown.code).toBe(1);
    expect(unknown.output.trim()).toBe('Ошибка: Учётной записи «nikto» нет.');
  }, 180_000);

  it('gives a locked-out account a new password from standard input: the old one fails, the new one signs in, sessions end', async () => {
    const id = insertStaff(db, { login: 'zabyla', passwordHash: await hashPassword('старый-пароль-2'), role: 'admin', municipalityId: null });
    const session = await signIn(app, 'zabyla', 'старый-пароль-2');
    db.prepare('UPDATE staff SET failed_logins = 0, locked_until = ? WHERE id = ?').run(new Date(Date.now() + 3_600_000).toISOString(), id);

    const reset = await run(['staff', 'reset-password', '--login', 'zabyla'], 'новый-надёжный-пароль\n');
    expect(reset.output.trim()).toBe('Пароль «zabyla» заменён, блокировка после неудачных попыток снята, открытых сеансов завершено: 1.');
    expect(reset.code).toBe(0);
    expect((await session.get('/admin/teachers')).status).toBe(303);
    expect((await postLogin(app, 'zabyla', 'старый-пароль-2')).status).toBe(401);
    expect((await postLogin(app, 'zabyla', 'новый-надёжный-пароль')).status).toBe(303);
    expect(audit('staff.reset_password')).toEqual([{ actor: 'cli', target: `staff:${id}`, details: JSON.stringify({ login: 'zabyla', sessions: 1 }) }]);
    expect(JSON.stringify(db.prepare('SELECT * FROM audit_log').all())).not.toContain('новый-надёжный-пароль');

    const short = await run(['staff', 'reset-password', '--login', 'zabyla'], 'коротко\n');
    expect(short.code).toBe(1);
    expect(short.output).toMatch(/не меньше 10 знаков/);
    expect((await postLogin(app, 'zabyla', 'новый-надёжный-пароль')).status).toBe(303);
  }, 180_000);
});
