/** A failure the user can fix: the CLI prints its sentence, without a stack trace, and exits non-zero. */
export class CliError extends Error {
  override name = 'CliError';
}
