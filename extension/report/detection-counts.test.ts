import { describe, expect, it } from 'vitest';
import { createLock } from '../sync/lock.ts';
import { memoryStorage } from '../testing/memory-storage.ts';
import { batchDetectionCounts, batchEveryMs, countDetection, countsKey } from './detection-counts.ts';

describe('detection counts', () => {
  const outboxKey = 's:one:outbox';

  it('counts per journal and host, and moves them into the outbox once, as one batch', async () => {
    const area = memoryStorage();
    const lock = createLock();
    await Promise.all([
      countDetection(area, lock, 'sgo', 'sgo.e-yakutia.ru', 'pagesSeen'),
      countDetection(area, lock, 'sgo', 'sgo.e-yakutia.ru', 'pagesSeen'),
      countDetection(area, lock, 'sgo', 'sgo.e-yakutia.ru', 'corrected'),
      countDetection(area, lock, 'eljur', 'gym40.eljur.ru', 'launcherFailed'),
    ]);
    const now = 10 * batchEveryMs;
    expect(await batchDetectionCounts(area, lock, { outboxKey, id: 'b1', now })).toBe(true);
    const outbox = area.dump()[outboxKey] as { key: string; request: { body: { id: string; counts: unknown[] } } }[];
    expect(outbox).toHaveLength(1);
    expect(outbox[0]!.request.body).toEqual({
      id: 'b1',
      counts: [
        { journal: 'sgo', host: 'sgo.e-yakutia.ru', pagesSeen: 2, identityRead: 0, confirmed: 0, corrected: 1, launcherFailed: 0 },
        { journal: 'eljur', host: 'gym40.eljur.ru', pagesSeen: 0, identityRead: 0, confirmed: 0, corrected: 0, launcherFailed: 1 },
      ],
    });
    expect(area.dump()[countsKey]).toEqual({});
    // Nothing new counted, or too soon after the last batch: no batch.
    expect(await batchDetectionCounts(area, lock, { outboxKey, id: 'b2', now: now + 1 })).toBe(false);
    await countDetection(area, lock, 'sgo', 'sgo.e-yakutia.ru', 'pagesSeen');
    expect(await batchDetectionCounts(area, lock, { outboxKey, id: 'b2', now: now + 1 })).toBe(false);
    expect(await batchDetectionCounts(area, lock, { outboxKey, id: 'b2', now: now + batchEveryMs })).toBe(true);
    expect((area.dump()[outboxKey] as unknown[]).length).toBe(2);
  });
});
