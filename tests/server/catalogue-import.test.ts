import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CatalogueFileError, importCatalogue, previewCatalogue } from '../../server/features/catalogue/import-programs.ts';
import { seedDemo } from '../../server/features/demo/seed.ts';
import { type Db, openDatabase } from '../../server/platform/database/database.ts';
import { getProgram } from '../../server/features/catalogue/program-store.ts';
import { ensureMunicipality } from '../../server/features/roster/store.ts';
import { runCli } from '../helpers/cli.ts';
import { tempDataDir, useTempDataDirs } from '../helpers/test-server.ts';

const header = 'program_id,title,provider,hours,format,competencies,municipality,registry_url,run_id,start,end,seats';

/** Two programmes, three runs, comma-separated, ids for formats and competencies. */
const commaFile = [
  header,
  'fg-reading,Читательская грамотность на уроках,"ГАУ ДПО «Институт развития образования»",36,ochnoZaochno,"methodical,subject",,https://dppo.example.ru/programs/1,fg-reading-1,2027-01-10,2027-01-25,30',
  'fg-reading,Читательская грамотность на уроках,"ГАУ ДПО «Институт развития образования»",36,ochnoZaochno,"methodical,subject",,https://dppo.example.ru/programs/1,fg-reading-2,2027-03-10,2027-03-25,30',
  'ai-basics,Искусственный интеллект для учителя,ЦНППМ,16,distance,digital,Городской округ Белоозёрск,,ai-basics-1,2027-02-01,2027-02-10,100',
].join('\n');

/** The same catalogue as Excel saves it in a Russian locale: BOM, `;`, CRLF, Russian names, DD.MM.YYYY. */
const semicolonFile =
  '\uFEFF' +
  [
    header.replaceAll(',', ';'),
    'fg-reading;Читательская грамотность на уроках;ГАУ ДПО «Институт развития образования»;36;очно-заочно;Методическая, предметная;;https://dppo.example.ru/programs/1;fg-reading-1;10.01.2027;25.01.2027;30',
    'fg-reading;Читательская грамотность на уроках;ГАУ ДПО «Институт развития образования»;36;Очно-заочно;методическая|предметная;;https://dppo.example.ru/programs/1;fg-reading-2;10.03.2027;25.03.2027;30',
    'ai-basics;Искусственный интеллект для учителя;ЦНППМ;16;дистанционно;цифровая;городской округ белоозёрск;;ai-basics-1;01.02.2027;10.02.2027;100',
  ].join('\r\n') +
  '\r\n';

