// @vitest-environment happy-dom
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { messages } from '../../../extension/messages.ts';
import { type Harness, workerHarness } from '../worker-harness.ts';
import { instrumentById } from '../../../shared/content/index.ts';
import { allLikert } from '../../../shared/testing/fixtures.ts';
import { byLabel, byText, click, press, query, type Rendered, renderPanel, type, waitFor } from './render.tsx';

describe('the panel', () => {
  let h: Harness;
  let view: Rendered | undefined;
  beforeEach(async () => {
    h = await workerHarness();
  });
  afterEach(() => {
    view?.unmount();
    h.dispose();
  });

  const teacherOf = (i: number) => ({ name: h.t.demo.teachers[i]!.name, school: h.t.demo.teachers[i]!.school, role: 'Учитель' });

  async function connectThroughForm(i: number, v: Rendered, pin?: string) {
    await waitFor(() => byLabel(v.root, 'Код подключения'));
    await type(byLabel(v.root, 'Код подключения'), h.t.demo.teachers[i]!.code);
    if (pin) await type(byLabel(v.root, 'PIN-код профиля'), pin);
    await click(byLabel(v.root, /даю согласие/));
    await click(byText(v.root, 'button', 'Подключить профиль'));
    await waitFor(() => expect(v.root.querySelector('[role="tablist"]')).not.toBeNull());
  }

  /** Connects the first teacher and starts the instrument whose title begins so: the panel, and how many questions the instrument has. */
  async function startDiagnostic(title: string): Promise<[Rendered, number]> {
    const v = renderPanel(h, teacherOf(0));
    view = v;
    await connectThroughForm(0, v);
    await click(byText(v.root, '[role="tab"]', 'Диагностика'));
    await click(await waitFor(() => query(v.root, `button[aria-label^="Начать: ${title}"]`)));
    await waitFor(() => expect(v.text()).toMatch(/вопрос 1 из \d+/));
    return [v, Number(v.text().match(/вопрос 1 из (\d+)/)![1])];
  }

  it('asks for the code and the consent, and opens the tabs once connected', async () => {
    view = renderPanel(h, teacherOf(0));
    await waitFor(() => expect(view!.text()).toContain(`В журнале вы вошли как: ${h.t.demo.teachers[0]!.name}`));
    expect(view.text()).toContain('152-ФЗ');
    await type(byLabel(view.root, 'Код подключения'), h.t.demo.teachers[0]!.code);
    await click(byText(view.root, 'button', 'Подключить профиль'));
    await waitFor(() => expect(view!.root.querySelector('[role="alert"]')?.textContent).toContain('согласие'));

    await click(byLabel(view.root, /даю согласие/));
    await click(byText(view.root, 'button', 'Подключить профиль'));
    await waitFor(() => expect(view!.root.querySelector('[role="tablist"]')).not.toBeNull());

    // Tabs: one tab stop, arrows move and select, the panel is labelled by its tab.
    const tabs = [...view.root.querySelectorAll<HTMLElement>('[role="tab"]')];
    expect(tabs.map((tab) => tab.textContent)).toEqual([
      'Мой профиль',
      'Диагностика',
      'Маршрут',
      'Курсы ДПО',
      'Мероприятия',
      'Наставничество',
      'Рекомендации',
      'Консультации',
      'Настройки',
    ]);
    expect(tabs.map((tab) => tab.tabIndex)).toEqual([0, ...tabs.slice(1).map(() => -1)]);
    await press(tabs[0]!, 'ArrowLeft');
    const selected = view.root.querySelector('[role="tab"][aria-selected="true"]')!;
    expect(selected.textContent).toBe('Настройки');
    expect(view.root.querySelector('[role="tabpanel"]')!.getAttribute('aria-labelledby')).toBe(selected.id);
  });

  it('shows nothing of another teacher connected on the same computer, and offers to connect the one signed in', async () => {
    view = renderPanel(h, teacherOf(0));
    await connectThroughForm(0, view);
    view.unmount();

    view = renderPanel(h, teacherOf(1));
    await waitFor(() => expect(view!.text()).toContain('подключён профиль другого педагога'));
    expect(view.text()).not.toContain(h.t.demo.teachers[0]!.name);
    expect(view.root.querySelector('[role="tablist"]')).toBeNull();
    await connectThroughForm(1, view);
    expect(view.text()).toContain(h.t.demo.teachers[1]!.name);
  });

  it('lets the teacher confirm or correct a name the journal is not sure of', async () => {
    const full = h.t.demo.teachers[0]!.name;
    view = renderPanel(h, { name: 'Соколова А. В.', school: '', role: '' }, true);
    const input = await waitFor(() => byLabel(view!.root, 'Ваши фамилия, имя и отчество'));
    expect(input.value).toBe('Соколова А. В.');
    await type(input, full);
    await click(byText(view.root, 'button', 'Это я'));
    // The journal does not vouch for the name: connecting asks for a PIN.
    await waitFor(() => byLabel(view!.root, 'Код подключения'));
    await type(byLabel(view.root, 'Код подключения'), h.t.demo.teachers[0]!.code);
    await click(byText(view.root, 'button', 'Подключить профиль'));
    await waitFor(() => expect(view!.root.querySelector('[role="alert"]')?.textContent).toContain('PIN-код из 4–6 цифр'));
    await connectThroughForm(0, view, '4821');
    view.unmount();

    // Next time the journal shows the name it read before: the journal vouches for who is signed in, and her profile opens.
    view = renderPanel(h, { name: 'Соколова А. В.', school: '', role: '' }, true);
    await waitFor(() => expect(view!.root.querySelector('[role="tablist"]')).not.toBeNull());
    view.unmount();
    // …and a journal that cannot read the name asks for it; the typed name opens nothing without the PIN.
    view = renderPanel(h, null, true);
    const empty = await waitFor(() => byLabel(view!.root, 'Ваши фамилия, имя и отчество'));
    expect(empty.value).toBe('');
    await click(byText(view.root, 'button', 'Это я'));
    expect(view.root.querySelector('[role="alert"]')?.textContent).toBe('Введите фамилию, имя и отчество.');
    await type(empty, full.toLowerCase());
    await click(byText(view.root, 'button', 'Это я'));
    await type(await waitFor(() => byLabel(view!.root, 'PIN-код профиля')), '1111');
    await click(byText(view.root, 'button', 'Открыть профиль'));
    await waitFor(() => expect(view!.root.querySelector('[role="alert"]')?.textContent).toContain('PIN-код не подошёл'));
    expect(view.root.querySelector('[role="tablist"]')).toBeNull();
    expect(view.text()).not.toContain(h.t.demo.teachers[0]!.school);
    await type(byLabel(view.root, 'PIN-код профиля'), '4821');
    await click(byText(view.root, 'button', 'Открыть профиль'));
    await waitFor(() => expect(view!.root.querySelector('[role="tablist"]')).not.toBeNull());
  });

  it('takes a diagnostic by keyboard, saves every answer on the device and resumes where the teacher stopped', async () => {
    const [started, total] = await startDiagnostic('Профессиональное выгорание: скрининг');
    view = started;

    const runner = () => view!.root.querySelector('.runner')!;
    await press(runner(), '4');
    expect(view.root.querySelector<HTMLInputElement>('.choice--checked input')?.checked).toBe(true);
    await press(runner(), 'Enter');
    await waitFor(() => expect(view!.text()).toContain(`вопрос 2 из ${total}`));
    await press(runner(), 'ArrowDown'); // picks the first choice
    await press(runner(), 'ArrowDown'); // and moves to the second
    await press(runner(), 'ArrowRight');
    await press(runner(), '9'); // no ninth choice: nothing happens
    await press(runner(), 'ArrowLeft');
    await waitFor(() => expect(view!.text()).toContain(`вопрос 2 из ${total}`));
    await press(runner(), 'ArrowRight');
    await waitFor(() => expect(view!.text()).toContain(`вопрос 3 из ${total}`));

    const draftKey = Object.keys(h.storage.dump()).find((key) => key.endsWith('draft:burnoutScreening'))!;
    await waitFor(() => expect(h.storage.dump()[draftKey]).toMatchObject({ current: 2 }));
    const draft = h.storage.dump()[draftKey] as { answers: Record<string, number> };
    expect(Object.values(draft.answers)).toEqual([4, 2]);

    view.unmount(); // the tab is closed
    view = renderPanel(h, teacherOf(0));
    await click(await waitFor(() => byText(view!.root, '[role="tab"]', 'Диагностика')));
    await waitFor(() => expect(view!.text()).toContain(`начата: отвечено 2 из ${total}`));
    await click(query(view.root, 'button[aria-label="Продолжить: Профессиональное выгорание: скрининг"]'));
    await waitFor(() => expect(view!.text()).toContain(`вопрос 3 из ${total}`));
  });

  it('keeps every answer of a teacher typing faster than the panel re-renders', async () => {
    const [started, total] = await startDiagnostic('Профессиональное выгорание: скрининг');
    view = started;
    const runner = view.root.querySelector('.runner')!;
    // Answer and go on, five times, with no render in between: each key lands on the question it was meant for.
    const keys = ['4', 'Enter', '2', 'Enter', '5', 'Enter', '1', 'Enter', '3', 'Enter'];
    await act(() => {
      for (const key of keys) runner.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
    });
    await waitFor(() => expect(view!.text()).toContain(`вопрос 6 из ${total}`));
    const draftKey = Object.keys(h.storage.dump()).find((key) => key.endsWith('draft:burnoutScreening'))!;
    await waitFor(() => expect(h.storage.dump()[draftKey]).toMatchObject({ current: 5 }));
    const draft = h.storage.dump()[draftKey] as { answers: Record<string, number> };
    expect(Object.values(draft.answers)).toEqual([4, 2, 5, 1, 3]);
  });

  it('takes the methodical test without previewing its score: the keys stay on the server, which scores it', async () => {
    const [started, total] = await startDiagnostic('Методическая компетентность');
    view = started;
    const runner = () => view!.root.querySelector('.runner')!;
    for (let i = 1; i <= total; i++) {
      await waitFor(() => expect(view!.text()).toContain(`вопрос ${i} из ${total}`));
      await press(runner(), '1');
      await press(runner(), 'Enter');
    }
    await waitFor(() => expect(view!.text()).toContain(messages.sync.scoredOnServer));
    expect(view.root.querySelector('[data-preview]')).toBeNull();

    await click(byText(view.root, 'button', 'Отправить результат'));
    const stored = () => h.t.db.prepare("SELECT result_json FROM attempts WHERE instrument_id = 'methodicalTest'").all();
    await waitFor(() => expect(stored()).toHaveLength(1));
  });

  it('says what waits on the device while the server is down, and what the server refused', async () => {
    view = renderPanel(h, teacherOf(0));
    await connectThroughForm(0, view);
    // A first diagnostic: before it the route only asks for one.
    const teacher = (await h.worker.handle({ type: 'getState', journalName: h.t.demo.teachers[0]!.name, vouched: true })).session!;
    const selfAssessment = instrumentById('selfAssessment')!;
    await h.worker.handle({
      type: 'change',
      sessionId: teacher.id,
      change: {
        kind: 'attempt',
        attempt: {
          id: crypto.randomUUID(),
          instrumentId: selfAssessment.id,
          instrumentVersion: selfAssessment.version,
          answers: allLikert(selfAssessment, 2),
          completedAt: new Date().toISOString(),
        },
        label: selfAssessment.title,
      },
    });
    await waitFor(() => expect(h.t.db.prepare('SELECT count(*) AS n FROM attempts').get()).toEqual({ n: 1 }));
    await click(byText(view.root, '[role="tab"]', 'Маршрут'));
    await waitFor(() => byText(view!.root, 'button', 'Принять'));
    h.offline = true;
    await click(byText(view.root, 'button', 'Принять'));
    await waitFor(() => expect(view!.text()).toContain('Сохранено на устройстве, ждёт отправки (1)'));
    expect(view.root.querySelector('[data-route-item][data-status="accepted"]')?.textContent).toContain('изменение ждёт отправки');

    h.offline = false;
    await click(byText(view.root, 'button', 'Отправить сейчас'));
    await waitFor(() => expect(view!.root.querySelector('[data-pending]')).toBeNull());
    expect(h.t.db.prepare("SELECT count(*) AS n FROM route_items WHERE status = 'accepted'").get()).toEqual({ n: 1 });

    // A sign-up the server refuses (a run that does not exist) is shown with its sentence.
    const session = (await h.worker.handle({ type: 'getState', journalName: h.t.demo.teachers[0]!.name, vouched: true })).session!;
    await h.worker.handle({
      type: 'change',
      sessionId: session.id,
      change: { kind: 'signUp', enrollmentId: crypto.randomUUID(), programId: 'burnout', runId: 'no-such-run', label: 'Профилактика выгорания' },
    });
    await waitFor(() => expect(view!.root.querySelector('[data-failed="signUp"]')?.textContent).toContain('У этой программы нет такого потока.'));
  });

  it('asks the three feedback questions on a completed programme and offers to retake the diagnostic', async () => {
    view = renderPanel(h, teacherOf(0));
    await connectThroughForm(0, view);
    const session = (await h.worker.handle({ type: 'getState', journalName: h.t.demo.teachers[0]!.name, vouched: true })).session!;
    const enrollmentId = crypto.randomUUID();
    await h.worker.handle({
      type: 'change',
      sessionId: session.id,
      change: { kind: 'signUp', enrollmentId, programId: 'digital-lesson', runId: 'digital-lesson-1', label: 'x' },
    });
    await waitFor(() => expect(h.t.db.prepare('SELECT status FROM enrollments WHERE id = ?').get(enrollmentId)).toEqual({ status: 'confirmed' }));
    // The run ends: by the completion rule the sign-up is completed.
    h.t.db.prepare("UPDATE program_runs SET start_date = '2020-01-01', end_date = '2020-01-20' WHERE id = 'digital-lesson-1'").run();

    await click(byText(view.root, '[role="tab"]', 'Курсы ДПО'));
    const card = await waitFor(() => query(view!.root, `[data-enrollment="${enrollmentId}"]`));
    expect(card.getAttribute('data-status')).toBe('completed');
    expect(card.textContent).toContain('обучение завершено');
    await click(byText(card, 'button', 'Отправить отзыв'));
    expect(card.querySelector('[role="alert"]')?.textContent).toBe('Ответьте на первый и третий вопросы.');

    await click(byLabel(card, 'отчасти'));
    await type(byLabel<HTMLTextAreaElement>(card, 'Что изменилось в ваших уроках?'), 'Стала проводить уроки с цифровыми тренажёрами.');
    await click(card.querySelectorAll<HTMLInputElement>('fieldset')[1]!.querySelector('input')!); // «да»
    await click(byText(card, 'button', 'Отправить отзыв'));
    await waitFor(() => expect(card.textContent).toContain('Спасибо за отзыв!'));
    await waitFor(() =>
      expect(JSON.parse((h.t.db.prepare('SELECT feedback_json AS f FROM enrollments WHERE id = ?').get(enrollmentId) as { f: string }).f)).toEqual({
        useful: 'partly',
        changedInLessons: 'Стала проводить уроки с цифровыми тренажёрами.',
        wouldRecommend: true,
      }),
    );

    expect(card.textContent).toContain('методическая, цифровая');
    await click(byText(card, 'button', 'Пройти диагностику снова'));
    await waitFor(() => expect(view!.text()).toMatch(/вопрос 1 из 54/));
    expect(view.root.querySelector('[role="tab"][aria-selected="true"]')?.textContent).toBe('Диагностика');
  });

  it('asks for the code before the server’s address, which waits behind «Дополнительно»', async () => {
    view = renderPanel(h, teacherOf(0));
    const code = await waitFor(() => byLabel(view!.root, 'Код подключения'));
    const server = view.root.querySelector('#profrost-server')!;
    expect(code.compareDocumentPosition(server) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(server.closest('details')?.open).toBe(false);
    expect(server.closest('details')?.querySelector('summary')?.textContent).toBe('Дополнительно: адрес сервера');
    expect(view.root.ownerDocument.activeElement).toBe(code);
  });

  it('lists the self-diagnostic first, and never offers «Записаться» on a run that has ended', async () => {
    view = renderPanel(h, teacherOf(0));
    await connectThroughForm(0, view);
    await click(byText(view.root, '[role="tab"]', 'Диагностика'));
    const first = await waitFor(() => query(view!.root, '[data-instrument]'));
    expect(first.getAttribute('data-instrument')).toBe('selfAssessment');

    // The run ended yesterday; the catalogue still lists it.
    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    h.t.db.prepare("UPDATE program_runs SET start_date = '2020-01-01', end_date = ? WHERE id = 'digital-lesson-1'").run(yesterday);
    await click(byText(view.root, '[role="tab"]', 'Курсы ДПО'));
    const run = await waitFor(() => query(view!.root, '[data-run="digital-lesson-1"]'));
    expect(run.querySelector('button')).toBeNull();
    expect(run.textContent).toContain('Поток уже закончился: запись на него закрыта.');
    expect(run.textContent).not.toContain('Записаться');
  });

  it('signs out after confirmation, removing the teacher’s data from the device', async () => {
    view = renderPanel(h, teacherOf(0));
    await connectThroughForm(0, view);
    await click(byText(view.root, '[role="tab"]', 'Настройки'));
    const confirmations: string[] = [];
    window.confirm = (text?: string) => {
      confirmations.push(text ?? '');
      return true;
    };
    await click(await waitFor(() => byText(view!.root, 'button', 'Выйти на этом устройстве')));
    await waitFor(() => expect(view!.text()).toContain('Код подключения'));
    expect(confirmations).toEqual(['Выйти на этом устройстве?']);
    expect(h.storage.dump().sessions).toEqual([]);
    expect(Object.keys(h.storage.dump()).filter((key) => key.startsWith('s:'))).toEqual([]);
  });
});
