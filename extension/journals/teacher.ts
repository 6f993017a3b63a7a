/** Who the journal page says is logged in; only these three facts ever leave the page. */
export interface JournalTeacher {
  name: string;
  school: string;
  role: string;
}

/** Role texts that always mean the user is not a teacher (student, parent). */
export const NOT_TEACHER_ROLES = ['ученик', 'учащ', 'обучающ', 'родител', 'законный представитель', 'student', 'parent'];

export function normalizeText(text: string | null | undefined): string {
  return (text ?? '').replace(/\s+/g, ' ').trim();
}
