/**
 * Runs read-modify-write steps on storage one after another. The background
 * worker answers several messages and an alarm at once; without this two of
 * them could read the same outbox and one write would be lost.
 */
export function createLock() {
  let tail: Promise<unknown> = Promise.resolve();
  return function withLock<T>(step: () => Promise<T>): Promise<T> {
    const result = tail.then(step, step);
    tail = result.catch(() => undefined);
    return result;
  };
}
export type Lock = ReturnType<typeof createLock>;
