import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.ts';
import { loadConfig } from '../../server/platform/config.ts';
import { hashSecret, verifyPassword } from '../../server/platform/auth/secrets.ts';
import { type Db, openDatabase } from '../../server/platform/database/database.ts';
import { runCli } from '../helpers/cli.ts';
import { bodyOf } from '../helpers/test-app.ts';
import { tempDataDir } from '../helpers/test-server.ts';

/** The admin commands as an operator runs them: real `profrost` processes on one data folder. */
describe('profrost admin commands', () => {
  let dataDir: string;
  let env: NodeJS.ProcessEnv;
  let db: Db;
  let app: ReturnType<typeof createApp>;

  async function run(args: string[], input?: string): Promise<{ code: number | null; output: string }> {
    const cli = runCli(args, env, input);
    const code = await cli.exited;
    return { code, output: cli.output() };
  }
  const file = (name: string) => path.join(dataDir, name);
  const api = (method: string, url: string, body?: unknown, token?: string) =>
    app.request(url, {
      method,
      headers: { ...(body ? { 'content-type': 'application/json' } : {}), ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
  const auditCount = (action: string) => (db.prepare("SELECT count(*) AS n FROM audit_log WHERE actor = 'cli' AND action = ?").get(action) as { n: number }).n;

  beforeAll(() => {
    dataDir = tempDataDir();
    env = { PROFROST_DATA_DIR: dataDir };
    // The test reads the same database the commands write, as a running server beside the CLI would.
    db = openDatabase(dataDir);
    app = createApp({ db, config: { ...loadConfig({}), dataDir } });
  });
  afterAll(() => {
    db.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  let codes: string[][];

  it('imports a roster, writes the codes file, and does not duplicate on a second run', async () => {
    fs.writeFileSync(
      file('roster.csv'),
      '\uFEFFФамилия;Имя;Отчество;Муниципалитет;Школа;Должность;Предметы;Стаж\n' +
        'Иванова;Мария;Петровна;Белоозёрский район;МБОУ СОШ № 1;учитель;математика;2\n' +
        'Петров;Олег;;Белоозёрский район;МБОУ СОШ № 1;учитель;история;10\n',
    );
    const first = await run(['roster', 'import', file('roster.csv'), '--codes-out', file('codes.csv')]);
    expect(first.output).toContain('Импортировано: 2, уже были: 0, с ошибками: 0');
    expect(first.code).toBe(0);
    codes = parse(fs.readFileSync(file('codes.csv'), 'utf8'), { delimiter: ';', bom: true }) as string[][];
    expect(codes[0]).toEqual(['Фамилия', 'Имя', 'Отчество', 'Школа', 'Код', 'Действует до']);
    expect(codes.slice(1).map((row) => row.slice(0, 4))).toEqual([
      ['Иванова', 'Мария', 'Петровна', 'МБОУ СОШ № 1'],
      ['Петров', 'Олег', '', 'МБОУ СОШ № 1'],
    ]);

    const second = await run(['roster', 'import', file('roster.csv'), '--codes-out', file('codes-2.csv')]);
    expect(second.code).toBe(0);
    expect(second.output).toContain('Импортировано: 0, уже были: 2, с ошибками: 0');
    expect((db.prepare('SELECT count(*) AS n FROM teachers').get() as { n: number }).n).toBe(2);
    expect(auditCount('roster.import')).toBe(2);
  });

  it('refuses an invalid roster with the line and reason, imports nothing, and never overwrites a codes file', async () => {
    fs.writeFileSync(file('bad.csv'), 'Фамилия,Имя,Муниципалитет,Школа,Стаж\nСмирнов,Иван,Район,Школа № 7,много\nОрлова,Ольга,Район,Школа № 7,3\n');
    const refused = await run(['roster', 'import', file('bad.csv'), '--codes-out', file('bad-codes.csv')]);
    expect(refused.code).toBe(1);
    expect(refused.output).toContain('строка 2: столбец «Стаж»: стаж — целое число лет от 0 до 70');
    expect(refused.output).toContain('Педагоги не загружены');
    expect(fs.existsSync(file('bad-codes.csv'))).toBe(false);

    const overwrite = await run(['roster', 'import', file('bad.csv'), '--skip-invalid', '--codes-out', file('codes.csv')]);
    expect(overwrite.code).toBe(1);
    expect(overwrite.output).toMatch(/codes\.csv уже существует/);
    expect((db.prepare('SELECT count(*) AS n FROM teachers').get() as { n: number }).n).toBe(2);

    const skipped = await run(['roster', 'import', file('bad.csv'), '--skip-invalid']);
    expect(skipped.code).toBe(0);
    expect(skipped.output).toMatch(/[2-9A-Z]{4}-[2-9A-Z]{4} {2}Орлова Ольга, Школа № 7/);
    expect(skipped.output).toContain('Импортировано: 1, уже были: 0, с ошибками: 1');
  });

  it('revokes the devices of a teacher: the API refuses their token at once', async () => {
    const connected = await api('POST', '/api/v1/connect', { code: codes[1]![4], device: 'ноутбук' });
    expect(connected.status).toBe(201);
    const { token, teacher } = await bodyOf(connected);
    expect((await api('GET', '/api/v1/me', undefined, token)).status).toBe(200);

    const revoke = await run(['devices', 'revoke', '--teacher', String(teacher.id)]);
    expect(revoke.code).toBe(0);
    expect(revoke.output).toContain('Отозвано устройств: 1 (Иванова Мария Петровна)');
    const refused = await api('GET', '/api/v1/me', undefined, token);
    expect(refused.status).toBe(401);
    expect((await bodyOf(refused)).error.message).toMatch(/отозван/);
    expect(auditCount('devices.revoke')).toBe(1);
  });

  it('reissues a code that works, and the old unused one stops working', async () => {
    const teacherId = (db.prepare("SELECT id FROM teachers WHERE last_name = 'Петров'").get() as { id: number }).id;
    const reissue = await run(['codes', 'reissue', '--teacher', String(teacherId)]);
    expect(reissue.code).toBe(0);
    const code = /([2-9A-Z]{4}-[2-9A-Z]{4})/.exec(reissue.output)?.[1];
    expect(reissue.output).toMatch(/Новый код подключения для Петров Олег: .+ \(действует до \d{2}\.\d{2}\.\d{4}\)/);
    expect((await api('POST', '/api/v1/connect', { code: codes[2]![4], device: 'ноутбук' })).status).toBe(404);
    expect((await api('POST', '/api/v1/connect', { code, device: 'ноутбук' })).status).toBe(201);
    expect(auditCount('code.reissue')).toBe(1);
  });

  it('adds staff with the password from standard input, stored only as a hash', async () => {
    const password = 'очень-длинный-пароль';
    const methodist = await run(['staff', 'add', '--login', 'metod.belo', '--role', 'methodist', '--municipality', 'белоозёрский район'], `${password}\n`);
    expect(methodist.output).toContain('Учётная запись «metod.belo» (методист) создана.');
    expect(methodist.code).toBe(0);
    const admin = await run(['staff', 'add', '--login', 'region', '--role', 'admin'], 'ещё-один-пароль\n');
    expect(admin.code).toBe(0);

    const row = db
      .prepare(
        'SELECT s.role, s.password_hash AS hash, m.name AS municipality FROM staff s LEFT JOIN municipalities m ON m.id = s.municipality_id WHERE login = ?',
      )
      .get('metod.belo') as { role: string; hash: string; municipality: string };
    expect(row).toMatchObject({ role: 'methodist', municipality: 'Белоозёрский район' });
    expect(row.hash).not.toContain(password);
    expect(await verifyPassword(password, row.hash)).toBe(true);
    expect(auditCount('staff.add')).toBe(2);
    expect(JSON.stringify(db.prepare('SELECT * FROM audit_log').all())).not.toContain(password);
    // mentoring2: a school's координатор наставничества, bound to her school.
    const args = ['staff', 'add', '--login', 'koord.sosh1', '--role', 'coordinator', '--municipality', 'белоозёрский район', '--school', 'мбоу сош № 1'];
    const coordinator = await run(args, 'пароль-координатора\n');
    expect([coordinator.code, coordinator.output.trim()]).toEqual([0, 'Учётная запись «koord.sosh1» (координатор наставничества) создана.']);
    expect(db.prepare('SELECT s.role, sc.name AS school FROM staff s JOIN schools sc ON sc.id = s.school_id WHERE login = ?').get('koord.sosh1')).toEqual({
      role: 'coordinator',
      school: 'МБОУ СОШ № 1',
    });
  });

  it.each([
    ['a duplicate login', ['staff', 'add', '--login', 'metod.belo', '--role', 'admin'], 'пароль-подлиннее', /Логин «metod\.belo» уже занят\./],
    [
      'an unknown municipality',
      ['staff', 'add', '--login', 'metod2', '--role', 'methodist', '--municipality', 'Атлантида'],
      'пароль-подлиннее',
      /Муниципалитета «Атлантида» нет в базе/,
    ],
    ['a methodist without municipality', ['staff', 'add', '--login', 'metod3', '--role', 'methodist'], 'пароль-подлиннее', /Методисту нужен муниципалитет/],
    ['a short password', ['staff', 'add', '--login', 'metod4', '--role', 'admin'], 'короткий\n', /не меньше 10 знаков/],
    [
      'a coordinator without a school',
      ['staff', 'add', '--login', 'koord2', '--role', 'coordinator', '--municipality', 'Белоозёрский район'],
      'пароль-подлиннее',
      /Координатору наставничества нужны муниципалитет и образовательная организация/,
    ],
    [
      'a coordinator of an unknown school',
      ['staff', 'add', '--login', 'koord3', '--role', 'coordinator', '--municipality', 'Белоозёрский район', '--school', 'Гимназия № 9'],
      'пароль-подлиннее',
      /Образовательной организации «Гимназия № 9» нет среди школ муниципалитета/,
    ],
    ['a missing option', ['staff', 'add', '--login', 'metod5'], '', /Не указан параметр --role/],
    ['an unknown role', ['staff', 'add', '--login', 'metod6', '--role', 'boss'], '', /Роль «boss» неизвестна/],
    ['a login that is not one', ['staff', 'add', '--login', 'Иван Петрович', '--role', 'admin'], '', /Логин: от 3 до 64 латинских букв/],
    ['an unknown teacher', ['codes', 'reissue', '--teacher', '999'], undefined, /Педагога с номером 999 нет\./],
    ['an id that is not a number', ['devices', 'revoke', '--teacher', 'Иванова'], undefined, /не номер педагога/],
    ['an unknown option', ['devices', 'revoke', '--teacher', '1', '--all'], undefined, /Неверные параметры команды/],
    ['a council token without name', ['council-token', 'create'], undefined, /Не указан параметр --name/],
  ])('fails with one Russian sentence and exit 1 on %s', async (_, args, input, message) => {
    const staffBefore = (db.prepare('SELECT count(*) AS n FROM staff').get() as { n: number }).n;
    const result = await run(args, input);
    expect(result.code).toBe(1);
    expect(result.output).toMatch(message);
    expect(result.output.trim().split('\n')).toHaveLength(1);
    expect(result.output).not.toMatch(/at .+\.ts:\d+/); // no stack trace
    expect((db.prepare('SELECT count(*) AS n FROM staff').get() as { n: number }).n).toBe(staffBefore);
  });

  it('creates a council token, printed once, that is no teacher token', async () => {
    const result = await run(['council-token', 'create', '--name', 'Экспертный совет 2026/27']);
    expect(result.code).toBe(0);
    expect(result.output).toContain('Экспертный совет 2026/27');
    const token = result.output.trim().split('\n').at(-1)!;
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(db.prepare('SELECT name FROM council_tokens WHERE token_hash = ?').get(hashSecret(token))).toEqual({ name: 'Экспертный совет 2026/27' });
    expect((await api('GET', '/api/v1/me', undefined, token)).status).toBe(401);
    expect(auditCount('council_token.create')).toBe(1);
  });

  it('lists the new commands in the help', async () => {
    const help = await run(['help']);
    for (const command of ['roster import', 'staff add', 'council-token create', 'codes reissue', 'devices revoke']) {
      expect(help.output).toContain(command);
    }
  });
});
