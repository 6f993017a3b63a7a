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

describe('МЭШ and its regional copies', () => {
  const hosts = ['school.mos.ru', 'ms-edu.tatar.ru', 'dnevnik.edurb.ru', 'karelia.minedu.ru', 'myschool.05edu.ru'];

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

describe('Дневник.ру', () => {
  it('reads the user from the page global on /userfeed, to be confirmed', async () => {
    const found = await detect('dnevnik-userfeed-teacher.html', 'https://dnevnik.ru/userfeed');
    expect(found?.adapter.id).toBe('dnevnik');
    expect(found?.teacher).toEqual({ name: 'Дзгоева Залина Таймуразовна', school: 'МБОУ СОШ № 12 г. Владикавказа', role: '' });
    expect(found?.needsConfirmation).toBe(true);
    expect(JSON.stringify(found?.teacher)).not.toMatch(/1000001|2000002|3000003/); // ids never leave the page
  });

  it('detects schools.dnevnik.ru/v2 pages even without the global, asking for the name', async () => {
    const found = await detect(null, 'https://schools.dnevnik.ru/v2/journals/');
    expect(found?.adapter.id).toBe('dnevnik');
    expect(found?.teacher).toBeNull();
    expect(found?.needsConfirmation).toBe(true);
  });

  it('ignores a parent account and the sign-in page', async () => {
    expect(await detect('dnevnik-userfeed-parent.html', 'https://dnevnik.ru/userfeed')).toBeNull();
    expect(await detect(null, 'https://dnevnik.ru/login')).toBeNull();
    expect(await detect(null, 'https://dnevnik.ru/')).toBeNull();
  });
});

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
