/**
 * One run per key at a time: asking while one runs gets a second run right
 * after it (not a third or a fourth), and `force` is kept if any caller
 * asked for it. Used so that a change, the panel opening and the alarm never
 * send the same outbox twice at once.
 */
export function singleFlight(run: (key: string, force: boolean) => Promise<void>) {
  const running = new Map<string, { done: Promise<void>; again: boolean; force: boolean }>();
  return function request(key: string, force: boolean): Promise<void> {
    const current = running.get(key);
    if (current) {
      current.again = true;
      current.force ||= force;
      return current.done;
    }
    const state = { again: false, force, done: Promise.resolve() };
    state.done = (async () => {
      try {
        do {
          const forceThis = state.force;
          state.again = false;
          state.force = false;
          await run(key, forceThis);
        } while (state.again);
      } finally {
        running.delete(key);
      }
    })();
    running.set(key, state);
    return state.done;
  };
}
