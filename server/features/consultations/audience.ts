import type { Audience } from '../../../shared/api/consultations.ts';

/** What the audience rules look at. */
export interface Member {
  municipalityId: number;
  subjects: string;
  experienceYears: number | null;
  erased: boolean;
}

/** Lower case, ё as е, so that «Русский язык» matches «русский язык, литература». */
const fold = (text: string) => text.toLocaleLowerCase('ru-RU').replaceAll('ё', 'е').trim();

/**
 * Whether a teacher is in a consultation's audience: everyone; the teachers of one municipality; those
 * whose subjects on the roster name the subject (free text, matched as a part of the subjects, case and ё
 * aside); молодые педагоги, with fewer than 3 full years of experience (an unknown experience is not early).
 * An erased teacher is in no audience.
 */
export function inAudience(audience: Audience, member: Member): boolean {
  if (member.erased) return false;
  switch (audience.kind) {
    case 'all':
      return true;
    case 'municipality':
      return member.municipalityId === audience.municipalityId;
    case 'subject':
      return fold(member.subjects).includes(fold(audience.subject));
    case 'earlyCareer':
      return member.experienceYears !== null && member.experienceYears < 3;
  }
}

/** Upcoming before its first day, open through its last day (inclusive), closed after. */
export function stateOn(consultation: { opensOn: string; closesOn: string }, today: string): 'upcoming' | 'open' | 'closed' {
  if (today < consultation.opensOn) return 'upcoming';
  return today <= consultation.closesOn ? 'open' : 'closed';
}
