// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { detect } from '../testing/journal-pages.ts';

describe('БАРС «Веб-Образование»', () => {
  it('detects the landing page after sign-in and other pages of school.r-19.ru; the name comes from the profile request', async () => {
    for (const path of ['/', '/journal', '/personal-area/']) {
      const found = await detect('bars-teacher.html', `https://school.r-19.ru${path}`);
      expect(found?.adapter.id).toBe('bars');
      // No profile request in happy-dom: nothing read, the teacher confirms (the request itself: tests/browser/journals.test.ts).
      expect(found?.teacher).toBeNull();
      expect(found?.needsConfirmation).toBe(true);
      expect(found?.mount).toBe('floating');
    }
  });

  it('ignores the sign-in pages', async () => {
    expect(await detect(null, 'https://school.r-19.ru/auth/login')).toBeNull();
    expect(await detect(null, 'https://school.r-19.ru/logout')).toBeNull();
  });
});
