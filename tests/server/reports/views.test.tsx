/** @jsxImportSource hono/jsx */
/** @jsxRuntime automatic */
import { describe, expect, it } from 'vitest';
import { dashboardData } from '../../../server/features/staff-reports/store/dashboard.ts';
import { demandPageData, effectivenessPageData } from '../../../server/features/staff-reports/pages.ts';
import { teacherExport } from '../../../server/features/staff-reports/store/teacher-export.ts';
import { DashboardView } from '../../../server/features/staff-reports/views/dashboard.tsx';
import { DemandView } from '../../../server/features/staff-reports/views/demand.tsx';
import { EffectivenessView } from '../../../server/features/staff-reports/views/effectiveness.tsx';
import type { Db } from '../../../server/platform/database/database.ts';
import { eachSmallRepublic } from './fixture.ts';

const period = '2025-2026';
const html = (element: unknown) => String(element);
/** The text a reader sees, tags stripped and entities of quotes restored. */
const text = (markup: string) =>
  markup
    .replace(/<[^>]+>/g, ' ')
    .replace(/&quot;/g, '"')
    .replace(/\s+/g, ' ');

describe('report pages', () => {
  let db: Db;
  let northId: number;
  eachSmallRepublic((fresh) => {
    db = fresh;
    northId = (db.prepare(`SELECT id FROM municipalities WHERE name = 'Северный район'`).get() as { id: number }).id;
  });

  it('shows the republic’s dashboard: participation, a heatmap with titles, top deficits and growth', () => {
    const markup = html(<DashboardView data={dashboardData(db, { period, minGroup: 1 })} />);
    const seen = text(markup);
    expect(markup.startsWith('<section')).toBe(true);
    expect(seen).toContain('Обзор: Вся республика, 2025-2026 учебный год');
    // 14 on the roster, 4 connected, 14 diagnosed (b6 too: a result, if too short to score).
    expect(seen).toMatch(/педагогов в реестре\s*14/);
    expect(seen).toMatch(/подключили расширение\s*4/);
    expect(seen).toMatch(/прошли диагностику\s*14/);
    // The heatmap's cell for Северный район carries its numbers on hover, and the table beside it has them too.
    expect(markup).toContain('<title>Северный район — Методическая: с дефицитом 62,5\u00a0% (5 из 8), средний балл 68,8</title>');
    expect(markup).toMatch(/<svg[^>]*class="chart heatmap"/);
    // Top deficits: 7 of 13 teachers in methodical.
    expect(markup).toContain('<title>Методическая: с дефицитом 53,8\u00a0% (7 из 13)</title>');
    // Early career: a1, a2, a7 — all three with a deficit.
    expect(seen).toContain('Молодые педагоги (стаж до 3 лет)');
    expect(markup).toContain('<title>Методическая: с дефицитом 100\u00a0% (3 из 3)</title>');
    // Growth of the same two teachers against 2024-2025: 62,5 → 60.
    expect(seen).toContain('Приращение относительно 2024-2025 учебного года');
    expect(markup).toContain('<title>Методическая: приращение −2,5 (было 62,5, стало 60; педагогов: 2)</title>');
    expect(markup).not.toContain('<script');
  });

  it('shows a municipality’s schools, and «скрыто» where a school is too small', () => {
    const markup = html(<DashboardView data={dashboardData(db, { period, municipalityId: northId, minGroup: 5 })} />);
    const seen = text(markup);
    expect(seen).toContain('Обзор: Северный район, 2025-2026 учебный год');
    expect(seen).toContain('Школа № 1');
    expect(seen).toContain('Школа № 2');
    expect(seen).not.toContain('Южная школа');
    // Школа № 2 has two teachers with a result: hidden, and Школа № 1 with it.
    expect(markup).toContain('<title>Школа № 2 — Методическая: с дефицитом скрыто (скрыто из скрыто), средний балл скрыто</title>');
    expect(seen).toContain('скрыто');
    expect(seen).toContain('меньше 5 педагогов');
    // The period selector works without JavaScript.
    expect(markup).toMatch(/<form method="get"[^>]*>.*<select name="period">.*<option value="2025-2026" selected="">/s);
  });

  it('shows demand and effectiveness with their method', () => {
    const demand = text(html(<DemandView data={demandPageData(db, { period, minGroup: 1 })} />));
    expect(demand).toContain('Спрос на программы (образовательный заказ): Вся республика');
    expect(demand).toContain('Методическая 7 0 0 7');
    const effectiveness = text(html(<EffectivenessView data={effectivenessPageData(db, { period, minGroup: 5 })} />));
    expect(effectiveness).toContain('Эффективность программ');
    expect(effectiveness).toContain(
      `Потоков, закончившихся в ${period} учебном году, пока нет, а эффективность считается только по закончившимся потокам. Выберите прошлый учебный год выше`,
    );
    expect(effectiveness).toContain('Сопоставимые педагоги');
  });

  it('exports one row per teacher with levels per competency, never the screening', () => {
    const rows = [...teacherExport(db, { period, municipalityId: northId }).rows].map((row) => row.values);
    expect(rows).toHaveLength(8);
    expect(rows[0]).toMatchObject({
      lastName: 'А1',
      school: 'Школа № 1',
      methodicalLevel: 'выраженный дефицит',
      methodicalScore: 50,
      digitalLevel: null,
      digitalScore: null,
    });
    expect(rows.find((row) => row.lastName === 'А6')).toMatchObject({ methodicalLevel: 'дефицит не выявлен', methodicalScore: 95 });
    expect(JSON.stringify(rows)).not.toMatch(/wellbeing|Риск|риск/);
  });
});
