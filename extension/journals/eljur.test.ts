// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { detect } from '../testing/journal-pages.ts';

describe('ЭлЖур', () => {
  it('reads the signed-in user from sentryData on a journal page, to be confirmed', async () => {
    const found = await detect('eljur-journal.html', 'https://edu.rk.gov.ru/journal-app/view.journal/');
    expect(found?.adapter.id).toBe('eljur');
    expect(found?.teacher).toEqual({ name: 'Мамедова Эльвира Рустемовна', school: '', role: 'teacher' });
    expect(found?.needsConfirmation).toBe(true);
  });

  it('reads name, school and role from the profile form rows on /journal-user-preferences-action', async () => {
    const found = await detect('eljur-profile.html', 'https://gym1.eljur.ru/journal-user-preferences-action');
    expect(found?.adapter.id).toBe('eljur');
    expect(found?.teacher).toEqual({ name: 'Мамедова Эльвира Рустемовна', school: 'МБОУ «Школа № 3» г. Симферополя', role: 'Учитель' });
    expect(found?.needsConfirmation).toBe(true);
  });

  it('asks for the name it cannot read', async () => {
    const found = await detect(null, 'https://gym1.eljur.ru/journal-app/week.0');
    expect(found?.teacher).toBeNull();
    expect(found?.needsConfirmation).toBe(true);
  });

  it('ignores a pupil, the sign-in page and pages outside the journal and the profile', async () => {
    expect(await detect('eljur-student.html', 'https://gym1.eljur.ru/journal-app/')).toBeNull();
    expect(await detect('eljur-journal.html', 'https://gym1.eljur.ru/authorize')).toBeNull();
    expect(await detect('eljur-journal.html', 'https://gym1.eljur.ru/journal-messages')).toBeNull();
    expect(await detect('eljur-journal.html', 'https://eljur.ru.example.com/journal-app/')).toBeNull();
  });
});
