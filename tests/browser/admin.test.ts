import fs from 'node:fs';
import { parse } from 'csv-parse/sync';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoResults } from '../../server/features/demo/results.ts';
import { previousPeriod, currentPeriod } from '../../server/features/aggregates/period.ts';
import { type TestServer, startTestServer } from '../helpers/test-server.ts';
import { type PlainBrowser, launchPlain } from './chromium.ts';

const belo = 'Городской округ Белоозёрск';
const catalogueHeader = 'program_id,title,provider,hours,format,competencies,municipality,registry_url,run_id,start,end,seats';

describe('the admin pages in Chromium', () => {
  let server: TestServer;
  let browser: PlainBrowser;

  beforeAll(async () => {
    server = await startTestServer();
    // What `npm start` adds to the demo for the report pages: diagnostics in two years, a completed programme.
    seedDemoResults(server.db);
    browser = await launchPlain();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.dispose();
  });

  async function signIn(page: Page, login: string, password: string) {
    await page.getByLabel('Логин').fill(login);
    await page.getByLabel('Пароль').fill(password);
    await page.getByRole('button', { name: 'Войти' }).click();
  }

  /** A fresh page of a fresh browser context, signed in. */
  async function signedIn(login: string, password: string): Promise<Page> {
    const context = await browser.context.browser()!.newContext({ acceptDownloads: true });
    const page = await context.newPage();
    await page.goto(`${server.url}/admin/login`);
    await signIn(page, login, password);
    await page.waitForURL(`${server.url}/admin/overview`);
    return page;
  }

  it('signs in after a wrong password, lands on Педагоги, and signs out', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${server.url}/admin/programs`);
    await expect.poll(() => page.url()).toContain('/admin/login?next=');
    await signIn(page, 'metodist', 'неверный-пароль');
    await expect.poll(() => page.getByRole('alert').or(page.locator('.field-error')).first().textContent()).toContain('Неверный логин или пароль.');

    await signIn(page, 'metodist', server.demo!.methodist.password);
    await page.waitForURL(`${server.url}/admin/programs`);
    const nav = page.getByRole('navigation', { name: 'Разделы' });
    await nav.getByRole('link', { name: 'Педагоги', exact: true }).click();
    await page.waitForURL(`${server.url}/admin/teachers`);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Педагоги');
    for (const name of ['Обзор', 'Педагоги', 'Программы ДПО', 'Спрос', 'Эффективность', 'Реестр педагогов', 'Диагностики', 'Журнал действий']) {
      await expect.poll(() => nav.getByRole('link', { name, exact: true }).count()).toBe(1);
    }
    expect(await page.locator('table.teachers').textContent()).toContain('Соколова Анна Викторовна');
    expect(await page.locator('table.teachers').textContent()).not.toContain('Павлова');

    await page.getByRole('button', { name: 'Выйти' }).click();
    await page.waitForURL(`${server.url}/admin/login?out=1`);
    expect(await page.getByRole('status').textContent()).toContain('Вы вышли из ПрофРоста.');
    await page.goto(`${server.url}/admin/teachers`);
    await expect.poll(() => page.url()).toContain('/admin/login');
    await page.close();
  });

  it('lands a methodist on Обзор: their municipality, charts with numbers on hover and beside them, another year by the form', async () => {
    const page = await signedIn('metodist', server.demo!.methodist.password);
    expect(await page.getByRole('heading', { level: 2 }).first().textContent()).toBe(`Обзор: ${belo}, ${currentPeriod()} учебный год`);
    const heatmap = page.locator('svg.heatmap');
    await expect.poll(() => heatmap.isVisible()).toBe(true);
    // Hover text: every cell carries its numbers in an SVG <title>.
    expect(await heatmap.locator('title').nth(1).textContent()).toMatch(/с дефицитом .*средний балл/);
    expect(await page.locator('table').first().textContent()).toContain('Педагогов с результатом');
    expect(await page.content()).not.toContain('Заречный муниципальный район');

    await page.getByLabel('Учебный год').selectOption(previousPeriod(currentPeriod()));
    await page.getByRole('button', { name: 'Показать', exact: true }).click();
    await expect.poll(() => page.url()).toContain(`period=${previousPeriod(currentPeriod())}`);
    expect(await page.getByRole('heading', { level: 2 }).first().textContent()).toContain(previousPeriod(currentPeriod()));
    await page.context().close();
  });

  it('previews a catalogue file with a broken row, saves nothing, then imports the fixed file', async () => {
    const page = await signedIn('admin', server.demo!.admin.password);
    const broken = [
      catalogueHeader,
      `eco-lab,Цифровая лаборатория на уроках биологии,ГАУ ДПО ИРО,36,очно,"предметная, цифровая",${belo},,eco-lab-1,2027-03-01,2027-03-12,20`,
      `eco-lab,Цифровая лаборатория на уроках биологии,ГАУ ДПО ИРО,36,очно,"предметная, цифровая",${belo},,eco-lab-2,2027-04-31,2027-05-12,20`,
    ].join('\n');
    await page.getByRole('navigation', { name: 'Разделы' }).getByRole('link', { name: 'Программы ДПО' }).click();
    await page.getByRole('link', { name: 'Загрузить из CSV' }).click();
    await page.getByLabel('Файл CSV').setInputFiles({ name: 'каталог.csv', mimeType: 'text/csv', buffer: Buffer.from(broken) });
    await page.getByRole('button', { name: 'Проверить файл' }).click();

    const invalid = page.locator('table.invalid-rows tbody tr');
    await expect.poll(() => invalid.count()).toBe(1);
    expect(await invalid.first().textContent()).toMatch(/^3.*столбец «start»: нужна дата ГГГГ-ММ-ДД или ДД\.ММ\.ГГГГ/);
    expect(await page.getByText('Строк в файле: 2; без ошибок: 1; с ошибками: 1.').count()).toBe(1);
    expect(server.db.prepare("SELECT count(*) AS n FROM programs WHERE id = 'eco-lab'").get()).toEqual({ n: 0 });

    await page.getByRole('link', { name: 'Загрузить другой файл' }).click();
    await page
      .getByLabel('Файл CSV')
      .setInputFiles({ name: 'каталог.csv', mimeType: 'text/csv', buffer: Buffer.from(broken.replace('2027-04-31', '2027-04-30')) });
    await page.getByRole('button', { name: 'Проверить файл' }).click();
    await page.getByText('Ошибок нет.').waitFor();
    await page.getByRole('button', { name: 'Загрузить', exact: true }).click();
    await page.waitForURL(`${server.url}/admin/programs`);
    expect(await page.getByRole('status').textContent()).toBe('Каталог загружен: новых программ 1, обновлено 0, потоков 2.');
    expect(await page.locator('table.programs').textContent()).toContain('Цифровая лаборатория на уроках биологии');
    expect(server.db.prepare("SELECT count(*) AS n FROM program_runs WHERE program_id = 'eco-lab'").get()).toEqual({ n: 2 });
    await page.context().close();
  });

  it('imports a roster and downloads the new teachers’ connection codes as CSV', async () => {
    const page = await signedIn('metodist', server.demo!.methodist.password);
    const roster = [
      'Фамилия;Имя;Отчество;Муниципалитет;Школа;Должность;Предметы;Стаж',
      `Семёнова;Дарья;Олеговна;${belo};МБОУ «Гимназия № 3» г. Белоозёрска;учитель;математика;3`,
      `Ефремов;Игорь;;${belo};МБОУ «Гимназия № 3» г. Белоозёрска;учитель;физкультура;11`,
    ].join('\n');
    await page.getByRole('navigation', { name: 'Разделы' }).getByRole('link', { name: 'Реестр педагогов' }).click();
    await page.getByLabel('Файл CSV').setInputFiles({ name: 'педагоги.csv', mimeType: 'text/csv', buffer: Buffer.from(roster) });
    await page.getByRole('button', { name: 'Проверить файл' }).click();
    await page.getByText('Новых педагогов: 2').waitFor();
    expect(server.db.prepare("SELECT count(*) AS n FROM teachers WHERE last_name IN ('Семёнова', 'Ефремов')").get()).toEqual({ n: 0 });
    await page.getByRole('button', { name: 'Загрузить', exact: true }).click();

    await page.getByRole('heading', { name: 'Коды подключения' }).waitFor();
    expect(await page.getByRole('status').textContent()).toBe('Загружено новых педагогов: 2; уже были: 0.');
    const shown = await page.locator('table.codes code').allTextContents();
    expect(shown).toHaveLength(2);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Скачать коды (CSV)' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^profrost-codes-\d{4}-\d{2}-\d{2}\.csv$/);
    const content = fs.readFileSync((await download.path())!, 'utf8');
    expect(content.startsWith('\uFEFF')).toBe(true);
    const rows = parse(content.slice(1), { delimiter: ';' }) as string[][];
    expect(rows[0]).toEqual(['Фамилия', 'Имя', 'Отчество', 'Школа', 'Код', 'Действует до']);
    expect(rows.slice(1).map((row) => row.slice(0, 4))).toEqual([
      ['Семёнова', 'Дарья', 'Олеговна', 'МБОУ «Гимназия № 3» г. Белоозёрска'],
      ['Ефремов', 'Игорь', '', 'МБОУ «Гимназия № 3» г. Белоозёрска'],
    ]);
    expect(rows.slice(1).map((row) => row[4])).toEqual(shown);
    for (const row of rows.slice(1)) expect(row[5]).toMatch(/^\d{2}\.\d{2}\.\d{4}$/);

    // The downloaded code is a real one: it connects the teacher's extension.
    const connected = await fetch(`${server.url}/api/v1/connect`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code: rows[1]![4], device: 'ноутбук' }),
    });
    expect(connected.status).toBe(201);
    await page.context().close();
  });

  it("refuses a methodist another municipality's teacher", async () => {
    const page = await signedIn('metodist', server.demo!.methodist.password);
    const foreign = server.demo!.teachers.find((teacher) => teacher.name.startsWith('Павлова'))!;
    const response = await page.goto(`${server.url}/admin/teachers/${foreign.id}`);
    expect(response!.status()).toBe(403);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Доступ запрещён');
    expect(await page.getByRole('alert').textContent()).toContain('относится к другому муниципалитету');
    expect(await page.content()).not.toContain('Павлова');
    await page.context().close();
  });
});
