import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
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
  });

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
