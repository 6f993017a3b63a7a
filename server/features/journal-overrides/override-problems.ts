import { builtInAdaptersFor } from '../../../extension/journals/built-in.ts';
import { documentProblems } from '../../../extension/journals/override.ts';
import { messages } from '../../messages.ts';

const t = messages.journalOverrides;

/**
 * Why the extension would refuse (part of) this override document, as Russian
 * sentences; empty when it would apply all of it. The checks are the
 * extension's own, run against the adapters of a build for this server.
 */
export function overrideProblems(document: unknown, publicUrl: string): string[] {
  const found = documentProblems(builtInAdaptersFor(publicUrl), document);
  return [
    ...found.document.map((problem) => t.documentProblem(problem)),
    ...found.entries.flatMap(({ index, id, problems }) => problems.map((problem) => t.entryProblem(index + 1, id, problem))),
  ];
}
