// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { detect } from '../testing/journal-pages.ts';

describe('Сетевой город. Образование', () => {
  const hosts = ['sgo.e-yakutia.ru', 'deti.obr03.ru', 'giseo.rkomi.ru'];

  it.each(hosts)('detects a teacher page of the SPA on %s and reads appContext, to be confirmed', async (host) => {
    for (const path of ['/angular/school/classjournal/', '/app/school/journal/']) {
      const found = await detect('sgo-teacher.html', `https://${host}${path}`);
      expect(found?.adapter.id).toBe('sgo');
      expect(found?.teacher).toEqual({
        name: 'Иванова Сардана Петровна',
        school: 'МОБУ «СОШ № 5» г. Якутска',
        role: 'Учитель, Классный руководитель',
      });
      expect(found?.needsConfirmation).toBe(true);
    }
  });

  it('never takes the token `at` as a field', async () => {
    const found = await detect('sgo-teacher.html', 'https://sgo.e-yakutia.ru/angular/school/classjournal/');
    expect(JSON.stringify(found)).not.toContain('FAKE-TOKEN');
  });

  it('ignores the sign-in page and the student diary', async () => {
    expect(await detect('sgo-login.html', 'https://sgo.e-yakutia.ru/')).toBeNull();
    expect(await detect('sgo-login.html', 'https://sgo.e-yakutia.ru/about.html')).toBeNull();
    expect(await detect('sgo-student.html', 'https://sgo.e-yakutia.ru/angular/school/studentdiary/')).toBeNull();
  });

  it('drops a page whose user the journal calls a student, whatever the path', async () => {
    expect(await detect('sgo-student.html', 'https://sgo.e-yakutia.ru/angular/school/announcements/')).toBeNull();
  });

  it('floats the launcher and asks the teacher when appContext is missing', async () => {
    const found = await detect('sgo-login.html', 'https://deti.obr03.ru/angular/school/classjournal/');
    expect(found?.teacher).toBeNull();
    expect(found?.needsConfirmation).toBe(true);
    expect(found?.mount).toBe('floating');
  });

  it('is not detected on a host that is not listed', async () => {
    expect(await detect('sgo-teacher.html', 'https://sgo.example.ru/angular/school/classjournal/')).toBeNull();
  });
});
