/** How long to wait before the next try of a change the server did not take. */
export interface BackoffOptions {
  baseMs: number;
  maxMs: number;
  /** 0..1; a share of the delay is random so that many browsers do not retry in step. */
  random: () => number;
}

export const defaultBackoff: BackoffOptions = { baseMs: 5_000, maxMs: 10 * 60_000, random: Math.random };

/** Doubling from `baseMs` with each failed try (1, 2, 3…), capped at `maxMs`, between half and all of it. */
export function backoffDelay(tries: number, options: BackoffOptions = defaultBackoff): number {
  const full = Math.min(options.maxMs, options.baseMs * 2 ** Math.max(0, tries - 1));
  return Math.round(full / 2 + (full / 2) * options.random());
}
