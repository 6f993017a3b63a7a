// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { detect } from '../testing/journal-pages.ts';

describe('the demo journal', () => {
  it('detects the teacher page and reads the teacher from the markup, confirmed', async () => {
    const found = await detect('demo-teacher.html', 'http://localhost:8787/demo/journal');
    expect(found?.adapter.id).toBe('demo');
    expect(found?.teacher).toEqual({ name: 'Соколова Анна Викторовна', school: 'МБОУ «СОШ № 2» г. Якутска', role: 'Учитель' });
    expect(found?.needsConfirmation).toBe(false);
    expect(found?.mount).toBe('floating');
  });

  it('ignores the sign-in page, and a teacher path without a signed-in user', async () => {
    expect(await detect('demo-login.html', 'http://localhost:8787/demo/journal/login')).toBeNull();
    expect(await detect('demo-login.html', 'http://localhost:8787/demo/journal')).toBeNull();
  });

  it('ignores the same markup on another host or path', async () => {
    expect(await detect('demo-teacher.html', 'http://example.org/demo/journal')).toBeNull();
    expect(await detect('demo-teacher.html', 'http://localhost:8787/admin')).toBeNull();
  });
});
