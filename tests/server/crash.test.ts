import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { instrumentById } from '../../shared/content/index.ts';
import { openDatabase } from '../../server/platform/database/database.ts';
import { type CliProcess, runCli } from '../helpers/cli.ts';
import { freePort } from '../helpers/free-port.ts';
import { tempDataDir } from '../helpers/test-server.ts';

const instrument = instrumentById('selfAssessment')!;
const answers = Object.fromEntries(instrument.items.map((item, i) => [item.id, 1 + (i % 5)]));

describe('a server killed mid-stream', () => {
  const running: CliProcess[] = [];
  const dirs: string[] = [];
  afterEach(async () => {
    for (const cli of running.splice(0)) {
      cli.child.kill('SIGKILL');
      await cli.exited;
    }
    dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true }));
  });

  it('keeps every submission it acknowledged, and takes the rest when they are sent again', async () => {
    const dataDir = tempDataDir();
    dirs.push(dataDir);
    const port = await freePort();
    const env = { PORT: String(port), PROFROST_DATA_DIR: dataDir };
    const server = runCli(['serve', '--demo'], env);
    running.push(server);
    await server.waitFor('ПрофРост работает');
    const code = /([2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}) {2}Соколова/.exec(server.output())![1]!;
    const base = `http://localhost:${port}/api/v1`;
    const { token } = (await (
      await fetch(`${base}/connect`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code, device: 'ноутбук' }) })
    ).json()) as { token: string };

    // As the outbox does: each submission keeps its body, and a resend repeats it exactly.
    const bodies = new Map<string, string>();
    const send = (id: string) => {
      if (!bodies.has(id)) {
        bodies.set(
          id,
          JSON.stringify({ id, instrumentId: instrument.id, instrumentVersion: instrument.version, answers, completedAt: new Date().toISOString() }),
        );
      }
      return fetch(`${base}/attempts`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: bodies.get(id)!,
      });
    };

    // Eight clients submit as fast as they can; the server is killed while they do.
    const acknowledged: string[] = [];
    const unacknowledged: string[] = [];
    let killed = false;
    const client = async () => {
      while (!killed) {
        const id = randomUUID();
        try {
          const response = await send(id);
          (response.status === 201 ? acknowledged : unacknowledged).push(id);
        } catch {
          unacknowledged.push(id);
        }
      }
    };
    const clients = Array.from({ length: 8 }, client);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    server.child.kill('SIGKILL');
    killed = true;
    await server.exited;
    await Promise.all(clients);
    running.splice(0);
    expect(acknowledged.length).toBeGreaterThan(20);

    const db = openDatabase(dataDir);
    const stored = new Set((db.prepare('SELECT id FROM attempts').all() as { id: string }[]).map((row) => row.id));
    db.close();
    expect(acknowledged.filter((id) => !stored.has(id))).toEqual([]);

    // The extension's outbox sends again whatever was not acknowledged: each arrives exactly once.
    const restarted = runCli(['serve'], env);
    running.push(restarted);
    await restarted.waitFor('ПрофРост работает');
    for (const id of [...unacknowledged, ...acknowledged.slice(0, 5)]) {
      expect([200, 201]).toContain((await send(id)).status);
    }
    const after = openDatabase(dataDir);
    // The demo's own results belong to other teachers: count this device's teacher's attempts.
    const total = (
      after.prepare(`SELECT count(*) AS n FROM attempts WHERE teacher_id = (SELECT teacher_id FROM devices WHERE label = 'ноутбук')`).get() as { n: number }
    ).n;
    after.close();
    expect(total).toBe(new Set([...acknowledged, ...unacknowledged]).size);
  });
});
