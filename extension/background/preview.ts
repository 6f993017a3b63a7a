import { frameworkGuard, sittingInstrumentGuard } from '../../shared/api/answer-guards.ts';
import { frameworkContent } from '../../shared/content/framework.ts';
import type { Framework } from '../../shared/schemas/framework.ts';
import type { Answers } from '../../shared/schemas/instrument.ts';
import { isScorableOnDevice } from '../../shared/scoring/on-device.ts';
import { scoreAttempt } from '../../shared/scoring/score-attempt.ts';
import { messages } from '../messages.ts';
import { readCache } from '../sync/cache.ts';
import { cacheKey } from '../sync/sessions.ts';
import type { StorageArea } from '../sync/storage-area.ts';
import type { Requests } from './protocol.ts';

/**
 * The score of answers given so far, computed on this device with the shared
 * scoring and the copy of the instrument cached when it was opened, so it
 * works offline. The server scores again on receipt; its result is the one kept.
 * A knowledge test is not previewed: its keys never reach the device.
 */
let shipped: Framework | undefined;
/** The shipped framework, checked once the first time a score is previewed (not when the worker starts). */
function shippedFramework(): Framework | undefined {
  if (!shipped) {
    const checked = frameworkGuard.check(frameworkContent);
    if (checked.ok) shipped = checked.value;
  }
  return shipped;
}

export async function previewScore(local: StorageArea, sessionId: string, instrumentId: string, answers: Answers): Promise<Requests['preview']['response']> {
  const cached = await readCache(local, cacheKey(sessionId, `instrument:${instrumentId}`));
  const instrument = sittingInstrumentGuard.check(cached?.data);
  if (!instrument.ok) return { ok: false, message: messages.sync.noInstrument };
  // A test comes without its answer keys (shared/schemas/instrument.ts): only the server scores it.
  if (!isScorableOnDevice(instrument.value)) return { ok: false, message: messages.sync.scoredOnServer };
  const framework = shippedFramework();
  if (!framework) return { ok: false, message: messages.sync.previewFailed };
  try {
    return { ok: true, result: scoreAttempt(instrument.value, { instrumentId, instrumentVersion: instrument.value.version, answers }, framework) };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : messages.sync.previewFailed };
  }
}
