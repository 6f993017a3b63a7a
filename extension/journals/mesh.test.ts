// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { MESH_HOSTS } from '../../shared/journals/known-journals.ts';
import { detect } from '../testing/journal-pages.ts';

describe('МЭШ and its regional copies', () => {
  const hosts = MESH_HOSTS;

  it.each(hosts)('detects /teacher/* on %s, floats the launcher and asks for the name', async (host) => {
    for (const path of ['/teacher/account/schedule', '/teacher/study-process/journal/grade/12345']) {
      const found = await detect('mesh-teacher.html', `https://${host}${path}`);
      expect(found?.adapter.id).toBe(`mesh.${host}`);
      expect(found?.teacher).toBeNull(); // generated class names: nothing is read
      expect(found?.needsConfirmation).toBe(true);
      expect(found?.mount).toBe('floating');
    }
  });

  it('ignores student, parent and sign-in pages', async () => {
    for (const path of ['/', '/diary/schedules/day', '/student/diary', '/parent/marks', '/auth/login', '/teachers-help']) {
      expect(await detect('mesh-teacher.html', `https://school.mos.ru${path}`)).toBeNull();
    }
  });
});
