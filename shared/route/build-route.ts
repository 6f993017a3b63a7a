import { type CompetencyId, competencyIds, type DeficitLevel, type RiskLevel } from '../competencies.ts';
import type { Enrollment, Program, RoutePreferences } from '../schemas/program.ts';
import { deficitsOf } from '../scoring/deficits.ts';
import { type CourseOption, type CourseFilter, courseOptions, startsInside, startWindow } from './courses.ts';
import { descriptions, focusOn } from './descriptions.ts';
import { type Finding, reasons } from './reasons.ts';
import { type Recommendation, recommendationId } from './recommendation.ts';

/** What the builder needs of a profile; `currentProfile` returns it, a server may assemble it from stored levels. */
export interface RouteProfile {
  competencies: Record<CompetencyId, { level: DeficitLevel | 'insufficientData'; score: number | null }>;
  /** The burnout screening; a high risk brings a private suggestion. */
  wellbeing?: { level: RiskLevel | 'insufficientData'; score: number | null };
}

export interface RouteInput {
  profile: RouteProfile;
  catalogue: readonly Program[];
  enrollments: readonly Enrollment[];
  preferences: RoutePreferences;
  /** YYYY-MM-DD; runs starting earlier are not offered. */
  today: string;
  /** The teacher's municipality, when known: programmes of other municipalities are then left out. */
  municipality?: string | null;
  /** Each competency's weakest indicators (ids), weakest first: named on items, and programmes naming them are preferred. */
  weakIndicators?: Partial<Record<CompetencyId, readonly string[]>>;
  /** An indicator's title, for the items' descriptions; the id when not given. */
  indicatorTitle?: (id: string) => string;
}

export interface Route {
  /** Competencies worst first (deficits, then those lacking data, then strengths); see buildRoute. */
  recommendations: Recommendation[];
  /** Hours of the courses newly recommended here. */
  hoursPlanned: number;
  /** Hours of courses the teacher is already signed up for (confirmed or waitlisted) that start in the period. */
  hoursCommitted: number;
}

/**
 * Builds the individual route (ИОМ) from the profile, following the routes of
 * распоряжение Р-201 by band:
 * - highDeficit: mentoring (наставничество) and a course;
 * - moderateDeficit: a course;
 * - noDeficit: non-formal learning — methodical association and a competition;
 * - insufficientData: take the diagnostic first.
 *
 * Courses are chosen deficit by deficit, worst first, because the hours budget
 * is shared by the whole route and the worst deficit should get the first
 * claim on it. A programme already chosen (or already signed up for) that also
 * covers a later deficit covers that one too, at no extra hours. Where no
 * course fits, activities other than courses take its place, so no deficit is
 * ever left without a recommendation. The output depends only on the input
 * values, never on the order of the catalogue or enrollments.
 */
export function buildRoute(input: RouteInput): Route {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(input.today)) throw new RangeError(`дата «${input.today}» не в формате ГГГГ-ММ-ДД`);
  const { profile, catalogue, preferences } = input;
  const programs = new Map(catalogue.map((program) => [program.id, program]));
  const liveEnrollments = input.enrollments.filter(isLive);
  const window = startWindow(input.today, preferences);
  const filter = {
    window,
    formats: preferences.formats,
    excludedProgramIds: new Set(liveEnrollments.map((e) => e.programId)),
    municipality: input.municipality ?? null,
  };
  const weak = (competency: CompetencyId) => input.weakIndicators?.[competency] ?? [];
  const title = input.indicatorTitle ?? ((id: string) => id);
  const focus = (competency: CompetencyId) => focusOn(weak(competency).map(title));

  const hoursCommitted = liveEnrollments
    .filter((e) => e.status === 'confirmed' || e.status === 'waitlisted')
    .reduce((sum, e) => {
      const program = programs.get(e.programId);
      const run = program?.runs.find((r) => r.id === e.runId);
      return program && run && startsInside(run, window) ? sum + program.hours : sum;
    }, 0);
  let hoursLeft = preferences.hoursBudget === null ? Infinity : Math.max(0, preferences.hoursBudget - hoursCommitted);
  const chosen: CourseOption[] = [];

  const recommendations: Recommendation[] = [];
  for (const competency of competencyOrder(profile)) {
    const { level, score } = profile.competencies[competency];
    if (level === 'insufficientData' || score === null) {
      recommendations.push({
        id: recommendationId(competency, 'diagnostics'),
        competency,
        kind: 'selfEducation',
        reason: reasons.takeDiagnostics(competency),
        description: descriptions.diagnostics(competency),
        indicators: [],
      });
      continue;
    }
    const finding: Finding = { competency, level, score };
    const activity = (kind: NonCourseKind): Recommendation => ({
      id: recommendationId(competency, kind),
      competency,
      kind,
      reason: reasons[kind](finding),
      description: descriptions[kind](competency, level === 'noDeficit' ? '' : focus(competency)),
      indicators: level === 'noDeficit' ? [] : [...weak(competency)],
    });
    if (level === 'noDeficit') {
      recommendations.push(activity('methodicalAssociation'), activity('competition'));
      continue;
    }

    if (level === 'highDeficit') recommendations.push(activity('mentoring'));
    const covering = coveringEnrollments(competency, liveEnrollments, programs);
    if (covering.length > 0) {
      recommendations.push(...covering.map((e) => signedUp(finding, e, programs.get(e.programId)?.title ?? '')));
      continue;
    }
    const reused = chosen.find((option) => option.program.competencies.includes(competency));
    const fresh = reused
      ? undefined
      : courseOptions(competency, catalogue, { ...filter, weakIndicators: weak(competency) }).find((o) => o.program.hours <= hoursLeft);
    if (fresh) {
      hoursLeft -= fresh.program.hours;
      chosen.push(fresh);
    }
    const course = reused ?? fresh;
    if (course) recommendations.push(courseRecommendation(finding, course, weak(competency)));
    else if (level === 'highDeficit') recommendations.push(activity('internship'), activity('selfEducation'));
    else recommendations.push(activity('webinar'), activity('selfEducation'));
  }
  const wellbeing = wellbeingSuggestion(profile, catalogue, filter);
  if (wellbeing) recommendations.push(wellbeing);

  return {
    recommendations,
    hoursPlanned: chosen.reduce((sum, option) => sum + option.program.hours, 0),
    hoursCommitted,
  };
}

