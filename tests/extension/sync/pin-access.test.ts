import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createWorker } from '../../../extension/background/worker.ts';
import { issueConnectionCode } from '../../../server/features/connection/code-store.ts';
import { type Harness, testServerUrl, workerHarness } from '../worker-harness.ts';

/**
 * A shared school computer: the journal does not vouch for who is signed in
 * (the adapter read no name), so a name typed in the panel must open nothing
 * by itself; the PIN chosen at connection does, with waits after wrong tries.
 */
describe('a profile where the journal does not vouch for who is signed in', () => {
  let h: Harness;
  let clock: number;
  let worker: ReturnType<typeof createWorker>;
  beforeEach(async () => {
    h = await workerHarness();
    clock = Date.parse('2026-12-07T09:00:00Z');
    const workerOn = () =>
      createWorker({
        local: h.storage,
        fetch: async (input, init) => h.t.app.request(input.replace(testServerUrl, ''), init),
        now: () => clock,
        pinIterations: 1000,
      });
    worker = workerOn();
    restart = () => {
      worker = workerOn();
    };
  });
  afterEach(() => h.dispose());
  let restart: () => void;

  const teacher = () => h.t.demo.teachers[0]!;
  const connect = (pin: string, vouched = false) =>
    worker.handle({
      type: 'connect',
      code: teacher().code,
      device: 'Тест',
      journalName: '',
      confirmedName: teacher().name,
      vouched,
      pin,
      consentAccepted: true,
    });
  const typed = () => worker.handle({ type: 'getState', journalName: teacher().name, vouched: false });
  const unlock = (pin: string) => worker.handle({ type: 'unlock', journalName: teacher().name, pin });

  it('asks for a PIN of 4–6 digits at connection, before the code is spent', async () => {
    expect(await connect('')).toEqual({ ok: false, message: expect.stringContaining('PIN-код из 4–6 цифр') });
    expect(await connect('12ab')).toEqual({ ok: false, message: expect.stringContaining('от 4 до 6 цифр') });
    const connected = await connect('4821');
    expect(connected.ok).toBe(true);
    expect(JSON.stringify(h.storage.dump())).not.toContain('4821');
    expect(JSON.stringify(connected)).not.toMatch(/pin|salt|hash/i);
  });

  it('opens nothing for a typed name, and the profile with its PIN', async () => {
    await connect('4821');
    const state = await typed();
    expect(state).toMatchObject({ session: null, locked: { pinSet: true, waitUntil: null }, otherTeacherConnected: false });
    // Not even her full name, school or the session's id reaches the panel.
    expect(JSON.stringify(state)).not.toContain(teacher().name);
    expect(JSON.stringify(state)).not.toContain(teacher().school);

    expect(await unlock('1111')).toEqual({ ok: false, message: 'PIN-код не подошёл.', waitUntil: null });
    const opened = await unlock('4821');
    expect(opened.ok && opened.session.teacher.name).toBe(teacher().name);
    expect(JSON.stringify(opened)).not.toMatch(/token|salt|hash/i);
  });

  it('makes wrong tries wait, longer each time, and a restart of the worker keeps the wait', async () => {
    await connect('4821');
    await unlock('0000');
    await unlock('0001');
    const third = await unlock('0002');
    expect(third).toMatchObject({ ok: false, waitUntil: new Date(clock + 30_000).toISOString() });
    restart();
    // Even the right PIN waits: the wait is what slows guessing down.
    expect(await unlock('4821')).toMatchObject({ ok: false, waitUntil: new Date(clock + 30_000).toISOString() });
    expect((await typed()).locked?.waitUntil).toBe(new Date(clock + 30_000).toISOString());
    clock += 31_000;
    expect(await unlock('0003')).toMatchObject({ ok: false, waitUntil: new Date(clock + 60_000).toISOString() });
    clock += 61_000;
    expect((await unlock('4821')).ok).toBe(true);
    // The right PIN clears the count.
    expect(await unlock('0004')).toEqual({ ok: false, message: 'PIN-код не подошёл.', waitUntil: null });
  });

  it('needs no PIN where the journal vouches, and a profile connected so stays closed to a typed name', async () => {
    expect((await connect('', true)).ok).toBe(true);
    expect((await worker.handle({ type: 'getState', journalName: teacher().name, vouched: true })).session?.teacher.name).toBe(teacher().name);
    expect(await typed()).toMatchObject({ session: null, locked: { pinSet: false } });
    expect((await unlock('0000')).ok).toBe(false);
  });

  it('a forgotten PIN: connecting again with a new code replaces the profile and its PIN', async () => {
    await connect('4821');
    const fresh = issueConnectionCode(h.t.db, teacher().id);
    const again = await worker.handle({
      type: 'connect',
      code: fresh,
      device: 'Тест',
      journalName: '',
      confirmedName: teacher().name,
      vouched: false,
      pin: '7777',
      consentAccepted: true,
    });
    expect(again.ok).toBe(true);
    expect((await unlock('4821')).ok).toBe(false);
    expect((await unlock('7777')).ok).toBe(true);
    expect(h.storage.dump().sessions).toHaveLength(1);
  });
});
