// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { detect } from '../testing/journal-pages.ts';

describe('Сетевой город. Образование', () => {
  const hosts = ['sgo.e-yakutia.ru', 'deti.obr03.ru', 'giseo.rkomi.ru', 'sgo.e-mordovia.ru', 'dnevnik-kchr.ru', 'sgo.mari-el.gov.ru', 'sgo.edu-ri.ru'];

  it.each(hosts)('detects a teacher page on %s and reads appContext as the journal fills it, to be confirmed', async (host) => {
    for (const path of ['/angular/school/classjournal/', '/app/school/journal/', '/app/school/journal/edit/']) {
      const found = await detect('sgo-teacher.html', `https://${host}${path}`);
      expect(found?.adapter.id).toBe('sgo');
      // «Фамилия И. О.», the school as organizationName, roles top-level in English.
      expect(found?.teacher).toEqual({ name: 'Егорова С. М.', school: 'МБОУ «СОШ № 3» г. Саранска', role: 'Teacher, Parent' });
      expect(found?.needsConfirmation).toBe(true);
    }
  });

  it('never takes the token `at` as a field', async () => {
    const found = await detect('sgo-teacher.html', 'https://sgo.e-yakutia.ru/angular/school/classjournal/');
    expect(JSON.stringify(found)).not.toContain('FAKE-TOKEN');
  });

  it('ignores the sign-in page, the role chooser and the student diary', async () => {
    expect(await detect('sgo-login.html', 'https://sgo.e-yakutia.ru/')).toBeNull();
    expect(await detect('sgo-login.html', 'https://sgo.e-yakutia.ru/about.html')).toBeNull();
    expect(await detect('sgo-teacher.html', 'https://sgo.e-mordovia.ru/app/simple/attention/choose-session-role')).toBeNull();
    expect(await detect('sgo-student.html', 'https://sgo.e-yakutia.ru/angular/school/studentdiary/')).toBeNull();
  });

  it('drops a page whose user is only a student or only a parent, whatever the path; staff and parent at once is a teacher', async () => {
    expect(await detect('sgo-student.html', 'https://sgo.e-yakutia.ru/angular/school/announcements/')).toBeNull();
    expect(await detect('sgo-parent.html', 'https://sgo.e-yakutia.ru/app/school/journal/')).toBeNull();
    expect((await detect('sgo-teacher.html', 'https://sgo.e-yakutia.ru/app/school/journal/'))?.teacher?.role).toBe('Teacher, Parent');
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