/** Deficits worst first, then competencies lacking data, then strengths, each in the fixed competency order. */
function competencyOrder(profile: RouteProfile): CompetencyId[] {
  const deficits = deficitsOf(profile.competencies).map((d) => d.competency);
  const rest = competencyIds.filter((c) => !deficits.includes(c));
  const lacking = rest.filter((c) => profile.competencies[c].score === null || profile.competencies[c].level === 'insufficientData');
  return [...deficits, ...lacking, ...rest.filter((c) => !lacking.includes(c))];
}

type LiveEnrollment = Enrollment & { status: 'confirmed' | 'waitlisted' | 'completed' };

function isLive(enrollment: Enrollment): enrollment is LiveEnrollment {
  return enrollment.status !== 'cancelled';
}

const statusPriority = { confirmed: 0, waitlisted: 1, completed: 2 } as const;

/**
 * Sign-ups whose programme covers the competency, one per programme (the most
 * binding status wins, so a rebuilt route shows the same item). Programmes
 * missing from the catalogue are skipped: their competencies are unknown.
 */
function coveringEnrollments(competency: CompetencyId, liveEnrollments: readonly LiveEnrollment[], programs: ReadonlyMap<string, Program>): LiveEnrollment[] {
  const best = new Map<string, LiveEnrollment>();
  for (const enrollment of liveEnrollments) {
    if (!programs.get(enrollment.programId)?.competencies.includes(competency)) continue;
    const current = best.get(enrollment.programId);
    if (!current || compareEnrollments(enrollment, current) < 0) best.set(enrollment.programId, enrollment);
  }
  return [...best.values()].sort((a, b) => (a.programId < b.programId ? -1 : 1));
}

function compareEnrollments(a: LiveEnrollment, b: LiveEnrollment): number {
  return (
    statusPriority[a.status] - statusPriority[b.status] || (a.runId < b.runId ? -1 : a.runId > b.runId ? 1 : 0) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

function signedUp(finding: Finding, enrollment: LiveEnrollment, title: string): Recommendation {
  return {
    id: recommendationId(finding.competency, 'course', enrollment.programId),
    competency: finding.competency,
    kind: 'course',
    programId: enrollment.programId,
    runId: enrollment.runId,
    enrollmentId: enrollment.id,
    reason: reasons.signedUp(finding, enrollment.status, enrollment.waitlistPosition),
    description: title,
    indicators: [],
  };
}

function courseRecommendation(finding: Finding, { program, run, open }: CourseOption, weak: readonly string[]): Recommendation {
  return {
    id: recommendationId(finding.competency, 'course', program.id),
    competency: finding.competency,
    kind: 'course',
    programId: program.id,
    runId: run.id,
    ...(open ? {} : { waitlist: true }),
    reason: open ? reasons.course(finding, run.start) : reasons.courseFull(finding, run.start),
    description: program.title,
    indicators: weak.filter((id) => program.indicators.includes(id)),
  };
}

type NonCourseKind = 'mentoring' | 'internship' | 'webinar' | 'selfEducation' | 'methodicalAssociation' | 'competition';

/**
 * A burnout prevention programme (one naming a wellbeing indicator, or titled
 * so, «выгоран…»), the nearest open run first; without one, a conversation
 * with a psychologist. Only after a high risk, and private to the teacher.
 */
function wellbeingSuggestion(profile: RouteProfile, catalogue: readonly Program[], filter: CourseFilter): Recommendation | undefined {
  if (profile.wellbeing?.level !== 'highRisk') return undefined;
  const prevention = catalogue.filter((program) => program.indicators.some((id) => id.startsWith('wellbeing.')) || /выгоран/i.test(program.title));
  const option = prevention
    .flatMap((program) => courseOptions(program.competencies[0]!, [program], { ...filter, formats: [], excludedProgramIds: new Set() }))
    .sort(
      (a, b) => Number(b.open) - Number(a.open) || (a.run.start < b.run.start ? -1 : a.run.start > b.run.start ? 1 : a.program.id < b.program.id ? -1 : 1),
    )[0];
  if (option) {
    return {
      id: recommendationId('wellbeing', 'course', option.program.id),
      competency: 'wellbeing',
      kind: 'course',
      programId: option.program.id,
      runId: option.run.id,
      ...(option.open ? {} : { waitlist: true }),
      reason: reasons.wellbeingProgram(option.run.start),
      description: option.program.title,
      indicators: [],
      private: true,
    };
  }
  return {
    id: recommendationId('wellbeing', 'psychologist'),
    competency: 'wellbeing',
    kind: 'selfEducation',
    reason: reasons.wellbeingTalk(),
    description: descriptions.psychologist(),
    indicators: [],
    private: true,
  };
}
