/**
 * When to warm the summaries' base after the aggregates change. A warm recounts every family of the
 * republic (seconds of CPU on 100,000 teachers), and a change during it throws its result away; warming
 * after every run of the aggregates, as the refresher settles them, kept a thread busy for the whole of a
 * stream of attempts, on the same cores as the requests, to produce bases nobody read. So a warm starts
 * once the changes have paused for `quietMs`, or, under changes that never pause, once the first unwarmed
 * change has waited `maxLagMs`. A page asked for meanwhile computes what it needs on the thread (warm.ts).
 */
export interface WarmSchedule {
  /** The aggregates have changed. */
  changed(): void;
}

export function scheduleWarms(warm: () => void, { quietMs = 2_000, maxLagMs = 60_000 }: { quietMs?: number; maxLagMs?: number } = {}): WarmSchedule {
  let timer: NodeJS.Timeout | undefined;
  let firstChangeAt: number | undefined;
  const fire = () => {
    timer = undefined;
    firstChangeAt = undefined;
    warm();
  };
  return {
    changed() {
      const now = Date.now();
      firstChangeAt ??= now;
      if (timer) clearTimeout(timer);
      // unref: a warm not yet started keeps no process alive; the first page computes what it needs.
      timer = setTimeout(fire, Math.max(0, Math.min(quietMs, firstChangeAt + maxLagMs - now))).unref();
    },
  };
}
