import type { CompetencyId } from '../competencies.ts';
import type { Program, ProgramRun, RoutePreferences } from '../schemas/program.ts';

/** A programme that could close a deficit, with the run the teacher would take. */
export interface CourseOption {
  program: Program;
  run: ProgramRun;
  /** Seats left on the run; a full run still counts, but only through its waitlist. */
  open: boolean;
  /** The teacher's weak indicators the programme names (it addresses them). */
  matches: number;
}

/** The dates a new course may start in: not before today, and inside the teacher's period. */
export interface StartWindow {
  from: string;
  to: string | null;
}

export function startWindow(today: string, preferences: RoutePreferences): StartWindow {
  const from = preferences.from !== null && preferences.from > today ? preferences.from : today;
  return { from, to: preferences.to };
}

/** ISO dates compare correctly as strings. */
export function startsInside(run: ProgramRun, window: StartWindow): boolean {
  return run.start >= window.from && (window.to === null || run.start <= window.to);
}

export interface CourseFilter {
  window: StartWindow;
  formats: RoutePreferences['formats'];
  /** Programmes the teacher has already signed up for, in any status but cancelled. */
  excludedProgramIds: ReadonlySet<string>;
  /** The teacher's municipality; programmes of other municipalities do not fit. Null: unknown, anything fits. */
  municipality: string | null;
  /** The teacher's weak indicators: programmes naming them are preferred. */
  weakIndicators?: readonly string[];
}

/**
 * Every programme that fits the competency and the teacher's preferences,
 * best first: open runs before full ones, then the programmes that name more
 * of the teacher's weak indicators, then the earliest start, then fewer
 * hours, then programme id so that equal options never swap places. The hours
 * budget is applied by the caller, which shares it across the whole route.
 */
export function courseOptions(competency: CompetencyId, catalogue: readonly Program[], filter: CourseFilter): CourseOption[] {
  const options: CourseOption[] = [];
  for (const program of catalogue) {
    if (program.archived || !program.competencies.includes(competency)) continue;
    if (filter.excludedProgramIds.has(program.id)) continue;
    if (filter.formats.length > 0 && !filter.formats.includes(program.format)) continue;
    if (filter.municipality !== null && program.municipality !== null && program.municipality !== filter.municipality) continue;
    const matches = program.indicators.filter((id) => filter.weakIndicators?.includes(id)).length;
    const best = program.runs
      .filter((run) => startsInside(run, filter.window))
      .map((run) => ({ program, run, open: run.seatsTaken < run.seats, matches }))
      .sort(compareOptions)[0];
    if (best) options.push(best);
  }
  return options.sort(compareOptions);
}

function compareOptions(a: CourseOption, b: CourseOption): number {
  return (
    Number(b.open) - Number(a.open) ||
    b.matches - a.matches ||
    compareText(a.run.start, b.run.start) ||
    a.program.hours - b.program.hours ||
    compareText(a.program.id, b.program.id) ||
    compareText(a.run.id, b.run.id)
  );
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
