/** Who the journal page says is logged in; only these three facts ever leave the page. */
export interface JournalTeacher {
  name: string;
  school: string;
  role: string;
}

/**
 * What the extension knows about one e-journal: which pages are a teacher's,
 * who is logged in, and where the launcher goes.
 */
export interface JournalAdapter {
  id: string;
  /** The journal's name as teachers know it. */
  title: string;
  /** Match patterns of the journal's pages, for the manifest. */
  matches: string[];
  isTeacherPage(url: URL, document: Document): boolean;
  readTeacher(document: Document): JournalTeacher | null;
}

export function textOf(document: Document, selector: string): string {
  return document.querySelector(selector)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
}
