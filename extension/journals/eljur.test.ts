// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { detect } from '../testing/journal-pages.ts';

describe('ЭлЖур', () => {
  it('reads name, school and role from the profile form rows, to be confirmed', async () => {
    const found = await detect('eljur-profile.html', 'https://gym1.eljur.ru/journal-app/u.1234/profile');
    expect(found?.adapter.id).toBe('eljur');
    expect(found?.teacher).toEqual({ name: 'Мамедова Эльвира Рустемовна', school: 'МБОУ «Школа № 3» г. Симферополя', role: 'Учитель' });
    expect(found?.needsConfirmation).toBe(true);
  });

  it('detects the journal page on the Crimean brand and asks for the name it cannot read', async () => {
    const found = await detect('eljur-journal.html', 'https://edu.rk.gov.ru/journal-app/view.journal/');
    expect(found?.adapter.id).toBe('eljur');
    expect(found?.teacher).toBeNull();
    expect(found?.needsConfirmation).toBe(true);
  });

  it('ignores the sign-in page and pages outside /journal-app', async () => {
    expect(await detect('eljur-journal.html', 'https://gym1.eljur.ru/authorize')).toBeNull();
    expect(await detect('eljur-journal.html', 'https://gym1.eljur.ru/journal-messages')).toBeNull();
    expect(await detect('eljur-journal.html', 'https://eljur.ru.example.com/journal-app/')).toBeNull();
  });
});
