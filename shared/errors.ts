/**
 * Typed errors of the domain logic. Each carries a list of issues with a
 * dotted path (`items.3.measures.0.indicator`) so that an admin upload page or
 * an API response can point at the exact place; messages are in Russian
 * because they are shown to methodists and teachers as they are.
 */

export interface ValidationIssue {
  /** Dotted path into the checked document; empty for the document as a whole. */
  path: string;
  message: string;
}

export abstract class DomainError extends Error {
  /** Stable, machine-readable code for API error bodies. */
  abstract readonly code: string;
  readonly issues: readonly ValidationIssue[];

  constructor(summary: string, issues: readonly ValidationIssue[], withPaths = true) {
    super(`${summary}: ${issues.map((issue) => (withPaths ? withPath(issue) : issue.message)).join('; ')}`);
    this.issues = issues;
  }
}

export class FrameworkInvalidError extends DomainError {
  override readonly name = 'FrameworkInvalidError';
  readonly code = 'framework_invalid';
  constructor(issues: readonly ValidationIssue[]) {
    super('Рамка компетенций содержит ошибки', issues);
  }
}

export class InstrumentInvalidError extends DomainError {
  override readonly name = 'InstrumentInvalidError';
  readonly code = 'instrument_invalid';
  constructor(issues: readonly ValidationIssue[]) {
    super('Инструмент диагностики содержит ошибки', issues);
  }
}

/** Answers that do not fit the instrument, or were given for another instrument or version. */
export class AnswersInvalidError extends DomainError {
  override readonly name = 'AnswersInvalidError';
  readonly code = 'answers_invalid';
  constructor(issues: readonly ValidationIssue[]) {
    // Each message already names its item; the path would only repeat it.
    super('Ответы не подходят к инструменту', issues, false);
  }
}

function withPath(issue: ValidationIssue): string {
  return issue.path === '' ? issue.message : `${issue.message} (${issue.path})`;
}

/** Turns a zod issue path into the dotted form used across the product. */
export function dottedPath(path: readonly PropertyKey[]): string {
  return path.map((segment) => String(segment)).join('.');
}
