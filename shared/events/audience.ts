import type { ActivityKind } from '../competencies.ts';
import type { EventKind } from './kinds.ts';

/**
 * Which ИОМ item an event fulfils: an МО meeting the item «методическое
 * объединение», a competition the item «конкурс профмастерства». Other kinds
 * fulfil no item (yet).
 */
export const routeKindOfEvent: Partial<Record<EventKind, ActivityKind>> = {
  methodicalAssociation: 'methodicalAssociation',
  competition: 'competition',
};

/** The event kind a route item of this kind looks for, if any. */
export function eventKindForRouteItem(kind: ActivityKind): EventKind | undefined {
  return (Object.entries(routeKindOfEvent) as [EventKind, ActivityKind][]).find(([, routeKind]) => routeKind === kind)?.[0];
}

const fold = (text: string) => text.toLocaleLowerCase('ru-RU').replaceAll('ё', 'е').trim();

/**
 * Is an event's audience subject one of the teacher's subjects? Until
 * subjects are a list of their own, the roster's free text («математика,
 * информатика») is split at commas and semicolons and compared without case
 * and ё; an event without a subject is for everyone.
 */
export function subjectFits(audienceSubject: string, teacherSubjects: string): boolean {
  const wanted = fold(audienceSubject);
  if (wanted === '') return true;
  return teacherSubjects.split(/[,;]/).some((subject) => fold(subject) === wanted);
}
