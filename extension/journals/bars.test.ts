// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { detect } from '../testing/journal-pages.ts';

describe('БАРС «Электронная школа»', () => {
  it('detects pages of school.r-19.ru but reads nothing: the markup is unknown', async () => {
    const found = await detect('bars-teacher.html', 'https://school.r-19.ru/journal');
    expect(found?.adapter.id).toBe('bars');
    expect(found?.teacher).toBeNull();
    expect(found?.needsConfirmation).toBe(true);
    expect(found?.mount).toBe('floating');
  });

  it('ignores the start and sign-in pages', async () => {
    expect(await detect(null, 'https://school.r-19.ru/')).toBeNull();
    expect(await detect(null, 'https://school.r-19.ru/auth/login')).toBeNull();
  });
});
