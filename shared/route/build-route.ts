import { type CompetencyId, competencyIds, type DeficitLevel } from '../competencies.ts';
import type { Enrollment, Program, RoutePreferences } from '../schemas/program.ts';
import { deficitsOf } from '../scoring/deficits.ts';
import { type CourseOption, courseOptions, startsInside, startWindow } from './courses.ts';
import { type Finding, reasons } from './reasons.ts';
import { type Recommendation, recommendationId } from './recommendation.ts';

/** What the builder needs of a profile; `currentProfile` returns it, a server may assemble it from stored levels. */
export interface RouteProfile {
  competencies: Record<CompetencyId, { level: DeficitLevel | 'insufficientData'; score: number | null }>;
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
      });
      continue;
    }
    const finding: Finding = { competency, level, score };
    if (level === 'noDeficit') {
      recommendations.push(activity(finding, 'methodicalAssociation'), activity(finding, 'competition'));
      continue;
    }

    if (level === 'highDeficit') recommendations.push(activity(finding, 'mentoring'));
    const covering = coveringEnrollments(competency, liveEnrollments, programs);
    if (covering.length > 0) {
      recommendations.push(...covering.map((e) => signedUp(finding, e)));
      continue;
    }
    const reused = chosen.find((option) => option.program.competencies.includes(competency));
    const fresh = reused ? undefined : courseOptions(competency, catalogue, filter).find((o) => o.program.hours <= hoursLeft);
    if (fresh) {
      hoursLeft -= fresh.program.hours;
      chosen.push(fresh);
    }
    const course = reused ?? fresh;
    if (course) recommendations.push(courseRecommendation(finding, course));
    else if (level === 'highDeficit') recommendations.push(activity(finding, 'internship'), activity(finding, 'selfEducation'));
    else recommendations.push(activity(finding, 'webinar'), activity(finding, 'selfEducation'));
  }

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

function signedUp(finding: Finding, enrollment: LiveEnrollment): Recommendation {
  return {
    id: recommendationId(finding.competency, 'course', enrollment.programId),
    competency: finding.competency,
    kind: 'course',
    programId: enrollment.programId,
    runId: enrollment.runId,
    enrollmentId: enrollment.id,
    reason: reasons.signedUp(finding, enrollment.status, enrollment.waitlistPosition),
  };
}

function courseRecommendation(finding: Finding, { program, run, open }: CourseOption): Recommendation {
  return {
    id: recommendationId(finding.competency, 'course', program.id),
    competency: finding.competency,
    kind: 'course',
    programId: program.id,
    runId: run.id,
    ...(open ? {} : { waitlist: true }),
    reason: open ? reasons.course(finding, run.start) : reasons.courseFull(finding, run.start),
  };
}

type NonCourseKind = 'mentoring' | 'internship' | 'webinar' | 'selfEducation' | 'methodicalAssociation' | 'competition';

function activity(finding: Finding, kind: NonCourseKind): Recommendation {
  return {
    id: recommendationId(finding.competency, kind),
    competency: finding.competency,
    kind,
    reason: reasons[kind](finding),
  };
}
