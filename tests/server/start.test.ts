import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type CliProcess, runCli } from '../helpers/cli.ts';
import { freePort } from '../helpers/free-port.ts';
import { tempDataDir } from '../helpers/test-server.ts';

describe('starting the product as `npm start` does', () => {
  const running: CliProcess[] = [];
  const dirs: string[] = [];
  afterEach(async () => {
    for (const cli of running.splice(0)) {
      cli.child.kill('SIGTERM');
      await cli.exited;
    }
    dirs.splice(0).forEach((dir) => fs.rmSync(dir, { recursive: true, force: true }));
  });

  /** The server half of `npm start`, read from package.json so the test runs exactly what newcomers run. */
  const startArgs = (() => {
    const script = (JSON.parse(fs.readFileSync('package.json', 'utf8')) as { scripts: { start: string } }).scripts.start;
    const serve = script.split('&&').at(-1)!.trim().split(/\s+/);
    expect(serve.slice(0, 2)).toEqual(['node', 'bin/profrost.js']);
    return serve.slice(2);
  })();

  async function serve(env: NodeJS.ProcessEnv): Promise<CliProcess> {
    const cli = runCli(startArgs, env);
    running.push(cli);
    await cli.waitFor('ПрофРост работает');
    return cli;
  }

  it('creates the database, prints demo credentials once, serves, and keeps data across restarts', async () => {
    const dataDir = path.join(tempDataDir(), 'data');
    dirs.push(path.dirname(dataDir));
    const port = await freePort();
    const env = { PORT: String(port), PROFROST_DATA_DIR: dataDir };

    const first = await serve(env);
    const printed = first.output();
    expect(printed).toMatch(/[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4} {2}Соколова Анна Викторовна/);
    expect(printed).toMatch(/Методист .*логин metodist, пароль \S+/);
    expect(printed).toMatch(/Токен экспертного совета: \S{40,}/);
    expect(fs.existsSync(path.join(dataDir, 'profrost.db'))).toBe(true);

    const health = await fetch(`http://localhost:${port}/api/v1/health`);
    expect(await health.json()).toMatchObject({ status: 'ok' });
    const journal = await (await fetch(`http://localhost:${port}/demo/journal`)).text();
    expect(journal).toContain('Соколова Анна Викторовна');

    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);
    running.splice(0);

    const second = await serve(env);
    expect(second.output()).not.toContain('Токен экспертного совета');
    expect(await (await fetch(`http://localhost:${port}/demo/journal`)).text()).toContain('Соколова Анна Викторовна');
  });

  it('does not seed demo data when PROFROST_DEMO=0', async () => {
    const dataDir = tempDataDir();
    dirs.push(dataDir);
    const port = await freePort();
    const cli = await serve({ PORT: String(port), PROFROST_DATA_DIR: dataDir, PROFROST_DEMO: '0' });
    expect(cli.output()).not.toContain('Коды подключения');
  });

  it('stops with one sentence naming a wrong variable', async () => {
    const cli = runCli(['serve'], { PORT: 'восемь' });
    expect(await cli.exited).toBe(1);
    expect(cli.output().trim()).toBe('Ошибка: Переменная окружения PORT: нужно целое число от 1 до 65535 (сейчас «восемь»).');
  });

  it('says so when the port is taken', async () => {
    const dataDir = tempDataDir();
    dirs.push(dataDir);
    const port = await freePort();
    await serve({ PORT: String(port), PROFROST_DATA_DIR: dataDir });
    const second = runCli(['serve'], { PORT: String(port), PROFROST_DATA_DIR: dataDir });
    expect(await second.exited).toBe(1);
    expect(second.output()).toContain(`Порт ${port} уже занят`);
  });
});
