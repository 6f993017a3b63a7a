// @vitest-environment happy-dom
import { render } from 'preact';
import { describe, expect, it } from 'vitest';
import { CompetencyChart } from './CompetencyChart.tsx';

describe('the competency chart', () => {
  it('draws five bars in the framework’s order, highlights deficits and marks the previous score', () => {
    const root = document.createElement('div');
    render(
      <CompetencyChart
        rows={[
          { competency: 'digital', score: 85, level: 'noDeficit', delta: 10 },
          { competency: 'subject', score: 40, level: 'highDeficit', delta: null },
          { competency: 'methodical', score: 70, level: 'moderateDeficit', delta: -5 },
          { competency: 'psychoPedagogical', score: null, level: 'insufficientData', delta: null },
          { competency: 'communicative', score: 90, level: 'noDeficit', delta: null },
        ]}
      />,
      root,
    );
    const svg = root.querySelector('svg')!;
    expect(svg.getAttribute('role')).toBe('img');
    expect(svg.querySelector('title')?.textContent).toBe('Профиль компетенций');
    const rows = [...svg.querySelectorAll('[data-competency]')];
    expect(rows.map((row) => row.getAttribute('data-competency'))).toEqual(['subject', 'methodical', 'psychoPedagogical', 'communicative', 'digital']);
    expect(svg.querySelector('[data-competency="subject"] .chart__bar--highDeficit')).not.toBeNull();
    expect(svg.querySelector('[data-competency="methodical"] .chart__bar--moderateDeficit')).not.toBeNull();
    // No score, no bar; the value reads as a dash.
    expect(svg.querySelector('[data-competency="psychoPedagogical"] [class^="chart__bar"]')).toBeNull();
    expect(svg.querySelector('[data-competency="psychoPedagogical"] .chart__value')?.textContent).toBe('—');
    // Growth: a tick where the previous score was.
    expect(svg.querySelectorAll('.chart__previous')).toHaveLength(2);
  });
});