describe('the catalogue import', () => {
  const dirs: string[] = [];
  let db: Db;
  beforeEach(() => {
    const dir = tempDataDir();
    dirs.push(dir);
    db = openDatabase(dir);
    ensureMunicipality(db, 'Городской округ Белоозёрск');
  });
  afterEach(() => {
    db.close();
    dirs.splice(0).forEach((dir) => fs.rmSync(dir, { recursive: true, force: true }));
  });

  const counts = () => ({
    programs: (db.prepare('SELECT count(*) AS n FROM programs').get() as { n: number }).n,
    runs: (db.prepare('SELECT count(*) AS n FROM program_runs').get() as { n: number }).n,
  });

  it('reads both delimiters, a BOM, Russian names and dates to the same catalogue', () => {
    const comma = previewCatalogue(db, commaFile);
    const semicolon = previewCatalogue(db, Buffer.from(semicolonFile, 'utf8'));
    expect(comma.delimiter).toBe(',');
    expect(semicolon.delimiter).toBe(';');
    expect(comma.invalid).toEqual([]);
    expect(semicolon.invalid).toEqual([]);
    expect(semicolon.programs).toEqual(comma.programs);
    expect(comma.programs).toHaveLength(2);
    expect(comma.programs[0]).toMatchObject({
      id: 'fg-reading',
      format: 'ochnoZaochno',
      competencies: ['methodical', 'subject'],
      municipality: null,
      registryUrl: 'https://dppo.example.ru/programs/1',
      runs: [
        { id: 'fg-reading-1', start: '2027-01-10', end: '2027-01-25', seats: 30 },
        { id: 'fg-reading-2', start: '2027-03-10', end: '2027-03-25', seats: 30 },
      ],
    });
    expect(comma.programs[1]).toMatchObject({ municipality: 'Городской округ Белоозёрск', registryUrl: null });
    expect(counts()).toEqual({ programs: 0, runs: 0 });
  });

  it('takes Russian column names as the roster does, and lists every mistake of a row, naming columns as the file does', () => {
    const russianHeader = 'Код программы;Название;Организация;Часов;Формат;Компетенции;Муниципалитет;Запись в реестре ДПП;Код потока;Начало;Окончание;Мест';
    const russian = semicolonFile.replace(header.replaceAll(',', ';'), russianHeader);
    const preview = previewCatalogue(db, russian);
    expect(preview.invalid).toEqual([]);
    expect(preview.programs.map((program) => [program.id, program.runs.length])).toEqual([
      ['fg-reading', 2],
      ['ai-basics', 1],
    ]);
    const broken = `${russianHeader}\nai-2;ИИ;ЦНППМ;-3;по почте;летательная;;;ai-2-1;31.02.2027;10.02.2027;много`;
    expect(previewCatalogue(db, broken).invalid).toEqual([
      {
        line: 2,
        reason: [
          'столбец «Название»: не короче 3 символов',
          'столбец «Часов»: нужно целое число',
          'столбец «Формат»: «по почте» — не формат; допустимо очно, очно-заочно, дистанционно',
          'столбец «Компетенции»: «летательная» — не компетенция; допустимо предметная, методическая, психолого-педагогическая, коммуникативная, цифровая',
          'столбец «Начало»: нужна дата ГГГГ-ММ-ДД или ДД.ММ.ГГГГ',
          'столбец «Мест»: нужно целое число',
        ].join('; '),
      },
    ]);
  });

  it('imports, and a re-import updates without duplicating', () => {
    expect(importCatalogue(db, commaFile)).toMatchObject({ imported: true, created: 2, updated: 0, runs: 3 });
    expect(counts()).toEqual({ programs: 2, runs: 3 });
    const changed = commaFile.replace('ai-basics-1,2027-02-01,2027-02-10,100', 'ai-basics-1,2027-02-01,2027-02-10,120');
    expect(importCatalogue(db, Buffer.from(semicolonFile))).toMatchObject({ imported: true, created: 0, updated: 2 });
    expect(importCatalogue(db, changed)).toMatchObject({ imported: true, created: 0, updated: 2 });
    expect(counts()).toEqual({ programs: 2, runs: 3 });
    expect(getProgram(db, 'ai-basics')!.runs[0]!.seats).toBe(120);
    expect(db.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'catalogue.import' AND actor = 'cli'").get()).toEqual({ n: 3 });
  });

  it('saves nothing when a row is broken, names every broken row by line, and imports the rest with skipInvalid', () => {
    const broken = [
      commaFile,
      'bad-hours,Программа с ошибкой,ИРО,много,distance,digital,,,bad-hours-1,2027-01-10,2027-01-20,10',
      'bad-format,Программа с ошибкой,ИРО,16,онлайн,digital,,,bad-format-1,2027-01-10,2027-01-20,10',
      'bad-comp,Программа с ошибкой,ИРО,16,distance,танцевальная,,,bad-comp-1,2027-01-10,2027-01-20,10',
      'bad-date,Программа с ошибкой,ИРО,16,distance,digital,,,bad-date-1,31.02.2027,2027-03-20,10',
      'bad-order,Программа с ошибкой,ИРО,16,distance,digital,,,bad-order-1,2027-03-10,2027-01-20,10',
      'bad-place,Программа с ошибкой,ИРО,16,distance,digital,Атлантида,,bad-place-1,2027-01-10,2027-01-20,10',
      'Bad Id,Программа с ошибкой,ИРО,16,distance,digital,,,bad-id-1,2027-01-10,2027-01-20,10',
      'ai-basics,Другое название,ЦНППМ,16,distance,digital,Городской округ Белоозёрск,,ai-basics-2,2027-04-01,2027-04-10,100',
      'fg-reading,Читательская грамотность на уроках,"ГАУ ДПО «Институт развития образования»",36,ochnoZaochno,"methodical,subject",,https://dppo.example.ru/programs/1,ai-basics-1,2027-01-10,2027-01-25,30',
      'short,row',
    ].join('\n');
    const result = importCatalogue(db, broken);
    expect(result.imported).toBe(false);
    expect(counts()).toEqual({ programs: 0, runs: 0 });
    expect(result.invalid.map((row) => row.line)).toEqual([5, 6, 7, 8, 9, 10, 11, 12, 13, 14]);
    const reasons = result.invalid.map((row) => row.reason);
    expect(reasons[0]).toMatch(/hours.*целое число/);
    expect(reasons[1]).toMatch(/«онлайн» — не формат/);
    expect(reasons[2]).toMatch(/«танцевальная» — не компетенция/);
    expect(reasons[3]).toMatch(/start.*дата/);
    expect(reasons[4]).toMatch(/end.*раньше/);
    expect(reasons[5]).toMatch(/Атлантида/);
    expect(reasons[6]).toMatch(/program_id/);
    expect(reasons[7]).toMatch(/расходятся со строкой 4 \(столбец «title»\)/);
    expect(reasons[8]).toMatch(/поток «ai-basics-1» уже встречался в строке 4/);
    expect(reasons[9]).toMatch(/в строке 2 столбцов, а в заголовке 12/);
    for (const reason of reasons) expect(reason).toMatch(/[а-яё]/i);

    expect(importCatalogue(db, broken, { skipInvalid: true })).toMatchObject({ imported: true, created: 2, runs: 3 });
    expect(counts()).toEqual({ programs: 2, runs: 3 });
  });

  it('refuses a run id that belongs to another programme already stored', () => {
    importCatalogue(db, commaFile);
    const moved = `${header}\nother,Другая программа,ИРО,16,distance,digital,,,ai-basics-1,2027-01-10,2027-01-20,10`;
    expect(importCatalogue(db, moved).invalid).toEqual([{ line: 2, reason: expect.stringMatching(/уже принадлежит программе «ai-basics»/) }]);
  });

  it('stops with one sentence on a file it cannot read', () => {
    const cases: [string | Uint8Array, RegExp][] = [
      ['', /пуст/],
      [header, /нет ни одной строки/],
      ['program_id,title\nx,y', /нет обязательных столбцов: Организация \(provider\), Часов \(hours\)/],
      [Buffer.from([0x70, 0x72, 0xcf, 0xf0, 0xee, 0xe3]), /UTF-8/], // windows-1251
      [`${header}\n"unclosed,quote`, /кавычки/],
    ];
    for (const [input, message] of cases) {
      expect(() => previewCatalogue(db, input)).toThrow(CatalogueFileError);
      expect(() => previewCatalogue(db, input)).toThrow(message);
    }
  });

  it('keeps the demo catalogue valid through the same schemas', async () => {
    await seedDemo(db);
    const count = (db.prepare('SELECT count(*) AS n FROM programs').get() as { n: number }).n;
    expect(count).toBeGreaterThanOrEqual(12);
    const competencies = new Set(
      (db.prepare('SELECT competencies_json AS c FROM programs').all() as { c: string }[]).flatMap((row) => JSON.parse(row.c) as string[]),
    );
    expect(competencies.size).toBe(5);
  });
});

describe('profrost programs import', () => {
  const freshDir = useTempDataDirs();

  it('imports a file as a real process, re-imports without duplicates, and refuses a broken file with one sentence', async () => {
    const dataDir = freshDir();
    const env = { PROFROST_DATA_DIR: dataDir };
    const republicWide = commaFile.replace('Городской округ Белоозёрск', '');
    const good = path.join(dataDir, 'каталог.csv');
    fs.writeFileSync(good, republicWide);

    const first = runCli(['programs', 'import', good], env);
    expect(await first.exited).toBe(0);
    expect(first.output()).toMatch(/Каталог загружен: новых программ 2, обновлено 0, потоков 3\./);

    const again = runCli(['programs', 'import', good], env);
    expect(await again.exited).toBe(0);
    expect(again.output()).toMatch(/новых программ 0, обновлено 2/);

    const bad = path.join(dataDir, 'ошибка.csv');
    fs.writeFileSync(bad, `${republicWide}\nbroken,Сломанная строка,ИРО,16,онлайн,digital,,,broken-1,2027-01-10,2027-01-20,10\n`);
    const refused = runCli(['programs', 'import', bad], env);
    expect(await refused.exited).toBe(1);
    expect(refused.output()).toMatch(/строка 5: .*онлайн/);
    expect(refused.output()).toMatch(/Каталог не загружен: строк с ошибками — 1/);
    expect(refused.output()).not.toMatch(/at .*\.ts/); // no stack trace

    const skipped = runCli(['programs', 'import', bad, '--skip-invalid'], env);
    expect(await skipped.exited).toBe(0);
    expect(skipped.output()).toMatch(/пропущено строк с ошибками: 1/);

    const missing = runCli(['programs', 'import', path.join(dataDir, 'нет.csv')], env);
    expect(await missing.exited).toBe(1);
    expect(missing.output().trim().split('\n')).toHaveLength(1);
    const usage = runCli(['programs'], env);
    expect(await usage.exited).toBe(1);
    expect(usage.output()).toMatch(/profrost programs import ФАЙЛ\.csv/);

    const db = openDatabase(dataDir);
    try {
      expect(db.prepare('SELECT count(*) AS n FROM programs').get()).toEqual({ n: 2 });
      expect(db.prepare('SELECT count(*) AS n FROM program_runs').get()).toEqual({ n: 3 });
    } finally {
      db.close();
    }

    const help = runCli(['help'], env);
    await help.exited;
    expect(help.output()).toMatch(/programs import/);
  });
});
