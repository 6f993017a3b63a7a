/// <reference lib="dom" />
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importRoster } from '../../server/features/roster/import-roster.ts';
import { startTestServer, type TestServer } from '../helpers/test-server.ts';
import { type ExtensionBrowser, launchWithExtension, setServerUrl } from './chromium.ts';
import { type JournalHosts, type JournalRoute, page, startJournalHosts } from './journal-hosts.ts';
import { panelOf } from './panel-frame.ts';

/*
 * The journals as JOURNALS.md shows them, served at their real host names
 * (mapped to loopback over HTTPS, tests/browser/journal-hosts.ts) to the real
 * extension: the launcher comes, and the panel offers the teacher the journal
 * names. Сетевой город's «Егорова С. М.» connects to the roster's
 * «Егорова Сардана Михайловна».
 */

const SGO_TOKEN = 'FAKE-AT-7f3c9e21d0';
const BARS_COOKIE = 'FAKE-SESSION-5d1e';

const routes: JournalRoute[] = [
  // Сетевой город of Мордовия: the page, then its own XHR answers the user 1.5 s after the load.
  { host: 'sgo.e-mordovia.ru', path: /^\/app\//, answer: page('sgo-journal.html') },
  // A legacy page of the same journal that is no teacher page for the adapter (no launcher): the toolbar button's case.
  { host: 'sgo.e-mordovia.ru', path: '/asp/Reports/Reports.asp', answer: page('mesh-teacher.html') },
  {
    host: 'sgo.e-mordovia.ru',
    path: '/webapi/context',
    answer: {
      delayMs: 1500,
      body: JSON.stringify({
        user: { id: 1201, name: 'Егорова С. М.' },
        roles: ['Teacher', 'Parent'],
        organizationName: 'МБОУ «СОШ № 3» г. Саранска',
        organization: { id: 77, name: 'МБОУ «СОШ № 3» г. Саранска' },
      }),
    },
  },
  { host: 'schools.dnevnik.ru', path: '/journals/journalclassical.aspx', answer: page('dnevnik-journal.html') },
  { host: '17.dnevnik.ru', path: '/userfeed', answer: page('dnevnik-userfeed.html') },
  { host: 'gym1.eljur.ru', path: /^\/journal-app\//, answer: page('eljur-journal.html') },
  // БАРС: the landing page sets the session cookie (httpOnly: no script of the page or ours can read it).
  {
    host: 'school.r-19.ru',
    path: '/',
    answer: page('bars-landing.html', { 'set-cookie': `sessionid=${BARS_COOKIE}; Path=/; Secure; HttpOnly; SameSite=Lax` }),
  },
  {
    host: 'school.r-19.ru',
    path: '/api/ProfileService/GetPersonData',
    method: 'POST',
    answer: (request) =>
      String(request.headers.cookie).includes(`sessionid=${BARS_COOKIE}`)
        ? { body: JSON.stringify({ user_fullname: 'Кызласова Ольга Николаевна', auth_user_profile_id: 4242, user_desc: 'Учитель', children_persons: [] }) }
        : { status: 401, body: '{"success": false}' },
  },
  { host: 'school-edu.tatar.ru', path: /^\/teacher\//, answer: page('mesh-teacher.html') },
];

const launcherName = 'Профиль педагога';
const nameField = 'Ваши фамилия, имя и отчество';

describe('the journals at their real hosts', () => {
  let journals: JournalHosts;
  let server: TestServer;
  let browser: ExtensionBrowser;

  beforeAll(async () => {
    journals = await startJournalHosts(routes);
    server = await startTestServer();
    browser = await launchWithExtension(undefined, { args: journals.args });
    await setServerUrl(browser, server.url);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.dispose();
    await journals?.close();
  });

  /** Opens the journal page, waits for the launcher, opens the panel and returns the name it offers. */
  async function offeredName(url: string): Promise<{ tab: Page; name: string }> {
    const tab = await browser.context.newPage();
    await tab.goto(url);
    await tab.getByRole('button', { name: launcherName }).click({ timeout: 15_000 });
    const field = panelOf(tab).getByLabel(nameField);
    await field.waitFor();
    return { tab, name: await field.inputValue() };
  }

  it.each([
    ['Сетевой город (Мордовия), the user arriving by XHR after the load', 'https://sgo.e-mordovia.ru/app/school/journal/', 'Егорова С. М.'],
    ['Дневник.ру, a regional host’s feed with the page global', 'https://17.dnevnik.ru/userfeed', 'Монгуш Чечена Олеговна'],
    ['Дневник.ру, the teacher’s class journal (no global: she types it)', 'https://schools.dnevnik.ru/journals/journalclassical.aspx?group=1', ''],
    ['ЭлЖур, sentryData', 'https://gym1.eljur.ru/journal-app/view.journal/', 'Мамедова Эльвира Рустемовна'],
    ['БАРС, the landing page and GetPersonData', 'https://school.r-19.ru/', 'Кызласова Ольга Николаевна'],
    ['МЭШ of Татарстан (school-edu.tatar.ru): nothing to read', 'https://school-edu.tatar.ru/teacher/study-process/journal/grade/123', ''],
  ])('%s: the launcher comes and the panel offers the name', async (_, url, expected) => {
    const { tab, name } = await offeredName(url);
    expect(name).toBe(expected);
    await tab.close();
  });

  it('БАРС: the profile request goes to the journal’s own origin with its own cookie and no token header of ours', async () => {
    const sent = journals.requests.filter((request) => request.path === '/api/ProfileService/GetPersonData');
    expect(sent.length).toBeGreaterThan(0);
    for (const request of sent) {
      expect(request).toMatchObject({ host: 'school.r-19.ru', method: 'POST' });
      expect(Object.keys(request.headers).filter((header) => /^(at|authorization|x-.*token.*)$/i.test(header))).toEqual([]);
    }
  });

  it('Сетевой город: a client-side route from the role chooser to the journal brings the launcher', async () => {
    const tab = await browser.context.newPage();
    await tab.goto('https://sgo.e-mordovia.ru/app/simple/attention/choose-session-role');
    await tab.waitForTimeout(2500);
    expect(await tab.getByRole('button', { name: launcherName }).count()).toBe(0);
    await tab.getByRole('link', { name: 'Журнал' }).click();
    await tab.getByRole('button', { name: launcherName }).waitFor({ timeout: 15_000 });
    await tab.close();
  });

  it('the toolbar button opens the same panel on a page of the journal that shows no launcher', async () => {
    const tab = await browser.context.newPage();
    await tab.goto('https://sgo.e-mordovia.ru/asp/Reports/Reports.asp');
    await tab.waitForTimeout(1500);
    expect(await tab.getByRole('button', { name: launcherName }).count()).toBe(0);
    // What the worker's action.onClicked sends once the content script is in (background/open-from-toolbar.ts).
    await expect
      .poll(() =>
        browser.worker.evaluate(async () => {
          const [found] = await chrome.tabs.query({ url: 'https://sgo.e-mordovia.ru/asp/*' });
          return found?.id === undefined ? false : chrome.tabs.sendMessage(found.id, { type: 'openPanelFromToolbar' }).catch(() => false);
        }),
      )
      .toBe(true);
    await panelOf(tab).getByLabel(nameField).waitFor();
    await tab.close();
  });

  it('Сетевой город’s «Егорова С. М.» connects to the roster’s «Егорова Сардана Михайловна» and opens her profile on the next load', async () => {
    const demoTeacher = server.demo!.teachers[0]!;
    const municipality = (
      server.db.prepare('SELECT m.name AS m FROM schools s JOIN municipalities m ON m.id = s.municipality_id WHERE s.name = ?').get(demoTeacher.school) as {
        m: string;
      }
    ).m;
    const csv = [
      'last_name,first_name,middle_name,municipality,school,position,subjects,experience_years',
      `Егорова,Сардана,Михайловна,${municipality},"${demoTeacher.school.replace(/"/g, '""')}",Учитель,Математика,12`,
    ].join('\n');
    const [egorova] = importRoster(server.db, csv).created;

    const { tab } = await offeredName('https://sgo.e-mordovia.ru/app/school/journal/');
    const panel = panelOf(tab);
    await panel.getByRole('button', { name: 'Это я — продолжить' }).click();
    await expect.poll(() => panel.textContent()).toContain('В журнале вы вошли как: Егорова С. М.');
    await panel.getByLabel('Код подключения').fill(egorova!.code);
    await panel.getByLabel(/даю согласие на обработку/).check();
    await panel.getByRole('button', { name: 'Подключить профиль' }).click();
    await panel.getByRole('tab', { name: 'Мой профиль' }).waitFor();
    await tab.close();

    // The next load of the journal opens her profile at once.
    const again = await browser.context.newPage();
    await again.goto('https://sgo.e-mordovia.ru/app/school/journal/');
    await again.getByRole('button', { name: launcherName }).click({ timeout: 15_000 });
    await panelOf(again).getByRole('tab', { name: 'Мой профиль' }).waitFor();
    await again.close();

    // Neither the journal's token nor its cookie is kept by the extension or reaches the server.
    const stored = await browser.worker.evaluate(() => chrome.storage.local.get(null));
    expect(JSON.stringify(stored)).not.toMatch(new RegExp(`${SGO_TOKEN}|${BARS_COOKIE}`));
    const dump = JSON.stringify(server.db.prepare("SELECT group_concat(label, ' ') AS l FROM devices").get());
    expect(dump).not.toMatch(new RegExp(`${SGO_TOKEN}|${BARS_COOKIE}`));
  });
});

declare const chrome: {
  storage: { local: { get(keys: null): Promise<Record<string, unknown>> } };
  tabs: { query(filter: { url: string }): Promise<{ id?: number }[]>; sendMessage(tabId: number, message: object): Promise<unknown> };
};
