// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { detect } from '../testing/journal-pages.ts';

describe('Дневник.ру', () => {
  it('reads the user from the page global on /userfeed, to be confirmed', async () => {
    const found = await detect('dnevnik-userfeed-teacher.html', 'https://dnevnik.ru/userfeed');
    expect(found?.adapter.id).toBe('dnevnik');
    expect(found?.teacher).toEqual({ name: 'Дзгоева Залина Таймуразовна', school: 'МБОУ СОШ № 12 г. Владикавказа', role: '' });
    expect(found?.needsConfirmation).toBe(true);
    expect(JSON.stringify(found?.teacher)).not.toMatch(/1000001|2000002|3000003/); // ids never leave the page
  });

  it('detects the teacher’s journal pages on schools.dnevnik.ru, asking for the name when there is no global', async () => {
    for (const path of ['/journals/', '/journals/?school=1000&tab=groups&year=2026', '/journals/journalclassical.aspx', '/class.aspx', '/v2/schedules/view']) {
      const found = await detect('dnevnik-journal-teacher.html', `https://schools.dnevnik.ru${path}`);
      expect(found?.adapter.id, path).toBe('dnevnik');
      expect(found?.teacher).toBeNull();
      expect(found?.needsConfirmation).toBe(true);
    }
  });

  it('covers the regional hosts ({regionCode}.dnevnik.ru)', async () => {
    expect((await detect('dnevnik-userfeed-teacher.html', 'https://17.dnevnik.ru/userfeed'))?.adapter.id).toBe('dnevnik');
    expect(await detect('dnevnik-userfeed-teacher.html', 'https://dnevnik.ru.example.com/userfeed')).toBeNull();
  });

  it('ignores a parent account and the sign-in page', async () => {
    expect(await detect('dnevnik-userfeed-parent.html', 'https://dnevnik.ru/userfeed')).toBeNull();
    expect(await detect(null, 'https://dnevnik.ru/login')).toBeNull();
    expect(await detect(null, 'https://dnevnik.ru/')).toBeNull();
  });
});
