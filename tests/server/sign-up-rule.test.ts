import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addProgram, teacherWithToken, uuid } from '../helpers/catalogue.ts';
import { bodyOf, createTestApp, type TestApp } from '../helpers/test-app.ts';

const belo = 'Городской округ Белоозёрск';
const zarechny = 'Заречный муниципальный район';

/** The rule: a republic-wide programme takes every teacher; a municipality's own programme takes only its teachers. */
describe('signing up for another municipality’s programme', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await createTestApp();
  });
  afterEach(() => t.dispose());

  const signUp = (token: string, programId: string, runId: string) => t.json('POST', `/api/v1/programs/${programId}/enrollments`, { id: uuid(), runId }, token);

  it('refuses a teacher of another municipality with a sentence, and stores nothing', async () => {
    const local = addProgram(t.db, 'belo-local', 20, { municipality: belo });
    const outsider = teacherWithToken(t.db, 1, zarechny);
    const refused = await signUp(outsider.token, local.programId, local.runId);
    expect(refused.status).toBe(403);
    expect((await bodyOf(refused)).error).toEqual({
      code: 'other_municipality',
      message: `Эта программа — для педагогов муниципалитета «${belo}»: на неё записываются только они. Вам доступны программы вашего муниципалитета и республиканские.`,
    });
    expect(t.db.prepare('SELECT count(*) FROM enrollments WHERE teacher_id = ?').pluck().get(outsider.teacherId)).toBe(0);
  });

  it('takes the municipality’s own teachers on its programme, and everyone on a republic-wide one', async () => {
    const local = addProgram(t.db, 'belo-local', 20, { municipality: belo });
    const republic = addProgram(t.db, 'republic', 20);
    const own = teacherWithToken(t.db, 1, belo);
    const outsider = teacherWithToken(t.db, 2, zarechny);
    expect((await signUp(own.token, local.programId, local.runId)).status).toBe(201);
    expect((await signUp(own.token, republic.programId, republic.runId)).status).toBe(201);
    expect((await signUp(outsider.token, republic.programId, republic.runId)).status).toBe(201);
  });
});
