import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { instrumentById } from '../../shared/content/index.ts';
import { databaseFileName } from '../../server/platform/database/database.ts';
import { type CliProcess, runCli } from '../helpers/cli.ts';
import { freePort } from '../helpers/free-port.ts';
import { tempDataDir } from '../helpers/test-server.ts';

/** Every row of every table, in a stable order: "identical data" made checkable. */
function dump(file: string): Record<string, unknown[]> {
  const db = new Database(file, { readonly: true });
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[];
  const result = Object.fromEntries(tables.map(({ name }) => [name, db.prepare(`SELECT * FROM "${name}" ORDER BY 1`).all()]));
  db.close();
  return result;
}

describe('backup and restore', () => {
  const dirs: string[] = [];
  const running: CliProcess[] = [];
  const dir = () => {
    const d = tempDataDir();
    dirs.push(d);
    return d;
  };
  afterEach(async () => {
    for (const cli of running.splice(0)) {
      cli.child.kill('SIGTERM');
      await cli.exited;
    }
    dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true }));
  });

  it('copies a running server consistently, and a fresh server starts from the copy with identical data', async () => {
    const liveDir = dir();
    const port = await freePort();
    const server = runCli(['serve', '--demo'], { PORT: String(port), PROFROST_DATA_DIR: liveDir });
    running.push(server);
    await server.waitFor('ПрофРост работает');
    const code = /([2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}) {2}Соколова/.exec(server.output())![1]!;
    const connected = await fetch(`http://localhost:${port}/api/v1/connect`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code, device: 'ноутбук' }),
    });
    expect(connected.status).toBe(201);

    const backupFile = path.join(dir(), 'copies', 'profrost-backup.db');
    const backup = runCli(['backup', backupFile], { PROFROST_DATA_DIR: liveDir });
    expect(await backup.exited).toBe(0);
    expect(backup.output()).toContain('Резервная копия записана');

    server.child.kill('SIGTERM');
    await server.exited;
    running.splice(0);

    const restoredDir = dir();
    const restore = runCli(['restore', backupFile], { PROFROST_DATA_DIR: restoredDir });
    expect(await restore.exited).toBe(0);
    expect(dump(path.join(restoredDir, databaseFileName))).toEqual(dump(path.join(liveDir, databaseFileName)));

    const port2 = await freePort();
    const restarted = runCli(['serve', '--demo'], { PORT: String(port2), PROFROST_DATA_DIR: restoredDir });
    running.push(restarted);
    await restarted.waitFor('ПрофРост работает');
    expect(restarted.output()).not.toContain('Коды подключения'); // the demo is already there
    expect(await (await fetch(`http://localhost:${port2}/demo/journal`)).text()).toContain('Соколова Анна Викторовна');
  }, 120_000); // four `profrost` processes, each starting Node and tsx: well over 30 s on a busy machine

  it('finishes under a sustained stream of submissions, and the copy holds every one acknowledged before it began', async () => {
    const liveDir = dir();
    const port = await freePort();
    const server = runCli(['serve', '--demo'], { PORT: String(port), PROFROST_DATA_DIR: liveDir });
    running.push(server);
    await server.waitFor('ПрофРост работает');
    const code = /([2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}) {2}Соколова/.exec(server.output())![1]!;
    const base = `http://localhost:${port}/api/v1`;
    const { token } = (await (
      await fetch(`${base}/connect`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code, device: 'ноутбук' }) })
    ).json()) as { token: string };
    const instrument = instrumentById('selfAssessment')!;
    const answers = Object.fromEntries(instrument.items.map((item, i) => [item.id, 1 + (i % 5)]));

    // Eight clients in this process submit over HTTP without pause, before, during and after the backup.
    let phase: 'before' | 'during' | 'stopped' = 'before';
    const acknowledged = { before: [] as string[], during: [] as string[] };
    const client = async () => {
      while (phase !== 'stopped') {
        const id = randomUUID();
        const response = await fetch(`${base}/attempts`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify({ id, instrumentId: instrument.id, instrumentVersion: instrument.version, answers, completedAt: new Date().toISOString() }),
        });
        // Acknowledged before the backup began: answered while it had not started.
        if (response.status === 201) acknowledged[phase === 'before' ? 'before' : 'during'].push(id);
      }
    };
    const clients = Array.from({ length: 8 }, client);
    // Hundreds of submissions first, so that the database is several copy steps long (the old backup copied 256 pages a step).
    while (acknowledged.before.length < 600) await new Promise((resolve) => setTimeout(resolve, 100));
    const ackedBefore = [...acknowledged.before];
    phase = 'during';

    const folder = path.join(dir(), 'copies') + path.sep;
    const started = Date.now();
    const backup = runCli(['backup', folder, '--keep', '2'], { PROFROST_DATA_DIR: liveDir });
    const code1 = await backup.exited;
    const took = Date.now() - started;
    const duringBackup = acknowledged.during.length;
    phase = 'stopped';
    await Promise.all(clients);

    expect(code1, backup.output()).toBe(0);
    expect(backup.output()).toContain('Резервная копия записана и проверена');
    // The whole command, Node's start included on a busy machine; the copy itself it times on its own.
    expect(took).toBeLessThan(60_000);
    const copySeconds = Number(/\((\d+(?:,\d+)?) с\)/.exec(backup.output())![1]!.replace(',', '.'));
    expect(copySeconds).toBeLessThan(15);
    expect(duringBackup).toBeGreaterThan(0); // the stream went on while the copy was made
    const [copy] = fs.readdirSync(folder);
    expect(copy).toMatch(/^profrost-\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}Z\.db$/);

    server.child.kill('SIGTERM');
    await server.exited;
    running.splice(0);
    const restoredDir = dir();
    expect(await runCli(['restore', path.join(folder, copy!)], { PROFROST_DATA_DIR: restoredDir }).exited).toBe(0);
    const restored = new Database(path.join(restoredDir, databaseFileName), { readonly: true });
    expect(restored.pragma('integrity_check', { simple: true })).toBe('ok');
    const stored = new Set((restored.prepare('SELECT id FROM attempts').all() as { id: string }[]).map((row) => row.id));
    restored.close();
    expect(ackedBefore.filter((id) => !stored.has(id))).toEqual([]);
  }, 180_000);

  it('keeps the newest N copies in a folder and refuses --keep for a single file', async () => {
    const liveDir = dir();
    expect(await runCli(['demo'], { PROFROST_DATA_DIR: liveDir }).exited).toBe(0);
    const folder = dir();
    // Older copies, as earlier nights left them, and a file of the operator's own that rotation must not touch.
    for (const day of ['01', '02', '03']) fs.writeFileSync(path.join(folder, `profrost-2026-11-${day}T03-00-00Z.db`), 'old');
    fs.writeFileSync(path.join(folder, 'notes.db'), 'mine');
    const backup = runCli(['backup', folder, '--keep', '2'], { PROFROST_DATA_DIR: liveDir });
    expect(await backup.exited, backup.output()).toBe(0);
    expect(backup.output()).toContain('Удалено старых копий: 2');
    const left = fs.readdirSync(folder).sort();
    expect(left).toHaveLength(3);
    expect(left).toContain('notes.db');
    expect(left).toContain('profrost-2026-11-03T03-00-00Z.db');

    const single = runCli(['backup', path.join(folder, 'one.db'), '--keep', '2'], { PROFROST_DATA_DIR: liveDir });
    expect(await single.exited).toBe(1);
    expect(single.output()).toContain('Параметр --keep работает с папкой');
  }, 120_000);

  it('keeps the replaced database when restoring over one', async () => {
    const backupDir = dir();
    const first = runCli(['demo'], { PROFROST_DATA_DIR: backupDir });
    expect(await first.exited).toBe(0);
    const backupFile = path.join(dir(), 'b.db');
    expect(await runCli(['backup', backupFile], { PROFROST_DATA_DIR: backupDir }).exited).toBe(0);

    const target = dir();
    expect(await runCli(['demo'], { PROFROST_DATA_DIR: target }).exited).toBe(0);
    const before = dump(path.join(target, databaseFileName));
    const restore = runCli(['restore', backupFile], { PROFROST_DATA_DIR: target });
    expect(await restore.exited).toBe(0);
    const kept = /Прежняя база сохранена в (\S+)\./.exec(restore.output())![1]!;
    expect(dump(kept)).toEqual(before);
  });

  it('refuses, with one sentence, a file that is not a ПрофРост database and a backup over an existing file', async () => {
    const junk = path.join(dir(), 'junk.db');
    fs.writeFileSync(junk, 'это не база данных');
    const target = dir();
    const restore = runCli(['restore', junk], { PROFROST_DATA_DIR: target });
    expect(await restore.exited).toBe(1);
    expect(restore.output().trim()).toBe(`Ошибка: Файл ${junk} — не база данных ПрофРоста или повреждён.`);
    expect(fs.existsSync(path.join(target, databaseFileName))).toBe(false);

    const backup = runCli(['backup', junk], { PROFROST_DATA_DIR: target });
    expect(await backup.exited).toBe(1);
    expect(backup.output()).toContain('уже существует');
    expect(fs.readFileSync(junk, 'utf8')).toBe('это не база данных');
  });
});
