import { knownJournalsFor } from '../../../shared/journals/known-journals.ts';
import { documentProblems } from '../../../shared/journals/override.ts';
import { messages } from './messages.ts';

const t = messages.journalOverrides;

/**
 * Why the extension would refuse (part of) this override document, as Russian
 * sentences; empty when it would apply all of it. The checks are the
 * extension's own (shared/journals/override.ts), run against the journals of a
 * build for this server: of its adapters they need only the ids and hosts.
 */
export function overrideProblems(document: unknown, publicUrl: string): string[] {
  const found = documentProblems(knownJournalsFor(publicUrl), document);
  return [
    ...found.document.map((problem) => t.documentProblem(problem)),
    ...found.entries.flatMap(({ index, id, problems }) => problems.map((problem) => t.entryProblem(index + 1, id, problem))),
  ];
}
