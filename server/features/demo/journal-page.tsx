/** @jsxImportSource hono/jsx */
/** @jsxRuntime automatic */
import { Hono } from 'hono';
import type { Db } from '../../platform/database/database.ts';
import { firstTeacher } from '../roster/store.ts';

/**
 * A plausible teacher page of an electronic journal, so the extension can be
 * tried and tested without a real journal. The extension's demo adapter reads
 * the teacher from `.ej-user__name` and `.ej-user__school`, as the adapters for
 * real journals read theirs.
 */

const classes = ['5А', '6Б', '7А', '8В', '9Б'];
const students = [
  'Аммосов Айаал',
  'Борисова Вероника',
  'Винокуров Степан',
  'Григорьева Алина',
  'Дмитриев Кирилл',
  'Ефимова Дарья',
  'Жирков Тимур',
  'Захарова Полина',
  'Иванов Артём',
  'Карпова Милана',
  'Лукин Егор',
  'Михайлова Ксения',
  'Николаев Роман',
  'Осипова Варвара',
  'Прокопьев Глеб',
];
const lessonDates = ['03.11', '05.11', '10.11', '12.11', '17.11', '19.11', '24.11', '26.11'];

/** Marks that look real but are the same on every load (so screenshots and layout tests compare). */
function mark(row: number, column: number): string {
  const value = (row * 7 + column * 13 + row * column) % 11;
  return ['5', '4', '', '5', '3', '4', 'н', '', '4', '5', ''][value]!;
}

const styles = `
  * { box-sizing: border-box; }
  body { margin: 0; font: 14px/1.4 Arial, Helvetica, sans-serif; color: #1d2733; background: #eef2f6; }
  .ej-header { display: flex; align-items: center; gap: 24px; padding: 8px 24px; min-height: 56px; background: #1f5fa8; color: #fff; }
  .ej-header__brand { font-weight: bold; font-size: 16px; }
  .ej-nav { display: flex; gap: 16px; flex: 1; }
  .ej-nav a { color: #dce8f7; text-decoration: none; }
  .ej-nav a.active { color: #fff; border-bottom: 2px solid #fff; padding-bottom: 4px; }
  .ej-user { text-align: right; line-height: 1.25; max-width: 420px; }
  .ej-user__name { font-weight: bold; }
  .ej-user__school, .ej-user__role { font-size: 12px; color: #dce8f7; }
  .ej-main { display: grid; grid-template-columns: 180px 1fr; gap: 16px; padding: 16px 24px; }
  .ej-classes { background: #fff; border-radius: 6px; padding: 8px 0; margin: 0; list-style: none; align-self: start; }
  .ej-classes li { padding: 6px 16px; }
  .ej-classes li.active { background: #e3edf9; font-weight: bold; }
  .ej-card { background: #fff; border-radius: 6px; padding: 16px; overflow-x: auto; }
  .ej-card h1 { font-size: 18px; margin: 0 0 12px; }
  table.ej-grid { border-collapse: collapse; width: 100%; }
  .ej-grid th, .ej-grid td { border: 1px solid #d5dde6; padding: 4px 8px; text-align: center; min-width: 44px; }
  .ej-grid td:first-child, .ej-grid th:first-child { text-align: left; white-space: nowrap; }
  .ej-grid tbody tr:nth-child(even) { background: #f7f9fb; }
`;

/** The journal's sign-in page: same host, but not a teacher page, so the extension must stay out. */
function loginPage() {
  return (
    '<!doctype html>' +
    (
      <html lang="ru">
        <head>
          <meta charset="utf-8" />
          <title>Электронный журнал — вход</title>
          <style>{styles}</style>
        </head>
        <body>
          <header class="ej-header">
            <div class="ej-header__brand">Электронный журнал</div>
          </header>
          <main class="ej-main">
            <form class="ej-card" method="get" action="/demo/journal">
              <h1>Вход в электронный журнал</h1>
              <p>
                <label>
                  Логин <input name="login" autocomplete="username" />
                </label>
              </p>
              <p>
                <label>
                  Пароль <input name="password" type="password" autocomplete="current-password" />
                </label>
              </p>
              <button type="submit">Войти</button>
            </form>
          </main>
        </body>
      </html>
    )
  );
}

export function demoJournalPage(db: Db) {
  return new Hono()
    .get('/login', (c) => c.html(loginPage()))
    .get('/', (c) => {
      const teacher = firstTeacher(db);
      const name = teacher ? `${teacher.lastName} ${teacher.firstName} ${teacher.middleName}`.trim() : 'Иванова Мария Петровна';
      const school = teacher?.school ?? 'МБОУ «Средняя общеобразовательная школа № 1»';
      const subject = teacher?.subjects.split(';')[0]?.trim() || 'математика';
      return c.html(
        '<!doctype html>' +
        (
          <html lang="ru">
            <head>
              <meta charset="utf-8" />
              <title>Электронный журнал — {subject}, 7А</title>
              <meta name="viewport" content="width=device-width, initial-scale=1" />
              <style>{styles}</style>
            </head>
            <body>
              <header class="ej-header">
                <div class="ej-header__brand">Электронный журнал</div>
                <nav class="ej-nav">
                  {/* biome-ignore-start lint/a11y/useValidAnchor: a journal's menu, there for the look of the page; its links lead nowhere on purpose. */}
                  <a href="#">Расписание</a>
                  <a href="#" class="active">
                    Журнал
                  </a>
                  <a href="#">Домашние задания</a>
                  <a href="#">Отчёты</a>
                  {/* biome-ignore-end lint/a11y/useValidAnchor: the menu ends here. */}
                </nav>
                <div class="ej-user">
                  <div class="ej-user__name">{name}</div>
                  <div class="ej-user__school">{school}</div>
                  <div class="ej-user__role">Учитель</div>
                </div>
              </header>
              <main class="ej-main">
                <ul class="ej-classes" aria-label="Классы">
                  {classes.map((name) => (
                    <li class={name === '7А' ? 'active' : undefined}>{name}</li>
                  ))}
                </ul>
                <section class="ej-card">
                  <h1>Журнал: {subject}, 7А, II четверть</h1>
                  <table class="ej-grid">
                    <thead>
                      <tr>
                        <th>Обучающийся</th>
                        {lessonDates.map((date) => (
                          <th>{date}</th>
                        ))}
                      </tr>
                    </thead>
                    <tbody>
                      {students.map((student, row) => (
                        <tr>
                          <td>{student}</td>
                          {lessonDates.map((_, column) => (
                            <td>{mark(row, column)}</td>
                          ))}
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </section>
              </main>
            </body>
          </html>
        ),
      );
    });
}
